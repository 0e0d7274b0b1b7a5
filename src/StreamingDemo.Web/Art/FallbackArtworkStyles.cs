namespace StreamingDemo.Web.Art;

/// <summary>
/// Artwork styles for keys the curated vocabulary does not define: a dark, saturated palette picked
/// deterministically from the key, so an unknown theme still yields a product-looking poster.
/// </summary>
public sealed class FallbackArtworkStyles : IArtworkStyles
{
    private static readonly (string From, string To, string Accent)[] Palettes =
    [
        ("#0b1d2e", "#1f4e79", "#7fd1ff"),
        ("#2b0a0a", "#7a1414", "#ffb199"),
        ("#0d2415", "#2e6b3f", "#b8f5a0"),
        ("#1f1029", "#5b2a86", "#e3b8ff"),
        ("#2a1a05", "#8a5a12", "#ffd27a"),
        ("#07191c", "#13636b", "#8ff3ea"),
        ("#241016", "#8c2f4b", "#ffc2d4"),
        ("#121212", "#3d3d3d", "#f2f2f2"),
    ];

    private static readonly string[] Motifs = PosterSvg.KnownMotifs;

    private static readonly string[] Glyphs = ["★", "☾", "✦", "♠", "♣", "♥", "♦", "☀"];

    public PosterPalette Theme(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = StableHash.Of(key);
        var (from, to, accent) = Palettes[(int)(hash % (ulong)Palettes.Length)];
        var motif = Motifs[(int)((hash >> 8) % (ulong)Motifs.Length)];
        return new PosterPalette(key, [from, to], accent, "#ffffff", motif);
    }

    public IReadOnlyList<AvatarStyle> Avatars => [.. Enumerable.Range(0, Glyphs.Length).Select(i => Avatar("avatar-" + i))];

    public AvatarStyle Avatar(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = StableHash.Of(key);
        var (_, to, accent) = Palettes[(int)(hash % (ulong)Palettes.Length)];
        var glyph = Glyphs[(int)((hash >> 8) % (ulong)Glyphs.Length)];
        return new AvatarStyle(key, key, to, accent, glyph);
    }
}
