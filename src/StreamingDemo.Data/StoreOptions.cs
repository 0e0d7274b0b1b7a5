namespace StreamingDemo.Data;

/// <summary>Where the store lives and what the first run seeds it with (section "Store").</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary>SQLite file; relative paths are resolved against the content root. Git-ignored by default.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "streaming.db");

    /// <summary>Scale preset seeded on first run: demo or large.</summary>
    public string Preset { get; set; } = "demo";

    public int Seed { get; set; } = 42;

    /// <summary>Seed the store on start when it is missing or incomplete.</summary>
    public bool SeedOnStart { get; set; } = true;
}
