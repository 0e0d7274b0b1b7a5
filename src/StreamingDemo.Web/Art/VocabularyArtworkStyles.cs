using StreamingDemo.Data.Seeding;

namespace StreamingDemo.Web.Art;

/// <summary>Artwork styles from the curated seed vocabulary (seed-data/artwork.json and avatars.json).</summary>
public sealed class VocabularyArtworkStyles : IArtworkStyles
{
    private readonly Dictionary<string, PosterPalette> themes;
    private readonly Dictionary<string, AvatarStyle> avatars;
    private readonly FallbackArtworkStyles fallback = new();

    public VocabularyArtworkStyles()
        : this(SeedVocabulary.Default)
    {
    }

    public VocabularyArtworkStyles(SeedVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        themes = vocabulary.Artwork.Themes.ToDictionary(
            t => t.Key,
            t => new PosterPalette(t.Key, t.Background, t.Accent, t.Text, t.Motif),
            StringComparer.OrdinalIgnoreCase);
        avatars = vocabulary.Avatars.ToDictionary(
            a => a.Key,
            a => new AvatarStyle(a.Key, a.Label, a.Background, a.Foreground, a.Glyph),
            StringComparer.OrdinalIgnoreCase);
    }

    public PosterPalette Theme(string key) => themes.GetValueOrDefault(key) ?? fallback.Theme(key);

    public IReadOnlyList<AvatarStyle> Avatars => [.. avatars.Values];

    public AvatarStyle Avatar(string key) => avatars.GetValueOrDefault(key) ?? fallback.Avatar(key);
}
