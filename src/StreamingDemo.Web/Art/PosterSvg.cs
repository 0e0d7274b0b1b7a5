using System.Globalization;
using System.Net;
using System.Text;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Art;

/// <summary>What a generated poster is drawn from.</summary>
public sealed record PosterSpec(int TitleId, string Name, TitleKind Kind, PosterPalette Palette);

/// <summary>
/// Draws a title's poster as SVG (2:3): the theme's background gradient, its motif in the accent colour,
/// a dark fade for legibility and the title in large capitals. Deterministic: the same spec gives the same bytes.
/// </summary>
public static class PosterSvg
{
    public const int Width = 400;
    public const int Height = 600;

    /// <summary>Motifs this renderer draws; any other motif name maps to one of these by a stable hash.</summary>
    public static readonly string[] KnownMotifs = ["waves", "circles", "burst", "grid", "stripes", "mountains", "stars", "dots", "hearts", "shadow"];

    private const double Margin = 30;
    private const double MaxFontSize = 66;
    private const double MinFontSize = 30;

    // Bold capitals of common sans fonts are ~0.66 em wide on average; used to fit lines to the poster width.
    private const double CapitalWidthEm = 0.66;
    private const double LineHeightEm = 0.98;

    public static string Build(PosterSpec spec) => Build(spec, ArtworkCrops.Poster);

    /// <summary>
    /// Draws the artwork in a crop. The key art (gradient, glow, motif) is composed in the poster's 400×600 space; a
    /// landscape crop covers itself with it, anchored right, and fades it towards the title on the left.
    /// </summary>
    public static string Build(PosterSpec spec, ArtworkCrop crop)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(crop);
        var palette = spec.Palette;
        // The theme is part of the seed, so a title's variants differ in composition as well as in palette and motif.
        var random = new StableHash(((ulong)(uint)spec.TitleId << 32) ^ StableHash.Of(spec.Name) ^ (StableHash.Of(palette.Key) >> 1));
        var from = palette.Background.Count > 0 ? palette.Background[0] : "#141414";
        var to = palette.Background.Count > 1 ? palette.Background[^1] : from;
        var mid = palette.Background.Count > 2 ? palette.Background[palette.Background.Count / 2] : null;
        var (w, h) = (crop.Width, crop.Height);

        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{Escape(spec.Name)}\">");
        svg.Append("<defs>");
        var angle = random.Between(-25, 25);
        svg.Append(CultureInfo.InvariantCulture, $"<linearGradient id=\"bg\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\" gradientTransform=\"rotate({F(angle)} .5 .5)\">");
        svg.Append(CultureInfo.InvariantCulture, $"<stop offset=\"0\" stop-color=\"{Escape(from)}\"/>");
        if (mid is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<stop offset=\".55\" stop-color=\"{Escape(mid)}\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<stop offset=\"1\" stop-color=\"{Escape(to)}\"/></linearGradient>");
        // The fade behind the title goes towards black for light text and towards the palette's lightest colour for dark text.
        var fade = IsDark(palette.Text) ? Escape(Lightest(palette.Background)) : "#000";
        svg.Append(CultureInfo.InvariantCulture, $"<linearGradient id=\"fade\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\".35\" stop-color=\"{fade}\" stop-opacity=\"0\"/><stop offset=\"1\" stop-color=\"{fade}\" stop-opacity=\".85\"/></linearGradient>");
        if (crop.Landscape)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<linearGradient id=\"side\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\"><stop offset=\"0\" stop-color=\"{fade}\" stop-opacity=\".9\"/><stop offset=\".3\" stop-color=\"{fade}\" stop-opacity=\".55\"/><stop offset=\".62\" stop-color=\"{fade}\" stop-opacity=\"0\"/></linearGradient>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"glow\" cx=\"{F(random.Between(.25, .75))}\" cy=\"{F(random.Between(.2, .45))}\" r=\".6\"><stop offset=\"0\" stop-color=\"{Escape(palette.Accent)}\" stop-opacity=\".45\"/><stop offset=\"1\" stop-color=\"{Escape(palette.Accent)}\" stop-opacity=\"0\"/></radialGradient>");
        svg.Append("</defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{w}\" height=\"{h}\" fill=\"url(#bg)\"/>");
        if (crop.Landscape)
        {
            // The key art covers the whole crop, anchored right and cropped around its upper middle where the motifs sit.
            svg.Append(CultureInfo.InvariantCulture, $"<svg x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" viewBox=\"0 60 {Width} {Height - 220}\" preserveAspectRatio=\"xMaxYMid slice\" overflow=\"hidden\">");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"url(#glow)\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<g fill=\"none\" stroke=\"{Escape(palette.Accent)}\" stroke-linecap=\"round\">");
        DrawMotif(svg, ResolveMotif(palette.Motif), palette.Accent, ref random);
        svg.Append("</g>");
        if (crop.Landscape)
        {
            svg.Append("</svg>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{w}\" height=\"{h}\" fill=\"url(#side)\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{w}\" height=\"{h}\" fill=\"url(#fade)\"/>");
        DrawTitle(svg, spec, crop);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The drawn motif for a theme's motif name: itself when known, otherwise a stable pick.</summary>
    public static string ResolveMotif(string? motif)
    {
        var name = (motif ?? string.Empty).Trim().ToLowerInvariant();
        return Array.IndexOf(KnownMotifs, name) >= 0
            ? name
            : KnownMotifs[(int)(StableHash.Of(name) % (ulong)KnownMotifs.Length)];
    }

    /// <summary>Splits a title into at most three lines that fit the poster, largest type first.</summary>
    public static (IReadOnlyList<string> Lines, double FontSize) LayoutTitle(string name) =>
        LayoutTitle(name, Width - (2 * Margin), MaxFontSize, MinFontSize, double.MaxValue);

    /// <summary>Splits a title into at most three lines that fit the crop's title area, largest type first.</summary>
    public static (IReadOnlyList<string> Lines, double FontSize) LayoutTitle(string name, ArtworkCrop crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        return LayoutTitle(name, crop.TitleWidth, crop.MaxFont, crop.MinFont, crop.TitleHeight);
    }

    private static (IReadOnlyList<string> Lines, double FontSize) LayoutTitle(string name, double available, double maxFontSize, double minFontSize, double maxHeight)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return ([string.Empty], maxFontSize);
        }

        for (var size = maxFontSize; size >= minFontSize; size -= 2)
        {
            var maxChars = (int)Math.Floor(available / (size * CapitalWidthEm));
            var lines = Wrap(words, maxChars);
            if (lines.Count <= 3 && lines.All(l => l.Length <= maxChars) && lines.Count * size * LineHeightEm <= maxHeight)
            {
                return (lines, size);
            }
        }

        // Very long names: smallest type, wrap anyway and cut after three lines with an ellipsis.
        var fallbackChars = (int)Math.Floor(available / (minFontSize * CapitalWidthEm));
        var wrapped = Wrap(words, fallbackChars);
        if (wrapped.Count > 3)
        {
            wrapped = [wrapped[0], wrapped[1], Truncate(wrapped[2], fallbackChars - 1) + "…"];
        }

        return (wrapped.Select(l => Truncate(l, fallbackChars)).ToList(), minFontSize);
    }

    private static List<string> Wrap(string[] words, int maxChars)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in words)
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..Math.Max(1, max)];

    private static void DrawTitle(StringBuilder svg, PosterSpec spec, ArtworkCrop crop)
    {
        var (lines, size) = LayoutTitle(spec.Name, crop);
        var lineHeight = size * LineHeightEm;
        var baseline = crop.Height - crop.TitleBottom - ((lines.Count - 1) * lineHeight);
        var margin = (crop.Width - crop.TitleWidth) / (crop.Landscape ? 4 : 2);
        var text = Escape(spec.Palette.Text);

        // A short accent rule above the title, as on many streaming key-art posters.
        var ruleY = baseline - size - 10;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(margin)}\" y=\"{F(ruleY)}\" width=\"44\" height=\"5\" rx=\"2\" fill=\"{Escape(spec.Palette.Accent)}\"/>");
        if (spec.Kind == TitleKind.Series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(margin + 54)}\" y=\"{F(ruleY + 6)}\" fill=\"{text}\" font-family=\"Inter, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif\" font-size=\"15\" font-weight=\"700\" letter-spacing=\"4\" opacity=\".9\">SERIES</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text fill=\"{text}\" font-family=\"'Arial Narrow', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif\" font-weight=\"800\" font-size=\"{F(size)}\" letter-spacing=\"1\">");
        for (var i = 0; i < lines.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{F(margin)}\" y=\"{F(baseline + (i * lineHeight))}\">{Escape(lines[i])}</tspan>");
        }

        svg.Append("</text>");
    }

    private static void DrawMotif(StringBuilder svg, string motif, string accent, ref StableHash random)
    {
        switch (motif)
        {
            case "waves":
                for (var i = 0; i < 9; i++)
                {
                    var y = 60 + (i * 48) + random.Between(-10, 10);
                    var amp = random.Between(12, 34);
                    svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M-20 {F(y)} C 80 {F(y - amp)}, 160 {F(y + amp)}, 220 {F(y)} S 360 {F(y - amp)}, 420 {F(y)}\" stroke-width=\"{F(random.Between(1.5, 4))}\" opacity=\"{F(random.Between(.15, .45))}\"/>");
                }

                break;
            case "circles":
                {
                    var cx = random.Between(120, 300);
                    var cy = random.Between(150, 280);
                    for (var i = 1; i <= 10; i++)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(i * random.Between(18, 26))}\" stroke-width=\"{F(random.Between(1, 5))}\" opacity=\"{F(.5 - (i * .035))}\"/>");
                    }
                }

                break;
            case "burst":
                {
                    var cx = random.Between(80, 320);
                    var cy = random.Between(120, 260);
                    var rays = 18 + random.Below(10);
                    for (var i = 0; i < rays; i++)
                    {
                        var a = (i * 2 * Math.PI / rays) + random.Between(-.05, .05);
                        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(cx)}\" y1=\"{F(cy)}\" x2=\"{F(cx + (Math.Cos(a) * 700))}\" y2=\"{F(cy + (Math.Sin(a) * 700))}\" stroke-width=\"{F(random.Between(2, 9))}\" opacity=\"{F(random.Between(.08, .25))}\"/>");
                    }

                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(random.Between(26, 50))}\" fill=\"{Escape(accent)}\" stroke=\"none\" opacity=\".55\"/>");
                }

                break;
            case "grid":
                {
                    var step = random.Between(34, 52);
                    var tilt = random.Between(-12, 12);
                    svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"rotate({F(tilt)} 200 300)\" opacity=\"{F(random.Between(.18, .3))}\" stroke-width=\"1.5\">");
                    for (var x = -200.0; x < 600; x += step)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"-200\" x2=\"{F(x)}\" y2=\"800\"/>");
                    }

                    for (var y = -200.0; y < 800; y += step)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"-200\" y1=\"{F(y)}\" x2=\"600\" y2=\"{F(y)}\"/>");
                    }

                    svg.Append("</g>");
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(random.Between(90, 220))}\" y=\"{F(random.Between(90, 200))}\" width=\"{F(step * 2)}\" height=\"{F(step * 2)}\" fill=\"{Escape(accent)}\" stroke=\"none\" opacity=\".35\" transform=\"rotate({F(tilt)} 200 300)\"/>");
                }

                break;
            case "stripes":
                {
                    var tilt = random.Between(20, 60);
                    svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"rotate({F(tilt)} 200 300)\">");
                    for (var x = -400.0; x < 800; x += random.Between(26, 60))
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"-400\" x2=\"{F(x)}\" y2=\"1000\" stroke-width=\"{F(random.Between(3, 18))}\" opacity=\"{F(random.Between(.06, .22))}\"/>");
                    }

                    svg.Append("</g>");
                }

                break;
            case "mountains":
                for (var layer = 0; layer < 4; layer++)
                {
                    var baseY = 250 + (layer * 70);
                    var path = new StringBuilder(256);
                    path.Append(CultureInfo.InvariantCulture, $"M0 {F(baseY + 60)}");
                    for (var x = 0.0; x <= Width; x += random.Between(50, 110))
                    {
                        path.Append(CultureInfo.InvariantCulture, $" L{F(x)} {F(baseY - random.Between(0, 120))}");
                    }

                    path.Append(CultureInfo.InvariantCulture, $" L{Width} {F(baseY + 20)} L{Width} {Height} L0 {Height} Z");
                    svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"{Escape(accent)}\" stroke=\"none\" opacity=\"{F(.1 + (layer * .08))}\"/>");
                }

                break;
            case "stars":
                for (var i = 0; i < 70; i++)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(random.Between(0, Width))}\" cy=\"{F(random.Between(0, Height * .7))}\" r=\"{F(random.Between(.6, 2.6))}\" fill=\"{Escape(accent)}\" stroke=\"none\" opacity=\"{F(random.Between(.3, .9))}\"/>");
                }

                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(random.Between(240, 340))}\" cy=\"{F(random.Between(80, 160))}\" r=\"{F(random.Between(34, 60))}\" fill=\"{Escape(accent)}\" stroke=\"none\" opacity=\".5\"/>");
                break;
            case "hearts":
                for (var i = 0; i < 9; i++)
                {
                    var x = random.Between(20, 380);
                    var y = random.Between(30, 380);
                    var scale = random.Between(.6, 2.4);
                    svg.Append(CultureInfo.InvariantCulture, $"<path transform=\"translate({F(x)} {F(y)}) scale({F(scale)}) rotate({F(random.Between(-25, 25))})\" d=\"M0 8 C -14 -4, -10 -18, 0 -10 C 10 -18, 14 -4, 0 8 Z\" fill=\"{Escape(accent)}\" stroke=\"none\" opacity=\"{F(random.Between(.15, .5))}\"/>");
                }

                break;
            case "shadow":
                {
                    // A lone figure against a lit backdrop: the thriller key-art cliché.
                    var cx = random.Between(150, 250);
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(cx)}\" cy=\"200\" r=\"150\" fill=\"{Escape(accent)}\" stroke=\"none\" opacity=\".22\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<g fill=\"#000\" stroke=\"none\" opacity=\".78\"><circle cx=\"{F(cx)}\" cy=\"196\" r=\"44\"/><path d=\"M{F(cx - 120)} 600 C {F(cx - 110)} 330, {F(cx - 60)} 262, {F(cx)} 262 C {F(cx + 60)} 262, {F(cx + 110)} 330, {F(cx + 120)} 600 Z\"/></g>");
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(cx)}\" cy=\"196\" r=\"46\" stroke-width=\"2\" opacity=\".5\"/>");
                }

                break;
            default: // dots
                for (var i = 0; i < 7; i++)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(random.Between(0, Width))}\" cy=\"{F(random.Between(0, Height * .75))}\" r=\"{F(random.Between(30, 120))}\" fill=\"{Escape(accent)}\" stroke=\"none\" opacity=\"{F(random.Between(.06, .22))}\"/>");
                }

                break;
        }
    }

    /// <summary>Relative luminance (WCAG) of a #rrggbb colour; unparseable colours count as mid-grey.</summary>
    public static double Luminance(string color)
    {
        var hex = (color ?? string.Empty).TrimStart('#');
        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return 0.2;
        }

        static double Channel(int c)
        {
            var s = c / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel((rgb >> 16) & 0xFF)) + (0.7152 * Channel((rgb >> 8) & 0xFF)) + (0.0722 * Channel(rgb & 0xFF));
    }

    private static bool IsDark(string color) => Luminance(color) < 0.2;

    private static string Lightest(IReadOnlyList<string> colors) =>
        colors.Count == 0 ? "#ffffff" : colors.OrderByDescending(Luminance).First();

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string value) => WebUtility.HtmlEncode(value);
}
