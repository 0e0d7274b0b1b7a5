using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain.Interactive;

namespace StreamingDemo.Data.Interactive;

/// <summary>The story graphs authored in <c>seed-data/stories.json</c>, embedded in this assembly and validated against the vocabulary on first use.</summary>
public static class InteractiveStories
{
    private static readonly Lazy<StoryLibrary> Embedded = new(Load);

    public static StoryLibrary Default => Embedded.Value;

    private static StoryLibrary Load()
    {
        var assembly = typeof(InteractiveStories).Assembly;
        using var stream = assembly.GetManifestResourceStream("seed-data/stories.json")
            ?? throw new InvalidOperationException($"seed-data/stories.json is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var slugs = SeedVocabulary.Default.Genres.SelectMany(g => g.MicroGenres).Select(m => m.Slug).ToHashSet(StringComparer.Ordinal);
        return StoryLibrary.Parse(reader.ReadToEnd(), slugs);
    }
}
