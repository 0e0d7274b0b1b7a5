using System.Text.Json;

namespace StreamingDemo.Web.Art;

/// <summary>How one artwork theme is composed and lettered (wwwroot-assets/artwork/templates.json).</summary>
public sealed record PosterTemplate(string Theme, string Composition, string Face, string Case, double Tracking, double Scale, string Align, IReadOnlyList<string> Finish)
{
    public bool Upper => string.Equals(Case, "upper", StringComparison.Ordinal);

    public bool Has(string finish) => Finish.Contains(finish, StringComparer.Ordinal);
}

/// <summary>The shipped poster templates: one per curated theme, and a stable pick for any other theme.</summary>
public static class PosterTemplates
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key-art layouts <see cref="PosterSvg"/> draws.</summary>
    public static readonly IReadOnlyList<string> Compositions =
        ["spotlight", "embrace", "pop", "blast", "lineup", "hills", "contour", "moonlit", "vista", "rings", "planet", "horizon", "sunburst", "wash", "floodlit"];

    private static readonly Lazy<TemplateFile> Shipped = new(() =>
        Load(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets", "artwork", "templates.json")));

    public static IReadOnlyList<PosterTemplate> All => Shipped.Value.Templates;

    /// <summary>
    /// The template of a theme: its own when it has one, otherwise the composition its palette's motif maps to (or a
    /// stable pick) lettered in a stable pick of the faces, so an unknown theme still gets a poster.
    /// </summary>
    public static PosterTemplate For(PosterPalette palette)
    {
        ArgumentNullException.ThrowIfNull(palette);
        var file = Shipped.Value;
        if (file.Templates.FirstOrDefault(t => string.Equals(t.Theme, palette.Key, StringComparison.OrdinalIgnoreCase)) is { } own)
        {
            return own;
        }

        var hash = StableHash.Of(palette.Key);
        var composition = file.Motifs.GetValueOrDefault((palette.Motif ?? string.Empty).Trim().ToLowerInvariant())
            ?? Compositions[(int)(hash % (ulong)Compositions.Count)];
        var faces = file.Templates.Select(t => t.Face).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new PosterTemplate(palette.Key, composition, faces[(int)((hash >> 16) % (ulong)faces.Count)], "upper", 0.03, 0.9, "center", []);
    }

    public static TemplateFile Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<TemplateFile>(stream, Json)
            ?? throw new InvalidDataException($"{path} holds no templates.");
        foreach (var template in file.Templates)
        {
            if (!Compositions.Contains(template.Composition, StringComparer.Ordinal) || template.Scale <= 0 || template.Case is not ("upper" or "asis"))
            {
                throw new InvalidDataException($"{path}: the template of '{template.Theme}' names an unknown composition, case or scale.");
            }
        }

        foreach (var (motif, composition) in file.Motifs)
        {
            if (!Compositions.Contains(composition, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"{path}: the motif '{motif}' maps to the unknown composition '{composition}'.");
            }
        }

        return file;
    }

    public sealed record TemplateFile(IReadOnlyList<PosterTemplate> Templates, IReadOnlyDictionary<string, string> Motifs);
}
