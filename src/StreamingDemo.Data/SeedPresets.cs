namespace StreamingDemo.Data;

/// <summary>The size of a seeded world (PRODUCT.md "Scale presets").</summary>
public sealed record SeedPreset(string Name, int Titles, int Profiles, int TargetSessions);

public static class SeedPresets
{
    public static readonly SeedPreset Demo = new("demo", 1_000, 5_000, 500_000);
    public static readonly SeedPreset Large = new("large", 10_000, 100_000, 5_000_000);

    /// <summary>For tests and quick demos on slow machines.</summary>
    public static readonly SeedPreset Small = new("small", 200, 1_000, 50_000);

    private static readonly Dictionary<string, SeedPreset> All = new(StringComparer.OrdinalIgnoreCase)
    {
        [Demo.Name] = Demo,
        [Large.Name] = Large,
        [Small.Name] = Small,
    };

    public static IEnumerable<string> Names => All.Keys;

    public static bool TryGet(string? name, out SeedPreset preset) =>
        All.TryGetValue(name ?? string.Empty, out preset!);

    public static SeedPreset Get(string name) =>
        TryGet(name, out var preset)
            ? preset
            : throw new ArgumentException($"Unknown preset '{name}'. Use one of: {string.Join(", ", Names)}.", nameof(name));
}
