using System.Text.Json;

namespace StreamingDemo.Data.Seeding;

public sealed record VocabularyMicroGenre(int Id, string Slug, string Name);

public sealed record VocabularyGenre(int Id, string Slug, string Name, bool IsKids, IReadOnlyList<VocabularyMicroGenre> MicroGenres);

public sealed record VocabularyCommunity(int Id, string Name, string Summary, bool IsKids, IReadOnlyDictionary<string, double> Affinities);

public sealed record GenreWords(
    IReadOnlyList<string> TitleAdjectives,
    IReadOnlyList<string> TitleNouns,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> TitlePatterns,
    IReadOnlyList<string> Protagonists,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<string> SynopsisTemplates,
    IReadOnlyList<string> EpisodeWords);

public sealed record ArtworkTheme(string Key, string Label, IReadOnlyList<string> Background, string Accent, string Text, string Motif);

/// <param name="GenreDefaults">Each genre's default artwork theme (a title's first variant).</param>
/// <param name="GenreThemes">The themes that suit each genre, the default among them: a title's other variants are drawn from its genres' lists.</param>
public sealed record ArtworkCatalog(IReadOnlyList<ArtworkTheme> Themes, IReadOnlyDictionary<string, string> GenreDefaults, IReadOnlyDictionary<string, IReadOnlyList<string>> GenreThemes);

public sealed record PersonaCommunity(int Id, double Weight);

public sealed record Persona(string Name, string Avatar, bool IsKids, IReadOnlyList<string> Devices, IReadOnlyList<PersonaCommunity> Communities);

public sealed record Avatar(string Key, string Label, string Background, string Foreground, string Glyph);

/// <summary>The hand-curated vocabularies in seed-data/, embedded in this assembly so any working directory can seed.</summary>
public sealed record SeedVocabulary(
    IReadOnlyList<VocabularyGenre> Genres,
    IReadOnlyList<VocabularyCommunity> Communities,
    IReadOnlyDictionary<string, GenreWords> Words,
    ArtworkCatalog Artwork,
    IReadOnlyList<Persona> Personas,
    IReadOnlyList<Avatar> Avatars)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<SeedVocabulary> Embedded = new(LoadEmbedded);

    /// <summary>The vocabularies shipped with the app.</summary>
    public static SeedVocabulary Default => Embedded.Value;

    private static SeedVocabulary LoadEmbedded()
    {
        var vocabulary = new SeedVocabulary(
            Read<List<VocabularyGenre>>("genres.json"),
            Read<List<VocabularyCommunity>>("communities.json"),
            Read<Dictionary<string, GenreWords>>("wordlists.json"),
            Read<ArtworkCatalog>("artwork.json"),
            Read<List<Persona>>("personas.json"),
            Read<List<Avatar>>("avatars.json"));
        vocabulary.Validate();
        return vocabulary;
    }

    private static T Read<T>(string name)
    {
        var assembly = typeof(SeedVocabulary).Assembly;
        using var stream = assembly.GetManifestResourceStream("seed-data/" + name)
            ?? throw new InvalidOperationException($"seed-data/{name} is not embedded in {assembly.GetName().Name}.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"seed-data/{name} is empty.");
    }

    /// <summary>Fails loudly on a broken cross-reference rather than seeding a subtly wrong world.</summary>
    public void Validate()
    {
        var slugs = Genres.SelectMany(g => g.MicroGenres).Select(m => m.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var community in Communities)
        {
            var unknown = community.Affinities.Keys.Where(k => !slugs.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidDataException($"Community '{community.Name}' refers to unknown micro-genres: {string.Join(", ", unknown)}.");
            }
        }

        foreach (var genre in Genres)
        {
            if (!Words.ContainsKey(genre.Slug))
            {
                throw new InvalidDataException($"wordlists.json has no entry for genre '{genre.Slug}'.");
            }

            if (!Artwork.GenreDefaults.TryGetValue(genre.Slug, out var fallback))
            {
                throw new InvalidDataException($"artwork.json has no default theme for genre '{genre.Slug}'.");
            }

            var themeKeys = Artwork.Themes.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
            if (Artwork.GenreThemes is null || !Artwork.GenreThemes.TryGetValue(genre.Slug, out var suited)
                || !suited.Contains(fallback) || suited.Count < 4 || suited.Any(t => !themeKeys.Contains(t)))
            {
                throw new InvalidDataException($"artwork.json's genreThemes for genre '{genre.Slug}' must list at least four known themes, its default '{fallback}' among them.");
            }
        }

        var communityIds = Communities.Select(c => c.Id).ToHashSet();
        var avatarKeys = Avatars.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var persona in Personas)
        {
            if (persona.Communities.Count != 3 || persona.Communities.Any(c => !communityIds.Contains(c.Id)))
            {
                throw new InvalidDataException($"Persona '{persona.Name}' must name exactly three known communities.");
            }

            if (!avatarKeys.Contains(persona.Avatar))
            {
                throw new InvalidDataException($"Persona '{persona.Name}' uses unknown avatar '{persona.Avatar}'.");
            }
        }
    }

    public ArtworkTheme Theme(string key) =>
        Artwork.Themes.FirstOrDefault(t => t.Key == key) ?? Artwork.Themes[0];
}
