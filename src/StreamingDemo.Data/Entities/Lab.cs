namespace StreamingDemo.Data.Entities;

/// <summary>A home-page layout (L1) as stored: its JSON document (docs/layout.schema.json) plus what lists and links need.</summary>
public sealed class LayoutRecord
{
    public int Id { get; set; }

    /// <summary>Stable name in URLs and the API (<c>?layout=netflix-style</c>); unique.</summary>
    public required string Slug { get; set; }

    /// <summary>Shown in lists; unique, compared without case.</summary>
    public required string Name { get; set; }

    /// <summary>The validated layout as JSON.</summary>
    public required string Definition { get; set; }

    /// <summary>Shipped with the site: read-only, clone it to change it.</summary>
    public bool IsBuiltIn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Bumped on every save; a save carrying an older version is refused, so one editor never overwrites another's work.</summary>
    public int Version { get; set; }
}

/// <summary>A finished offline A/B run (L3): its inputs and its results as JSON, so it can be reopened exactly.</summary>
public sealed class ExperimentRecord
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int LayoutAId { get; set; }

    public int LayoutBId { get; set; }

    public required string LayoutAName { get; set; }

    public required string LayoutBName { get; set; }

    public int Seed { get; set; }

    public int SampleSize { get; set; }

    /// <summary>The model the run scored with; results are reproducible for the same model, seed and layouts.</summary>
    public required string ModelVersion { get; set; }

    public required string Results { get; set; }

    public DateTime CreatedAt { get; set; }
}
