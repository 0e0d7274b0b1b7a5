namespace StreamingDemo.Web.Art;

/// <summary>The colours and motif a generated poster is drawn with (from seed-data/artwork.json themes).</summary>
public sealed record PosterPalette(string Key, IReadOnlyList<string> Background, string Accent, string Text, string Motif);

/// <summary>How a profile avatar is drawn (from seed-data/avatars.json).</summary>
public sealed record AvatarStyle(string Key, string Label, string Background, string Foreground, string Glyph);

/// <summary>Looks up poster themes and avatar styles by the keys stored on titles and profiles.</summary>
public interface IArtworkStyles
{
    PosterPalette Theme(string key);

    AvatarStyle Avatar(string key);

    /// <summary>The avatars a new profile can choose from.</summary>
    IReadOnlyList<AvatarStyle> Avatars { get; }
}
