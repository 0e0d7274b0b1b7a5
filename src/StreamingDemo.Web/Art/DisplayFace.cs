using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StreamingDemo.Web.Art;

/// <summary>
/// A display typeface as glyph outlines (wwwroot-assets/fonts/display/*.json, extracted from the vendored OFL faces by
/// scripts/artwork-glyphs.mjs). Posters are shown as &lt;img src=".svg"&gt;, which cannot load web fonts, so titles are
/// drawn as paths: every renderer shows the real face, and widths are measured exactly (ADR 0032).
/// </summary>
public sealed class DisplayFace
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ConcurrentDictionary<string, DisplayFace> Loaded = new(StringComparer.Ordinal);

    private readonly Dictionary<char, (int Advance, string Path)> glyphs;
    private readonly Dictionary<(char, char), int> kerning;

    private DisplayFace(string key, FaceFile file)
    {
        Key = key;
        Family = file.Family;
        UnitsPerEm = file.UnitsPerEm;
        CapHeight = file.CapHeight / (double)file.UnitsPerEm;
        Ascender = file.Ascender / (double)file.UnitsPerEm;
        Descender = -file.Descender / (double)file.UnitsPerEm;
        glyphs = file.Glyphs.Where(g => g.Key.Length == 1).ToDictionary(
            g => g.Key[0],
            g => (g.Value[0].GetInt32(), g.Value[1].GetString() ?? string.Empty));
        kerning = (file.Kerning ?? []).Where(k => k.Key.Length == 2).ToDictionary(k => (k.Key[0], k.Key[1]), k => k.Value);
    }

    public string Key { get; }

    public string Family { get; }

    public int UnitsPerEm { get; }

    /// <summary>Height of a capital, in em.</summary>
    public double CapHeight { get; }

    public double Ascender { get; }

    /// <summary>Depth below the baseline, in em (positive).</summary>
    public double Descender { get; }

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "wwwroot-assets", "fonts", "display");

    /// <summary>The shipped face with this key; an unknown key is an error naming the file it looked for.</summary>
    public static DisplayFace Get(string key) => Loaded.GetOrAdd(key, static k => Load(k, Path.Combine(Directory, k + ".json")));

    public static DisplayFace Load(string key, string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The display face '{key}' has no glyph file.", path);
        }

        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<FaceFile>(stream, Json)
            ?? throw new InvalidDataException($"{path} holds no face.");
        if (file.UnitsPerEm <= 0 || file.Glyphs.Count == 0)
        {
            throw new InvalidDataException($"{path}: the face '{key}' has no glyphs.");
        }

        return new DisplayFace(key, file);
    }

    /// <summary>Whether every character of the text has a glyph in this face.</summary>
    public bool Covers(string text) => text.All(glyphs.ContainsKey);

    /// <summary>Width of the text at 1 px per em, with tracking (in em) after every glyph but the last.</summary>
    public double Measure(string text, double tracking)
    {
        ArgumentNullException.ThrowIfNull(text);
        double units = 0;
        for (var i = 0; i < text.Length; i++)
        {
            units += glyphs.TryGetValue(text[i], out var g) ? g.Advance : UnitsPerEm / 2;
            if (i + 1 < text.Length)
            {
                units += Kern(text[i], text[i + 1]) + (int)Math.Round(tracking * UnitsPerEm);
            }
        }

        return units / UnitsPerEm;
    }

    /// <summary>Adds one &lt;path id&gt; per distinct drawn character to the SVG's defs, its id the prefix and the code point.</summary>
    public void AppendGlyphs(StringBuilder svg, string prefix, IEnumerable<string> texts)
    {
        foreach (var c in texts.SelectMany(t => t).Distinct().Order())
        {
            if (glyphs.TryGetValue(c, out var g) && g.Path.Length > 0)
            {
                svg.Append("<path id=\"").Append(GlyphId(prefix, c)).Append("\" d=\"").Append(g.Path).Append("\"/>");
            }
        }
    }

    /// <summary>Draws one line of text from the glyph defs: its left end of the baseline at (x, y), size px per em.</summary>
    public void AppendLine(StringBuilder svg, string prefix, string text, double x, double y, double size, double tracking, string? cssClass = null)
    {
        svg.Append("<g");
        if (cssClass is not null)
        {
            svg.Append(" class=\"").Append(cssClass).Append('"');
        }

        svg.Append(CultureInfo.InvariantCulture, $" transform=\"translate({F(x)} {F(y)}) scale({(size / UnitsPerEm).ToString("0.#####", CultureInfo.InvariantCulture)})\">");
        var pen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (glyphs.TryGetValue(c, out var g))
            {
                if (g.Path.Length > 0)
                {
                    svg.Append("<use href=\"#").Append(GlyphId(prefix, c)).Append('"');
                    if (pen != 0)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $" x=\"{pen}\"");
                    }

                    svg.Append("/>");
                }

                pen += g.Advance;
            }

            if (i + 1 < text.Length)
            {
                pen += Kern(c, text[i + 1]) + (int)Math.Round(tracking * UnitsPerEm);
            }
        }

        svg.Append("</g>");
    }

    private static string GlyphId(string prefix, char c) => prefix + ((int)c).ToString("x", CultureInfo.InvariantCulture);

    private int Kern(char a, char b) => kerning.Count == 0 ? 0 : kerning.GetValueOrDefault((a, b));

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private sealed record FaceFile(string Family, int UnitsPerEm, int CapHeight, int Ascender, int Descender, Dictionary<string, JsonElement[]> Glyphs, Dictionary<string, int>? Kerning);
}
