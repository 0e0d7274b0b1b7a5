using System.Globalization;
using System.Net;
using System.Text;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Art;

/// <summary>What a generated poster is drawn from.</summary>
public sealed record PosterSpec(int TitleId, string Name, TitleKind Kind, PosterPalette Palette);

/// <summary>A title set in lines: the lines, the size (px per em), each line's width and its line height.</summary>
public sealed record TitleLayout(IReadOnlyList<string> Lines, double FontSize, IReadOnlyList<double> Widths, double LineHeight, double CapHeight);

/// <summary>
/// Draws a title's artwork as SVG in a crop (poster 2:3, landscape card, TV hero): the theme's composition (a
/// spotlit silhouette, a backlit couple, a flat pop field, hard light and sparks, a line-up of figures, …; see
/// wwwroot-assets/artwork/templates.json), a finish (billing block, tagline bar, frame, series ribbon) and the title
/// lettered in the theme's display face as glyph outlines. Deterministic: the same spec gives the same bytes, and a
/// title's stable hash varies the composition so two titles of one theme differ.
/// </summary>
public static class PosterSvg
{
    public const int Width = 400;
    public const int Height = 600;

    /// <summary>Motif names older palettes carry; templates.json maps each one to a composition.</summary>
    public static readonly string[] KnownMotifs = ["waves", "circles", "burst", "grid", "stripes", "mountains", "stars", "dots", "hearts", "shadow"];

    /// <summary>The face small labels (series ribbon, tagline) are set in.</summary>
    public const string LabelFace = "bebas-neue";

    private const string NowStreaming = "NOW STREAMING";
    private const string Series = "SERIES";

    public static string Build(PosterSpec spec) => Build(spec, ArtworkCrops.Poster);

    public static string Build(PosterSpec spec, ArtworkCrop crop)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(crop);
        var template = PosterTemplates.For(spec.Palette);
        var face = DisplayFace.Get(template.Face);
        var label = DisplayFace.Get(LabelFace);
        // The theme is part of the seed, so a title's variants differ in composition as well as in palette.
        var random = new StableHash(((ulong)(uint)spec.TitleId << 32) ^ StableHash.Of(spec.Name) ^ (StableHash.Of(spec.Palette.Key) >> 1));
        var layout = LayoutTitle(spec.Name, crop, template, face);
        var canvas = new Canvas(crop, spec.Palette);
        var art = new Drawing(canvas, random);

        art.Defs.Append(CultureInfo.InvariantCulture, $"<linearGradient id=\"bg\" x1=\"0\" y1=\"0\" x2=\"{(crop.Landscape ? "1" : "0")}\" y2=\"1\"><stop offset=\"0\" stop-color=\"{canvas.From}\"/><stop offset=\"1\" stop-color=\"{canvas.To}\"/></linearGradient>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect width=\"{crop.Width}\" height=\"{crop.Height}\" fill=\"url(#bg)\"/>");
        Compose(template.Composition, art);
        Legibility(art, template);

        var labels = new List<string>();
        var titleTop = TitleTop(crop, layout);
        if (template.Has("frame"))
        {
            Frame(art);
        }

        if (template.Has("tagline"))
        {
            Tagline(art, label, titleTop, labels);
        }

        if (spec.Kind == TitleKind.Series)
        {
            SeriesRibbon(art, label, labels);
        }

        DrawTitle(art, template, face, layout, crop);
        if (template.Has("credits"))
        {
            Credits(art, template, layout, crop);
        }

        var svg = new StringBuilder(8192);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {crop.Width} {crop.Height}\" width=\"{crop.Width}\" height=\"{crop.Height}\" role=\"img\" aria-label=\"{Escape(spec.Name)}\">");
        svg.Append("<title>").Append(Escape(spec.Name)).Append("</title>");
        svg.Append("<defs>");
        face.AppendGlyphs(svg, "t", layout.Lines);
        if (labels.Count > 0)
        {
            label.AppendGlyphs(svg, "l", labels);
        }

        svg.Append(art.Defs).Append("</defs>").Append(art.Body).Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The template a palette's artwork is drawn with (its theme's, or a stable pick for an unknown theme).</summary>
    public static PosterTemplate TemplateOf(PosterPalette palette) => PosterTemplates.For(palette);

    /// <summary>Sets a title in at most three lines that fit the crop's title box in the theme's face, largest type first.</summary>
    public static TitleLayout LayoutTitle(string name, ArtworkCrop crop, PosterTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return LayoutTitle(name, crop, template, DisplayFace.Get(template.Face));
    }

    private static TitleLayout LayoutTitle(string name, ArtworkCrop crop, PosterTemplate template, DisplayFace face)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(crop);
        var text = template.Upper ? name.ToUpperInvariant() : name;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var max = Math.Max(crop.MinFont, crop.MaxFont * template.Scale);
        var min = crop.MinFont;
        double LineHeight(double size) => size * (template.Upper ? face.CapHeight + 0.3 : 1.12);
        double Width(string line, double size) => face.Measure(line, template.Tracking) * size;
        TitleLayout Layout(IReadOnlyList<string> lines, double size) =>
            new(lines, size, [.. lines.Select(l => Width(l, size))], LineHeight(size), face.CapHeight * size);

        if (words.Length == 0)
        {
            return Layout([string.Empty], max);
        }

        for (var size = max; size >= min; size -= 2)
        {
            var lines = Wrap(words, l => Width(l, size) <= crop.TitleWidth);
            if (lines.Count <= 3 && lines.All(l => Width(l, size) <= crop.TitleWidth) && lines.Count * LineHeight(size) <= crop.TitleHeight)
            {
                return Layout(lines, size);
            }
        }

        // Very long names: smallest type, wrapped, cut to what fits in three lines with an ellipsis.
        var wrapped = Wrap(words, l => Width(l, min) <= crop.TitleWidth);
        var fitted = wrapped.Take(3).Select(l => Cut(l, s => Width(s, min) <= crop.TitleWidth, ellipsis: false)).ToList();
        if (wrapped.Count > 3 || fitted.Where((l, i) => l != wrapped[i]).Any())
        {
            fitted[^1] = Cut(fitted[^1] + "…", s => Width(s, min) <= crop.TitleWidth, ellipsis: true);
        }

        return Layout(fitted, min);
    }

    private static List<string> Wrap(string[] words, Func<string, bool> fits)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in words)
        {
            var joined = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && !fits(joined))
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = joined;
            }
        }

        lines.Add(line);
        return lines;
    }

    private static string Cut(string text, Func<string, bool> fits, bool ellipsis)
    {
        if (fits(text))
        {
            return text;
        }

        var body = ellipsis ? text[..^1] : text;
        while (body.Length > 1 && !fits(ellipsis ? body + "…" : body))
        {
            body = body[..^1].TrimEnd();
        }

        return ellipsis ? body + "…" : body;
    }

    /// <summary>The y of the top of the title's first line of capitals.</summary>
    private static double TitleTop(ArtworkCrop crop, TitleLayout layout) =>
        crop.Height - crop.TitleBottom - ((layout.Lines.Count - 1) * layout.LineHeight) - layout.CapHeight;

    /// <summary>Where each title line's baseline starts: x of its left end and y.</summary>
    public static IReadOnlyList<(double X, double Y)> TitleOrigins(ArtworkCrop crop, PosterTemplate template, TitleLayout layout)
    {
        ArgumentNullException.ThrowIfNull(crop);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(layout);
        var margin = (crop.Width - crop.TitleWidth) / (crop.Landscape ? 4 : 2);
        var last = crop.Height - crop.TitleBottom;
        var centred = !crop.Landscape && string.Equals(template.Align, "center", StringComparison.Ordinal);
        return [.. layout.Lines.Select((_, i) => (
            centred ? (crop.Width - layout.Widths[i]) / 2 : margin,
            last - ((layout.Lines.Count - 1 - i) * layout.LineHeight)))];
    }

    private static void DrawTitle(Drawing art, PosterTemplate template, DisplayFace face, TitleLayout layout, ArtworkCrop crop)
    {
        var origins = TitleOrigins(crop, template, layout);
        var c = art.Canvas;
        var title = new StringBuilder(1024);
        for (var i = 0; i < layout.Lines.Count; i++)
        {
            var line = layout.Lines[i];
            if (face.Covers(line))
            {
                face.AppendLine(title, "t", line, origins[i].X, origins[i].Y, layout.FontSize, template.Tracking, "title-line");
            }
            else
            {
                // A character the face lacks: that line falls back to system type, still escaped text.
                title.Append(CultureInfo.InvariantCulture, $"<text class=\"title-line\" x=\"{F(origins[i].X)}\" y=\"{F(origins[i].Y)}\" font-family=\"'Helvetica Neue', Arial, 'Liberation Sans', sans-serif\" font-weight=\"700\" font-size=\"{F(layout.FontSize * 0.92)}\">{Escape(line)}</text>");
            }
        }

        switch (template.Composition)
        {
            case "pop":
                // A hard offset shadow in the accent, as on a comedy one-sheet.
                art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"title-shadow\" fill=\"{c.Accent}\" transform=\"translate({F(layout.FontSize * .06)} {F(layout.FontSize * .07)})\">").Append(title).Append("</g>");
                break;
            case "horizon":
                // A neon tube: a wide soft stroke in the accent under the letters.
                art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"title-glow\" fill=\"none\" stroke=\"{c.Accent}\" stroke-width=\"{F(face.UnitsPerEm * .09)}\" stroke-linejoin=\"round\" opacity=\".55\">").Append(title).Append("</g>");
                break;
            case "blast":
            case "floodlit":
                art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"title-shadow\" fill=\"#000\" opacity=\".45\" transform=\"translate(0 {F(layout.FontSize * .04)})\">").Append(title).Append("</g>");
                break;
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"title\" fill=\"{c.Text}\">").Append(title).Append("</g>");
    }

    private static void Legibility(Drawing art, PosterTemplate template)
    {
        var c = art.Canvas;
        // The fade goes towards black for light text and towards the palette's lightest colour for dark text.
        var fade = c.DarkText ? c.Lightest : "#000";
        var strength = template.Composition is "pop" or "hills" or "wash" ? .55 : .82;
        if (c.Landscape)
        {
            art.Defs.Append(CultureInfo.InvariantCulture, $"<linearGradient id=\"side\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\"><stop offset=\"0\" stop-color=\"{fade}\" stop-opacity=\"{F2(strength)}\"/><stop offset=\".38\" stop-color=\"{fade}\" stop-opacity=\"{F2(strength * .6)}\"/><stop offset=\".64\" stop-color=\"{fade}\" stop-opacity=\"0\"/></linearGradient>");
            art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"fade\" width=\"{c.W}\" height=\"{c.H}\" fill=\"url(#side)\"/>");
        }
        else
        {
            art.Defs.Append(CultureInfo.InvariantCulture, $"<linearGradient id=\"fade\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\".5\" stop-color=\"{fade}\" stop-opacity=\"0\"/><stop offset=\"1\" stop-color=\"{fade}\" stop-opacity=\"{F2(strength)}\"/></linearGradient>");
            art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"fade\" width=\"{c.W}\" height=\"{c.H}\" fill=\"url(#fade)\"/>");
        }
    }

    private static void Frame(Drawing art)
    {
        var c = art.Canvas;
        var inset = 12 * c.U;
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"frame\" fill=\"none\" stroke=\"{c.Text}\" opacity=\".7\"><rect x=\"{F(inset)}\" y=\"{F(inset)}\" width=\"{F(c.W - (2 * inset))}\" height=\"{F(c.H - (2 * inset))}\" stroke-width=\"{F(2 * c.U)}\"/><rect x=\"{F(inset + (5 * c.U))}\" y=\"{F(inset + (5 * c.U))}\" width=\"{F(c.W - (2 * inset) - (10 * c.U))}\" height=\"{F(c.H - (2 * inset) - (10 * c.U))}\" stroke-width=\"{F(.8 * c.U)}\"/></g>");
    }

    private static void Tagline(Drawing art, DisplayFace label, double titleTop, List<string> labels)
    {
        var c = art.Canvas;
        var size = 15 * c.U;
        var barHeight = size * 1.45;
        var y = titleTop - barHeight - (12 * c.U);
        var width = (label.Measure(NowStreaming, .18) * size) + (24 * c.U);
        var x = c.Landscape ? c.W * .05 : (c.W - width) / 2;
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"tagline\"><rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(barHeight)}\" fill=\"{c.Accent}\"/><g fill=\"#111\">");
        label.AppendLine(art.Body, "l", NowStreaming, x + (12 * c.U), y + (barHeight / 2) + (label.CapHeight * size / 2), size, .18);
        art.Body.Append("</g></g>");
        labels.Add(NowStreaming);
    }

    private static void SeriesRibbon(Drawing art, DisplayFace label, List<string> labels)
    {
        var c = art.Canvas;
        var size = 16 * c.U;
        var width = (label.Measure(Series, .3) * size) + (22 * c.U);
        var height = size * 1.5;
        var x = c.Landscape ? c.W * .05 : 22 * c.U;
        var y = 24 * c.U;
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"series-ribbon\"><rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(height)}\" rx=\"{F(2 * c.U)}\" fill=\"{c.Accent}\"/><g fill=\"{(IsDark(c.Accent) ? "#fff" : "#111")}\">");
        label.AppendLine(art.Body, "l", Series, x + (11 * c.U), y + (height / 2) + (label.CapHeight * size / 2), size, .3);
        art.Body.Append("</g></g>");
        labels.Add(Series);
    }

    /// <summary>The billing block under the title: rows of condensed "credits" drawn as thin bars, not words.</summary>
    private static void Credits(Drawing art, PosterTemplate template, TitleLayout layout, ArtworkCrop crop)
    {
        var c = art.Canvas;
        var rowHeight = Math.Max(2, 3 * c.U);
        var block = crop.Landscape ? crop.TitleWidth * .8 : crop.TitleWidth * .86;
        var top = crop.Height - crop.TitleBottom + (layout.FontSize * (template.Upper ? .3 : .42));
        var room = crop.Height - top - (4 * c.U);
        var rows = room >= 4 * rowHeight ? 2 : 1;
        if (room < 2 * rowHeight)
        {
            return;
        }

        var left = crop.Landscape ? (crop.Width - crop.TitleWidth) / 4 : (crop.Width - block) / 2;
        var path = new StringBuilder(512);
        for (var row = 0; row < rows; row++)
        {
            var y = top + (row * rowHeight * 2);
            var x = left;
            var end = left + (row == rows - 1 ? block * .7 : block);
            if (row == rows - 1 && !crop.Landscape)
            {
                x += block * .15;
                end += block * .15;
            }

            while (x < end - (8 * c.U))
            {
                var word = Math.Min(art.R(10, 38) * c.U, end - x);
                path.Append(CultureInfo.InvariantCulture, $"M{F(x)} {F(y)}h{F(word)}");
                x += word + (4 * c.U);
            }
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"credits\" d=\"{path}\" stroke=\"{c.Text}\" stroke-width=\"{F(rowHeight)}\" opacity=\".42\"/>");
    }

    private static void Compose(string composition, Drawing art)
    {
        switch (composition)
        {
            case "spotlight": Spotlight(art); break;
            case "embrace": Embrace(art); break;
            case "pop": Pop(art); break;
            case "blast": Blast(art); break;
            case "lineup": Lineup(art); break;
            case "hills": Hills(art); break;
            case "contour": Contour(art); break;
            case "moonlit": Moonlit(art); break;
            case "vista": Vista(art); break;
            case "rings": Rings(art); break;
            case "planet": Planet(art); break;
            case "horizon": Horizon(art); break;
            case "sunburst": Sunburst(art); break;
            case "wash": Wash(art); break;
            default: Floodlit(art); break;
        }
    }

    // A lone figure in a cone of light, a pool of light at its feet and a heavy vignette (thrillers, crime).
    private static void Spotlight(Drawing art)
    {
        var c = art.Canvas;
        var lx = c.Fx + (art.R(-70, 70) * c.U);
        var fx = c.Fx + (art.R(-30, 30) * c.U);
        var spread = art.R(90, 150) * c.U;
        art.Defs.Append(CultureInfo.InvariantCulture, $"<linearGradient id=\"beam\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" stop-color=\"{c.Accent}\" stop-opacity=\".5\"/><stop offset=\"1\" stop-color=\"{c.Accent}\" stop-opacity=\".06\"/></linearGradient>");
        art.Defs.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"pool\"><stop offset=\"0\" stop-color=\"{c.Accent}\" stop-opacity=\".55\"/><stop offset=\"1\" stop-color=\"{c.Accent}\" stop-opacity=\"0\"/></radialGradient>");
        art.Defs.Append("<radialGradient id=\"vignette\" cx=\".5\" cy=\".42\" r=\".75\"><stop offset=\".35\" stop-color=\"#000\" stop-opacity=\"0\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".92\"/></radialGradient>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"beam\" d=\"M{F(lx - (6 * c.U))} -2L{F(lx + (6 * c.U))} -2L{F(fx + spread)} {F(c.Ground)}L{F(fx - spread)} {F(c.Ground)}Z\" fill=\"url(#beam)\"/>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<ellipse class=\"pool\" cx=\"{F(fx)}\" cy=\"{F(c.Ground)}\" rx=\"{F(spread * 1.3)}\" ry=\"{F(22 * c.U)}\" fill=\"url(#pool)\"/>");
        var height = art.R(150, 200) * c.U;
        art.Body.Append("<g class=\"silhouette\" fill=\"#040508\">");
        Figure(art.Body, fx, c.Ground, height, art.Pick(3) == 0);
        // The long shadow the light throws towards the viewer.
        art.Body.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(fx - (height * .16))} {F(c.Ground)}L{F(fx + (height * .16))} {F(c.Ground)}L{F(fx + ((fx - lx) * .6) + (height * .3))} {F(c.H)}L{F(fx + ((fx - lx) * .6) - (height * .3))} {F(c.H)}Z\" opacity=\".55\"/></g>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"vignette\" width=\"{c.W}\" height=\"{c.H}\" fill=\"url(#vignette)\"/>");
    }

    // Two figures leaning together against a low sun, warm bokeh all around (romance).
    private static void Embrace(Drawing art)
    {
        var c = art.Canvas;
        var sunY = c.Ground - (art.R(120, 170) * c.U);
        art.Defs.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"sun\"><stop offset=\"0\" stop-color=\"#fff4e0\" stop-opacity=\".95\"/><stop offset=\".25\" stop-color=\"{c.Accent}\" stop-opacity=\".6\"/><stop offset=\"1\" stop-color=\"{c.Accent}\" stop-opacity=\"0\"/></radialGradient>");
        art.Defs.Append("<radialGradient id=\"bokeh\"><stop offset=\".55\" stop-color=\"#ffe8d6\" stop-opacity=\".5\"/><stop offset=\"1\" stop-color=\"#ffe8d6\" stop-opacity=\"0\"/></radialGradient>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<circle class=\"glow\" cx=\"{F(c.Fx)}\" cy=\"{F(sunY)}\" r=\"{F(220 * c.U)}\" fill=\"url(#sun)\"/>");
        art.Body.Append("<g class=\"bokeh\" fill=\"url(#bokeh)\">");
        for (var i = 0; i < 16; i++)
        {
            art.Body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(art.R(0, c.W))}\" cy=\"{F(art.R(0, c.Ground))}\" r=\"{F(art.R(6, 34) * c.U)}\" opacity=\"{F2(art.R(.35, 1))}\"/>");
        }

        art.Body.Append("</g>");
        var gap = art.R(40, 48) * c.U;
        var tall = art.R(175, 205) * c.U;
        var tilt = art.R(3, 6);
        var ink = Mix(c.From, "#000000", .8);
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"couple\" fill=\"{ink}\" opacity=\".92\"><g transform=\"rotate({F(tilt)} {F(c.Fx - gap)} {F(c.Ground)})\">");
        Figure(art.Body, c.Fx - gap, c.Ground + (10 * c.U), tall, false);
        art.Body.Append(CultureInfo.InvariantCulture, $"</g><g transform=\"rotate({F(-tilt)} {F(c.Fx + gap)} {F(c.Ground)})\">");
        Figure(art.Body, c.Fx + gap, c.Ground + (10 * c.U), tall * art.R(.88, .95), false);
        art.Body.Append("</g></g>");
    }

    // A flat, bright colour field, a big blob and confetti: a comedy one-sheet.
    private static void Pop(Drawing art)
    {
        var c = art.Canvas;
        var blob = art.Pick(2) == 0 ? Mix(c.To, "#ffffff", .35) : Mix(c.Accent, "#ffffff", .25);
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"field\" width=\"{c.W}\" height=\"{c.H}\" fill=\"{c.From}\"/>");
        var cx = c.Fx + (art.R(-60, 60) * c.U);
        var cy = c.Ground - (art.R(110, 170) * c.U);
        var r = art.R(110, 150) * c.U;
        var blobPath = new StringBuilder(256);
        for (var i = 0; i < 8; i++)
        {
            var a = i * Math.PI / 4;
            var rr = r * art.R(.86, 1.1);
            blobPath.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "M" : "L")}{F(cx + (Math.Cos(a) * rr))} {F(cy + (Math.Sin(a) * rr))}");
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"blob\" d=\"{blobPath}Z\" fill=\"{blob}\" stroke=\"{blob}\" stroke-width=\"{F(60 * c.U)}\" stroke-linejoin=\"round\"/>");
        // The title's hash picks the face: a smile, a wink or a laugh with an open mouth.
        var face = art.Pick(3);
        var (ex, ey, er) = (r * .35, cy - (r * .12), r * .12);
        var stroke = $"fill=\"none\" stroke=\"{c.Text}\" stroke-width=\"{F(12 * c.U)}\" stroke-linecap=\"round\"";
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"face\" fill=\"{c.Text}\"><circle cx=\"{F(cx - ex)}\" cy=\"{F(ey)}\" r=\"{F(er)}\"/>");
        art.Body.Append(face == 1
            ? string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{F(cx + ex - er)} {F(ey)}h{F(er * 2)}\" {stroke}/>")
            : string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{F(cx + ex)}\" cy=\"{F(ey)}\" r=\"{F(er)}\"/>"));
        art.Body.Append(face == 2
            ? string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{F(cx - (r * .42))} {F(cy + (r * .18))}H{F(cx + (r * .42))}Q{F(cx + (r * .4))} {F(cy + (r * .7))} {F(cx)} {F(cy + (r * .7))}Q{F(cx - (r * .4))} {F(cy + (r * .7))} {F(cx - (r * .42))} {F(cy + (r * .18))}Z\"/><path d=\"M{F(cx - (r * .2))} {F(cy + (r * .58))}Q{F(cx)} {F(cy + (r * .42))} {F(cx + (r * .2))} {F(cy + (r * .58))}\" fill=\"{c.Accent}\"/>")
            : string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{F(cx - (r * .45))} {F(cy + (r * .2))}Q{F(cx)} {F(cy + (r * .75))} {F(cx + (r * .45))} {F(cy + (r * .2))}\" {stroke}/>"));
        art.Body.Append("</g>");
        art.Body.Append("<g class=\"confetti\">");
        string[] colours = [c.Accent, "#ffffff", c.Text, Mix(c.Accent, "#ffffff", .4)];
        for (var i = 0; i < 18; i++)
        {
            var x = art.R(0, c.W);
            var y = art.R(0, c.Ground + (60 * c.U));
            var s = art.R(10, 22) * c.U;
            var colour = colours[art.Pick(colours.Length)];
            art.Body.Append(art.Pick(3) switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(s / 2)}\" fill=\"{colour}\"/>"),
                1 => string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(s)}\" height=\"{F(s * .45)}\" rx=\"{F(s * .2)}\" fill=\"{colour}\" transform=\"rotate({F(art.R(0, 180))} {F(x)} {F(y)})\"/>"),
                _ => string.Create(CultureInfo.InvariantCulture, $"<path d=\"M{F(x)} {F(y)}q{F(s * .5)} {F(-s)} {F(s)} 0t{F(s)} 0\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{F(3 * c.U)}\" stroke-linecap=\"round\"/>"),
            });
        }

        art.Body.Append("</g>");
    }

    // Hard diagonal shafts of light, a blast glow, sparks and flying debris (action).
    private static void Blast(Drawing art)
    {
        var c = art.Canvas;
        var bx = c.Fx + (art.R(-60, 80) * c.U);
        var by = c.Ground - (art.R(10, 60) * c.U);
        art.Defs.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"blast\"><stop offset=\"0\" stop-color=\"#fff3c4\"/><stop offset=\".2\" stop-color=\"{c.Accent}\" stop-opacity=\".85\"/><stop offset=\"1\" stop-color=\"{c.Accent}\" stop-opacity=\"0\"/></radialGradient>");
        var slant = art.R(.45, .8) * c.H;
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"shafts\" fill=\"{c.Accent}\">");
        for (var i = 0; i < 3; i++)
        {
            var x = art.R(.05, .95) * c.W;
            var w = art.R(14, 46) * c.U;
            art.Body.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(x)} 0h{F(w)}L{F(x + w - slant)} {F(c.H)}h{F(-w)}Z\" opacity=\"{F2(art.R(.1, .22))}\"/>");
        }

        art.Body.Append("</g>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<ellipse class=\"blast\" cx=\"{F(bx)}\" cy=\"{F(by)}\" rx=\"{F(200 * c.U)}\" ry=\"{F(150 * c.U)}\" fill=\"url(#blast)\"/>");
        var sparks = new StringBuilder(1024);
        for (var i = 0; i < 34; i++)
        {
            var a = art.R(-Math.PI, 0.15);
            var d = art.R(40, 260) * c.U;
            var l = art.R(6, 22) * c.U;
            var (x, y) = (bx + (Math.Cos(a) * d), by + (Math.Sin(a) * d));
            sparks.Append(CultureInfo.InvariantCulture, $"M{F(x)} {F(y)}l{F(Math.Cos(a) * l)} {F(Math.Sin(a) * l)}");
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"sparks\" d=\"{sparks}\" stroke=\"#ffd89a\" stroke-width=\"{F(2.2 * c.U)}\" stroke-linecap=\"round\" opacity=\".9\"/>");
        art.Body.Append("<g class=\"debris\" fill=\"#0b0b0b\">");
        for (var i = 0; i < 11; i++)
        {
            var a = art.R(-Math.PI, 0);
            var d = art.R(60, 230) * c.U;
            var s = art.R(5, 15) * c.U;
            var (x, y) = (bx + (Math.Cos(a) * d), by + (Math.Sin(a) * d));
            art.Body.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(x)} {F(y)}l{F(s)} {F(s * .3)}l{F(-s * .4)} {F(s)}l{F(-s * .8)} {F(-s * .4)}Z\" transform=\"rotate({F(art.R(0, 90))} {F(x)} {F(y)})\"/>");
        }

        art.Body.Append("</g>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"ground\" y=\"{F(by + (40 * c.U))}\" width=\"{c.W}\" height=\"{F(c.H)}\" fill=\"#000\" opacity=\".5\"/>");
    }

    // A row of backlit figures of different heights (ensemble dramas).
    private static void Lineup(Drawing art)
    {
        var c = art.Canvas;
        art.Defs.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"backlight\"><stop offset=\"0\" stop-color=\"{c.Accent}\" stop-opacity=\".75\"/><stop offset=\"1\" stop-color=\"{c.Accent}\" stop-opacity=\"0\"/></radialGradient>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<ellipse class=\"backlight\" cx=\"{F(c.Fx)}\" cy=\"{F(c.Ground)}\" rx=\"{F(260 * c.U)}\" ry=\"{F(230 * c.U)}\" fill=\"url(#backlight)\"/>");
        var count = 5 + art.Pick(3);
        var spacing = art.R(44, 54) * c.U;
        var ink = Mix(c.From, "#000000", .7);
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"figures\" fill=\"{ink}\">");
        var order = Enumerable.Range(0, count).Select(i => (Index: i, Height: art.R(120, 200) * c.U * (1 - (Math.Abs(i - ((count - 1) / 2.0)) * .06)))).ToList();
        foreach (var (index, height) in order.OrderBy(o => o.Height))
        {
            Figure(art.Body, c.Fx + ((index - ((count - 1) / 2.0)) * spacing), c.Ground + (6 * c.U), height, false);
        }

        art.Body.Append("</g>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"ground\" y=\"{F(c.Ground)}\" width=\"{c.W}\" height=\"{F(c.H - c.Ground)}\" fill=\"{ink}\"/>");
        if (art.Pick(2) == 0)
        {
            // Half the line-ups put one lead a step in front of the rest, taller and darker.
            var lead = order.Max(o => o.Height) * art.R(1.12, 1.25);
            art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"lead\" fill=\"{Mix(ink, "#000000", .6)}\">");
            Figure(art.Body, c.Fx + (art.R(-1, 1) * spacing * .6), c.Ground + (26 * c.U), lead, art.Pick(2) == 0);
            art.Body.Append("</g>");
        }
    }

    // A sun with rounded rays, puffy clouds and rolling hills (family, kids).
    private static void Hills(Drawing art)
    {
        var c = art.Canvas;
        var sx = c.Fx + (art.R(-110, 110) * c.U);
        var sy = c.Ground - (art.R(170, 230) * c.U);
        var r = art.R(34, 48) * c.U;
        var rays = new StringBuilder(512);
        for (var i = 0; i < 10; i++)
        {
            var a = i * Math.PI / 5;
            rays.Append(CultureInfo.InvariantCulture, $"M{F(sx + (Math.Cos(a) * r * 1.35))} {F(sy + (Math.Sin(a) * r * 1.35))}L{F(sx + (Math.Cos(a) * r * 1.75))} {F(sy + (Math.Sin(a) * r * 1.75))}");
        }

        // The title's hash picks the sky (a sun or a rainbow) and what flies in it (a kite or a balloon).
        if (art.Pick(2) == 0)
        {
            art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"sun\"><path d=\"{rays}\" stroke=\"#ffd43b\" stroke-width=\"{F(8 * c.U)}\" stroke-linecap=\"round\"/><circle cx=\"{F(sx)}\" cy=\"{F(sy)}\" r=\"{F(r)}\" fill=\"#ffd43b\"/></g>");
        }
        else
        {
            string[] bands = ["#ff6b6b", "#ffa94d", "#ffd43b", "#69db7c", "#4dabf7", "#9775fa"];
            var rr = art.R(120, 160) * c.U;
            var rainbow = new StringBuilder(512);
            for (var i = 0; i < bands.Length; i++)
            {
                var ri = rr - (i * 9 * c.U);
                rainbow.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(sx - ri)} {F(c.Ground)}A{F(ri)} {F(ri)} 0 0 1 {F(sx + ri)} {F(c.Ground)}\" stroke=\"{bands[i]}\"/>");
            }

            art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"rainbow\" fill=\"none\" stroke-width=\"{F(9.5 * c.U)}\" opacity=\".85\">{rainbow}</g>");
        }
        art.Body.Append("<g class=\"clouds\" fill=\"#fff\">");
        for (var i = 0; i < 2; i++)
        {
            var cx = art.R(.1, .9) * c.W;
            var cy = art.R(.08, .32) * c.H;
            var s = art.R(16, 24) * c.U;
            art.Body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(s)}\"/><circle cx=\"{F(cx + (s * 1.1))}\" cy=\"{F(cy - (s * .5))}\" r=\"{F(s * 1.3)}\"/><circle cx=\"{F(cx + (s * 2.3))}\" cy=\"{F(cy)}\" r=\"{F(s)}\"/><rect x=\"{F(cx)}\" y=\"{F(cy - (s * .2))}\" width=\"{F(s * 2.3)}\" height=\"{F(s * 1.2)}\" rx=\"{F(s * .6)}\"/>");
        }

        art.Body.Append("</g><g class=\"hills\">");
        string[] greens = [Mix("#8ce99a", c.Accent, .15), Mix("#51cf66", c.To, .15), Mix("#2f9e44", c.Text, .2)];
        for (var layer = 0; layer < 3; layer++)
        {
            var y = c.Ground - ((2 - layer) * 40 * c.U) + (layer * 20 * c.U);
            var amp = art.R(20, 45) * c.U;
            var phase = art.R(0, c.W);
            art.Body.Append(CultureInfo.InvariantCulture, $"<path d=\"M0 {F(y)}Q{F(phase * .5)} {F(y - amp)} {F(phase)} {F(y)}T{F(c.W)} {F(y - (amp * .3))}V{F(c.H)}H0Z\" fill=\"{greens[layer]}\"/>");
        }

        art.Body.Append("</g>");
        var kx = art.R(.15, .85) * c.W;
        var ky = art.R(.12, .3) * c.H;
        var k = 18 * c.U;
        if (art.Pick(2) == 0)
        {
            var b = 24 * c.U;
            art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"balloon\"><path d=\"M{F(kx)} {F(ky + (b * 1.5))}C{F(kx - (b * 1.4))} {F(ky + (b * .4))} {F(kx - (b * 1.1))} {F(ky - (b * 1.2))} {F(kx)} {F(ky - (b * 1.2))}C{F(kx + (b * 1.1))} {F(ky - (b * 1.2))} {F(kx + (b * 1.4))} {F(ky + (b * .4))} {F(kx)} {F(ky + (b * 1.5))}Z\" fill=\"{c.Accent}\"/><path d=\"M{F(kx)} {F(ky - (b * 1.2))}C{F(kx - (b * .4))} {F(ky - (b * .4))} {F(kx - (b * .3))} {F(ky + b)} {F(kx)} {F(ky + (b * 1.5))}C{F(kx + (b * .3))} {F(ky + b)} {F(kx + (b * .4))} {F(ky - (b * .4))} {F(kx)} {F(ky - (b * 1.2))}\" fill=\"#fff\" opacity=\".45\"/><rect x=\"{F(kx - (b * .22))}\" y=\"{F(ky + (b * 1.75))}\" width=\"{F(b * .44)}\" height=\"{F(b * .34)}\" rx=\"{F(b * .06)}\" fill=\"{c.Text}\"/></g>");
            return;
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"kite\"><path d=\"M{F(kx)} {F(ky - k)}l{F(k * .7)} {F(k)}l{F(-k * .7)} {F(k * 1.3)}l{F(-k * .7)} {F(-k * 1.3)}Z\" fill=\"{c.Accent}\"/><path d=\"M{F(kx)} {F(ky + (k * 1.3))}q{F(k)} {F(k * 2)} {F(-k * .3)} {F(k * 4)}\" fill=\"none\" stroke=\"{c.Text}\" stroke-width=\"{F(1.5 * c.U)}\" opacity=\".6\"/></g>");
    }

    // Topographic contour lines round a marked spot, thin and exact (documentaries).
    private static void Contour(Drawing art)
    {
        var c = art.Canvas;
        var cx = c.Fx + (art.R(-50, 50) * c.U);
        var cy = c.Ground - (art.R(100, 160) * c.U);
        var wobble = Enumerable.Range(0, 12).Select(_ => art.R(.82, 1.18)).ToArray();
        var rings = new StringBuilder(4096);
        for (var ring = 1; ring <= 12; ring++)
        {
            var r = ring * 22 * c.U;
            var points = Enumerable.Range(0, 12).Select(i =>
            {
                var a = i * Math.PI / 6;
                var rr = r * (1 + ((wobble[i] - 1) * ring / 8));
                return (X: cx + (Math.Cos(a) * rr * 1.2), Y: cy + (Math.Sin(a) * rr));
            }).ToArray();

            // A closed smooth curve: through the midpoints, each point a control point.
            var start = Mid(points[^1], points[0]);
            rings.Append(CultureInfo.InvariantCulture, $"M{F(start.X)} {F(start.Y)}");
            for (var i = 0; i < points.Length; i++)
            {
                var end = Mid(points[i], points[(i + 1) % points.Length]);
                rings.Append(CultureInfo.InvariantCulture, $"Q{F(points[i].X)} {F(points[i].Y)} {F(end.X)} {F(end.Y)}");
            }

            rings.Append('Z');
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"contours\" d=\"{rings}\" fill=\"none\" stroke=\"{c.Accent}\" stroke-width=\"{F(1.2 * c.U)}\" stroke-linejoin=\"round\" opacity=\".45\"/>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"marker\" stroke=\"{c.Text}\" stroke-width=\"{F(1.5 * c.U)}\" fill=\"none\"><circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(9 * c.U)}\"/><path d=\"M{F(cx - (24 * c.U))} {F(cy)}h{F(14 * c.U)}M{F(cx + (10 * c.U))} {F(cy)}h{F(14 * c.U)}M{F(cx)} {F(cy - (24 * c.U))}v{F(14 * c.U)}M{F(cx)} {F(cy + (10 * c.U))}v{F(14 * c.U)}\"/></g>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(3 * c.U)}\" fill=\"{c.Accent}\"/>");
    }

    // A full moon behind a bare tree, fog low over the ground (horror, the uncanny).
    private static void Moonlit(Drawing art)
    {
        var c = art.Canvas;
        var mx = c.Fx + (art.R(-70, 70) * c.U);
        var my = c.Ground - (art.R(180, 240) * c.U);
        var mr = art.R(46, 64) * c.U;
        art.Defs.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"halo\"><stop offset=\".3\" stop-color=\"{c.Text}\" stop-opacity=\".35\"/><stop offset=\"1\" stop-color=\"{c.Text}\" stop-opacity=\"0\"/></radialGradient>");
        art.Defs.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"fog\"><stop offset=\"0\" stop-color=\"{c.Accent}\" stop-opacity=\".35\"/><stop offset=\"1\" stop-color=\"{c.Accent}\" stop-opacity=\"0\"/></radialGradient>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<circle class=\"halo\" cx=\"{F(mx)}\" cy=\"{F(my)}\" r=\"{F(mr * 3)}\" fill=\"url(#halo)\"/><circle class=\"moon\" cx=\"{F(mx)}\" cy=\"{F(my)}\" r=\"{F(mr)}\" fill=\"{Mix(c.Text, c.Accent, .15)}\"/>");
        var branches = new StringBuilder(2048);
        var tx = mx + (art.R(-40, 40) * c.U);
        Branch(branches, art, tx, c.Ground + (4 * c.U), -Math.PI / 2, 95 * c.U, 5);
        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"tree\" d=\"{branches}\" stroke=\"#020405\" stroke-width=\"{F(3 * c.U)}\" stroke-linecap=\"round\" fill=\"none\"/>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"ground\" d=\"M0 {F(c.Ground + (10 * c.U))}Q{F(tx)} {F(c.Ground - (20 * c.U))} {F(c.W)} {F(c.Ground + (14 * c.U))}V{F(c.H)}H0Z\" fill=\"#020405\"/>");
        art.Body.Append("<g class=\"fog\" fill=\"url(#fog)\">");
        for (var i = 0; i < 4; i++)
        {
            art.Body.Append(CultureInfo.InvariantCulture, $"<ellipse cx=\"{F(art.R(0, c.W))}\" cy=\"{F(c.Ground + (art.R(-10, 40) * c.U))}\" rx=\"{F(art.R(160, 260) * c.U)}\" ry=\"{F(art.R(18, 34) * c.U)}\"/>");
        }

        art.Body.Append("</g>");
    }

    private static (double X, double Y) Mid((double X, double Y) a, (double X, double Y) b) => ((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    private static void Branch(StringBuilder path, Drawing art, double x, double y, double angle, double length, int depth)
    {
        var (x2, y2) = (x + (Math.Cos(angle) * length), y + (Math.Sin(angle) * length));
        path.Append(CultureInfo.InvariantCulture, $"M{F(x)} {F(y)}L{F(x2)} {F(y2)}");
        if (depth == 0)
        {
            return;
        }

        Branch(path, art, x2, y2, angle - art.R(.25, .6), length * art.R(.6, .75), depth - 1);
        Branch(path, art, x2, y2, angle + art.R(.25, .6), length * art.R(.6, .75), depth - 1);
    }

    // Range after range of mountains under a huge halo, god rays, one tiny figure on the ridge (fantasy, epics).
    private static void Vista(Drawing art)
    {
        var c = art.Canvas;
        var sx = c.Fx + (art.R(-40, 40) * c.U);
        var sy = c.Ground - (art.R(170, 220) * c.U);
        art.Defs.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"halo\"><stop offset=\"0\" stop-color=\"#fff8e1\"/><stop offset=\".18\" stop-color=\"{c.Accent}\" stop-opacity=\".85\"/><stop offset=\"1\" stop-color=\"{c.Accent}\" stop-opacity=\"0\"/></radialGradient>");
        var rays = new StringBuilder(1024);
        for (var i = 0; i < 9; i++)
        {
            var a = (-Math.PI * .95) + (i * Math.PI * .9 / 8) + art.R(-.04, .04);
            var (w, l) = (art.R(.03, .06), 700 * c.U);
            rays.Append(CultureInfo.InvariantCulture, $"M{F(sx)} {F(sy)}L{F(sx + (Math.Cos(a - w) * l))} {F(sy + (Math.Sin(a - w) * l))}L{F(sx + (Math.Cos(a + w) * l))} {F(sy + (Math.Sin(a + w) * l))}Z");
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"rays\" d=\"{rays}\" fill=\"{c.Accent}\" opacity=\".12\"/>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<circle class=\"halo\" cx=\"{F(sx)}\" cy=\"{F(sy)}\" r=\"{F(170 * c.U)}\" fill=\"url(#halo)\"/>");
        art.Body.Append("<g class=\"ranges\">");
        (double X, double Y) peak = (sx, c.Ground);
        for (var layer = 0; layer < 4; layer++)
        {
            var baseY = c.Ground - ((3 - layer) * 34 * c.U);
            var path = new StringBuilder(256);
            path.Append(CultureInfo.InvariantCulture, $"M0 {F(baseY)}");
            var best = (X: 0.0, Y: double.MaxValue);
            for (var x = 0.0; x <= c.W + 1; x += art.R(38, 80) * c.U)
            {
                var y = baseY - (art.R(10, 120) * c.U * (layer == 3 ? .7 : 1));
                path.Append(CultureInfo.InvariantCulture, $"L{F(x)} {F(y)}");
                if (y < best.Y && Math.Abs(x - c.Fx) < 120 * c.U)
                {
                    best = (x, y);
                }
            }

            path.Append(CultureInfo.InvariantCulture, $"L{F(c.W)} {F(baseY)}V{F(c.H)}H0Z");
            art.Body.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"{Mix(c.To, "#000000", .25 + (layer * .2))}\"/>");
            if (layer == 3 && best.Y < double.MaxValue)
            {
                peak = best;
            }
        }

        art.Body.Append("</g>");
        var h = 26 * c.U;
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"wanderer\" fill=\"{Mix(c.To, "#000000", .85)}\">");
        Figure(art.Body, peak.X, peak.Y + (2 * c.U), h, false);
        art.Body.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(peak.X + (h * .25))} {F(peak.Y)}l{F(h * .1)} {F(-h * 1.25)}\" stroke=\"{Mix(c.To, "#000000", .85)}\" stroke-width=\"{F(1.5 * c.U)}\"/></g>");
    }

    // Concentric rings, a halftone slab and equaliser bars on a duotone (music, reality).
    private static void Rings(Drawing art)
    {
        var c = art.Canvas;
        var cx = c.Fx + (art.R(-40, 90) * c.U);
        var cy = c.Ground - (art.R(130, 190) * c.U);
        art.Defs.Append(CultureInfo.InvariantCulture, $"<pattern id=\"halftone\" width=\"{F(9 * c.U)}\" height=\"{F(9 * c.U)}\" patternUnits=\"userSpaceOnUse\"><circle cx=\"{F(4.5 * c.U)}\" cy=\"{F(4.5 * c.U)}\" r=\"{F(2.2 * c.U)}\" fill=\"{c.Text}\"/></pattern>");
        var tilt = art.R(-30, -12);
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"slab\" x=\"{F(-c.W)}\" y=\"{F(cy - (60 * c.U))}\" width=\"{F(c.W * 3)}\" height=\"{F(120 * c.U)}\" fill=\"url(#halftone)\" opacity=\".22\" transform=\"rotate({F(tilt)} {F(cx)} {F(cy)})\"/>");
        art.Body.Append("<g class=\"rings\" fill=\"none\">");
        for (var i = 0; i < 5; i++)
        {
            art.Body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(cx + (i * art.R(-6, 6) * c.U))}\" cy=\"{F(cy)}\" r=\"{F((40 + (i * 34)) * c.U)}\" stroke=\"{(i % 2 == 0 ? c.Accent : c.Text)}\" stroke-width=\"{F((14 - (i * 2)) * c.U)}\" opacity=\"{F2(.9 - (i * .15))}\"/>");
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"</g><circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(18 * c.U)}\" fill=\"{c.Accent}\"/>");
        var bars = new StringBuilder(512);
        var bw = 12 * c.U;
        var start = c.Landscape ? c.W * .62 : c.W * .08;
        var end = c.Landscape ? c.W * .97 : c.W * .92;
        for (var x = start; x < end; x += bw * 1.7)
        {
            bars.Append(CultureInfo.InvariantCulture, $"M{F(x)} {F(c.Ground)}v{F(-art.R(8, 70) * c.U)}");
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"equaliser\" d=\"{bars}\" stroke=\"{c.Accent}\" stroke-width=\"{F(bw)}\" stroke-linecap=\"round\" opacity=\".8\"/>");
    }

    // A ringed planet lit from one side over a starfield and a nebula (science fiction).
    private static void Planet(Drawing art)
    {
        var c = art.Canvas;
        Stars(art, 70, c.H);
        var px = c.Fx + (art.R(-50, 50) * c.U);
        var py = c.Ground - (art.R(130, 190) * c.U);
        var pr = art.R(80, 110) * c.U;
        art.Defs.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"nebula\"><stop offset=\"0\" stop-color=\"{c.Accent}\" stop-opacity=\".5\"/><stop offset=\"1\" stop-color=\"{c.Accent}\" stop-opacity=\"0\"/></radialGradient>");
        art.Defs.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"lit\" cx=\".3\" cy=\".28\" r=\".85\"><stop offset=\"0\" stop-color=\"{Mix(c.Accent, "#ffffff", .55)}\"/><stop offset=\".55\" stop-color=\"{c.Accent}\"/><stop offset=\"1\" stop-color=\"{Mix(c.From, "#000000", .4)}\"/></radialGradient>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<ellipse class=\"nebula\" cx=\"{F(px - (90 * c.U))}\" cy=\"{F(py + (40 * c.U))}\" rx=\"{F(260 * c.U)}\" ry=\"{F(130 * c.U)}\" fill=\"url(#nebula)\" transform=\"rotate({F(art.R(-30, 30))} {F(px)} {F(py)})\"/>");
        var ringTilt = art.R(-24, -8);
        var ring = $"<ellipse cx=\"{F(px)}\" cy=\"{F(py)}\" rx=\"{F(pr * 1.8)}\" ry=\"{F(pr * .42)}\" fill=\"none\" stroke=\"{Mix(c.Text, c.Accent, .35)}\" stroke-width=\"{F(7 * c.U)}\" opacity=\".8\"/>";
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"ring\" transform=\"rotate({F(ringTilt)} {F(px)} {F(py)})\">{ring}</g>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<circle class=\"planet\" cx=\"{F(px)}\" cy=\"{F(py)}\" r=\"{F(pr)}\" fill=\"url(#lit)\"/>");
        // The near half of the ring passes in front of the planet.
        art.Body.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(px - (pr * 1.8))} {F(py)}A{F(pr * 1.8)} {F(pr * .42)} 0 0 0 {F(px + (pr * 1.8))} {F(py)}\" fill=\"none\" stroke=\"{Mix(c.Text, c.Accent, .35)}\" stroke-width=\"{F(7 * c.U)}\" opacity=\".9\" transform=\"rotate({F(ringTilt)} {F(px)} {F(py)})\"/>");
        var moon = art.R(10, 16) * c.U;
        art.Body.Append(CultureInfo.InvariantCulture, $"<circle class=\"moon\" cx=\"{F(px + (pr * 1.9))}\" cy=\"{F(py - (pr * 1.1))}\" r=\"{F(moon)}\" fill=\"{Mix(c.Text, c.From, .3)}\"/>");
    }

    // A striped sun setting on a glowing perspective grid (anime, synthwave, neon).
    private static void Horizon(Drawing art)
    {
        var c = art.Canvas;
        Stars(art, 30, c.Ground * .7);
        var sx = c.Fx + (art.R(-30, 30) * c.U);
        var sr = art.R(90, 120) * c.U;
        var hot = art.Pick(2) == 0 ? "#ff4d9d" : "#ff7a3d";
        art.Defs.Append(CultureInfo.InvariantCulture, $"<linearGradient id=\"sun\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" stop-color=\"#ffe066\"/><stop offset=\"1\" stop-color=\"{hot}\"/></linearGradient>");
        art.Defs.Append(CultureInfo.InvariantCulture, $"<clipPath id=\"sky\"><rect width=\"{c.W}\" height=\"{F(c.Ground)}\"/></clipPath>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"sun\" clip-path=\"url(#sky)\"><circle cx=\"{F(sx)}\" cy=\"{F(c.Ground - (sr * .35))}\" r=\"{F(sr)}\" fill=\"url(#sun)\"/>");
        for (var i = 0; i < 5; i++)
        {
            var y = c.Ground - (sr * .35) + (i * sr * .16);
            art.Body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(sx - sr)}\" y=\"{F(y)}\" width=\"{F(sr * 2)}\" height=\"{F((2 + (i * 2.2)) * c.U)}\" fill=\"{c.To}\"/>");
        }

        art.Body.Append("</g>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect y=\"{F(c.Ground)}\" width=\"{c.W}\" height=\"{F(c.H - c.Ground)}\" fill=\"{Mix(c.From, "#000000", .5)}\"/>");
        var grid = new StringBuilder(2048);
        for (var i = -12; i <= 12; i++)
        {
            grid.Append(CultureInfo.InvariantCulture, $"M{F(sx + (i * 14 * c.U))} {F(c.Ground)}L{F(sx + (i * 120 * c.U))} {F(c.H)}");
        }

        for (var i = 1; i < 12; i++)
        {
            var y = c.Ground + ((c.H - c.Ground) * Math.Pow(i / 11.0, 1.9));
            grid.Append(CultureInfo.InvariantCulture, $"M0 {F(y)}H{F(c.W)}");
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"grid\" d=\"{grid}\" stroke=\"{c.Accent}\" stroke-width=\"{F(1.6 * c.U)}\" opacity=\".75\"/>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"horizon-line\" y=\"{F(c.Ground - c.U)}\" width=\"{c.W}\" height=\"{F(2 * c.U)}\" fill=\"{c.Accent}\"/>");
    }

    // Print-shop rays from a roundel with a star, on hatched paper (period pieces).
    private static void Sunburst(Drawing art)
    {
        var c = art.Canvas;
        var cx = c.Fx + (art.R(-20, 20) * c.U);
        var cy = c.Ground - (art.R(110, 150) * c.U);
        var count = 2 * (10 + art.Pick(5));
        var rays = new StringBuilder(2048);
        for (var i = 0; i < count; i += 2)
        {
            var a1 = i * 2 * Math.PI / count;
            var a2 = (i + 1) * 2 * Math.PI / count;
            var l = 900 * c.U;
            rays.Append(CultureInfo.InvariantCulture, $"M{F(cx)} {F(cy)}L{F(cx + (Math.Cos(a1) * l))} {F(cy + (Math.Sin(a1) * l))}L{F(cx + (Math.Cos(a2) * l))} {F(cy + (Math.Sin(a2) * l))}Z");
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"rays\" d=\"{rays}\" fill=\"{c.Accent}\" opacity=\".13\"/>");
        art.Defs.Append(CultureInfo.InvariantCulture, $"<pattern id=\"hatch\" width=\"{F(5 * c.U)}\" height=\"{F(5 * c.U)}\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><path d=\"M0 0v{F(5 * c.U)}\" stroke=\"#000\" stroke-width=\"{F(1.2 * c.U)}\"/></pattern>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"hatch\" width=\"{c.W}\" height=\"{c.H}\" fill=\"url(#hatch)\" opacity=\".14\"/>");
        var r = art.R(56, 72) * c.U;
        var star = new StringBuilder(256);
        for (var i = 0; i < 10; i++)
        {
            var a = (-Math.PI / 2) + (i * Math.PI / 5);
            var rr = i % 2 == 0 ? r * .55 : r * .22;
            star.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "M" : "L")}{F(cx + (Math.Cos(a) * rr))} {F(cy + (Math.Sin(a) * rr))}");
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"roundel\"><circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(r)}\" fill=\"{Mix(c.From, "#000000", .3)}\" stroke=\"{c.Accent}\" stroke-width=\"{F(4 * c.U)}\"/><circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(r * .84)}\" fill=\"none\" stroke=\"{c.Accent}\" stroke-width=\"{F(1.2 * c.U)}\"/><path d=\"{star}Z\" fill=\"{c.Accent}\"/></g>");
    }

    // Soft watercolour washes, a leafy branch and a pale sun, much empty space (lifestyle, calm).
    private static void Wash(Drawing art)
    {
        var c = art.Canvas;
        art.Defs.Append(CultureInfo.InvariantCulture, $"<radialGradient id=\"wash\"><stop offset=\"0\" stop-color=\"{c.Accent}\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"{c.Accent}\" stop-opacity=\"0\"/></radialGradient>");
        art.Body.Append("<g class=\"washes\" fill=\"url(#wash)\">");
        for (var i = 0; i < 4; i++)
        {
            art.Body.Append(CultureInfo.InvariantCulture, $"<ellipse cx=\"{F(art.R(.1, .9) * c.W)}\" cy=\"{F(c.Ground - (art.R(0, 220) * c.U))}\" rx=\"{F(art.R(150, 240) * c.U)}\" ry=\"{F(art.R(40, 80) * c.U)}\"/>");
        }

        art.Body.Append("</g>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<circle class=\"sun\" cx=\"{F(c.Fx + (art.R(-80, 80) * c.U))}\" cy=\"{F(c.Ground - (art.R(170, 230) * c.U))}\" r=\"{F(art.R(26, 40) * c.U)}\" fill=\"#ffffff\" opacity=\".8\"/>");
        var fromRight = art.Pick(2) == 0;
        var x0 = fromRight ? c.W + (10 * c.U) : (c.Landscape ? c.W * .45 : -10 * c.U);
        var dir = fromRight ? -1 : 1;
        var y0 = c.Ground - (art.R(150, 220) * c.U);
        var (x1, y1) = (x0 + (dir * 230 * c.U), y0 + (art.R(40, 90) * c.U));
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"branch\" fill=\"{Mix(c.Accent, c.Text, .3)}\"><path d=\"M{F(x0)} {F(y0)}Q{F((x0 + x1) / 2)} {F(y0 - (30 * c.U))} {F(x1)} {F(y1)}\" fill=\"none\" stroke=\"{Mix(c.Accent, c.Text, .45)}\" stroke-width=\"{F(2.5 * c.U)}\"/>");
        for (var i = 1; i <= 7; i++)
        {
            var t = i / 8.0;
            var x = x0 + ((x1 - x0) * t);
            var y = y0 + ((y1 - y0) * t) - (30 * c.U * 2 * t * (1 - t));
            var side = i % 2 == 0 ? 1 : -1;
            art.Body.Append(CultureInfo.InvariantCulture, $"<ellipse cx=\"{F(x)}\" cy=\"{F(y + (side * 9 * c.U))}\" rx=\"{F(13 * c.U)}\" ry=\"{F(5 * c.U)}\" transform=\"rotate({F(side * dir * 35)} {F(x)} {F(y)})\" opacity=\"{F2(art.R(.7, 1))}\"/>");
        }

        art.Body.Append("</g>");
    }

    // Floodlights over a pitch in perspective, the crowd a band of lights (sport).
    private static void Floodlit(Drawing art)
    {
        var c = art.Canvas;
        var horizon = c.Ground - (60 * c.U);
        art.Defs.Append("<radialGradient id=\"flood\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\".9\"/><stop offset=\"1\" stop-color=\"#fff\" stop-opacity=\"0\"/></radialGradient>");
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"stand\" y=\"{F(horizon - (90 * c.U))}\" width=\"{c.W}\" height=\"{F(90 * c.U)}\" fill=\"#000\" opacity=\".55\"/>");
        var crowd = new StringBuilder(2048);
        for (var i = 0; i < 90; i++)
        {
            crowd.Append(CultureInfo.InvariantCulture, $"M{F(art.R(0, c.W))} {F(horizon - (art.R(6, 84) * c.U))}h0");
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"crowd\" d=\"{crowd}\" stroke=\"{c.Accent}\" stroke-width=\"{F(3 * c.U)}\" stroke-linecap=\"round\" opacity=\".55\"/>");
        var pitch = Mix(c.To, "#2b8a3e", .4);
        art.Body.Append(CultureInfo.InvariantCulture, $"<rect class=\"pitch\" y=\"{F(horizon)}\" width=\"{c.W}\" height=\"{F(c.H - horizon)}\" fill=\"{pitch}\"/>");
        var mid = c.Fx;
        var lines = $"M{F(mid - (150 * c.U))} {F(horizon + (6 * c.U))}H{F(mid + (150 * c.U))}L{F(mid + (330 * c.U))} {F(c.H)}M{F(mid - (150 * c.U))} {F(horizon + (6 * c.U))}L{F(mid - (330 * c.U))} {F(c.H)}M{F(mid)} {F(horizon + (6 * c.U))}V{F(c.H)}";
        art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"markings\" fill=\"none\" stroke=\"#fff\" stroke-width=\"{F(2 * c.U)}\" opacity=\".45\"><path d=\"{lines}\"/><ellipse cx=\"{F(mid)}\" cy=\"{F(horizon + (90 * c.U))}\" rx=\"{F(90 * c.U)}\" ry=\"{F(26 * c.U)}\"/></g>");
        foreach (var side in new[] { -1, 1 })
        {
            var tx = side < 0 ? c.W * art.R(.08, .2) : c.W * art.R(.8, .92);
            var ty = horizon - (art.R(190, 240) * c.U);
            art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"beam\" d=\"M{F(tx - (10 * c.U))} {F(ty)}L{F(mid - (side * 40 * c.U))} {F(c.H)}H{F(mid + (side * 160 * c.U))}L{F(tx + (10 * c.U))} {F(ty)}Z\" fill=\"#fff\" opacity=\".07\"/>");
            art.Body.Append(CultureInfo.InvariantCulture, $"<g class=\"floodlight\"><circle cx=\"{F(tx)}\" cy=\"{F(ty)}\" r=\"{F(48 * c.U)}\" fill=\"url(#flood)\"/><path d=\"M{F(tx)} {F(ty + (12 * c.U))}V{F(horizon - (90 * c.U))}\" stroke=\"#000\" stroke-width=\"{F(3 * c.U)}\"/>");
            var lamps = new StringBuilder(256);
            for (var row = 0; row < 3; row++)
            {
                for (var col = 0; col < 4; col++)
                {
                    lamps.Append(CultureInfo.InvariantCulture, $"M{F(tx + ((col - 1.5) * 7 * c.U))} {F(ty + ((row - 1) * 7 * c.U))}h0");
                }
            }

            art.Body.Append(CultureInfo.InvariantCulture, $"<path d=\"{lamps}\" stroke=\"#fffbe6\" stroke-width=\"{F(5 * c.U)}\" stroke-linecap=\"round\"/></g>");
        }
    }

    private static void Stars(Drawing art, int count, double maxY)
    {
        var c = art.Canvas;
        var path = new StringBuilder(count * 14);
        for (var i = 0; i < count; i++)
        {
            path.Append(CultureInfo.InvariantCulture, $"M{F(art.R(0, c.W))} {F(art.R(0, maxY))}h0");
        }

        art.Body.Append(CultureInfo.InvariantCulture, $"<path class=\"stars\" d=\"{path}\" stroke=\"#fff\" stroke-width=\"{F(2.2 * c.U)}\" stroke-linecap=\"round\" opacity=\".7\"/>");
    }

    /// <summary>A standing figure in a coat, feet at (x, feet), as a head and a body path.</summary>
    private static void Figure(StringBuilder svg, double x, double feet, double h, bool hat)
    {
        var shoulders = feet - (h * .8);
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(x - (h * .17))} {F(feet)}L{F(x - (h * .2))} {F(feet - (h * .5))}Q{F(x - (h * .21))} {F(shoulders)} {F(x - (h * .07))} {F(shoulders)}H{F(x + (h * .07))}Q{F(x + (h * .21))} {F(shoulders)} {F(x + (h * .2))} {F(feet - (h * .5))}L{F(x + (h * .17))} {F(feet)}Z\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(feet - (h * .89))}\" r=\"{F(h * .095)}\"/>");
        if (hat)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(x - (h * .17))} {F(feet - (h * .94))}h{F(h * .34)}l{F(-h * .07)} {F(-h * .06)}h{F(-h * .2)}Z\"/>");
        }
    }

    /// <summary>Relative luminance (WCAG) of a #rrggbb colour; unparseable colours count as mid-grey.</summary>
    public static double Luminance(string color)
    {
        if (!TryParse(color, out var rgb))
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

    /// <summary>The colour t of the way from a to b (#rrggbb; an unparseable colour counts as mid-grey).</summary>
    public static string Mix(string a, string b, double t)
    {
        var x = TryParse(a, out var p) ? p : 0x808080;
        var y = TryParse(b, out var q) ? q : 0x808080;
        int Channel(int shift) => (int)Math.Round((((x >> shift) & 0xFF) * (1 - t)) + (((y >> shift) & 0xFF) * t));
        return string.Create(CultureInfo.InvariantCulture, $"#{Channel(16):x2}{Channel(8):x2}{Channel(0):x2}");
    }

    private static bool TryParse(string? color, out int rgb)
    {
        var hex = (color ?? string.Empty).TrimStart('#');
        rgb = 0;
        return hex.Length == 6 && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out rgb);
    }

    private static bool IsDark(string color) => Luminance(color) < 0.2;

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string F2(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string value) => WebUtility.HtmlEncode(value);

    /// <summary>The crop's geometry and the palette's colours, escaped once.</summary>
    private sealed class Canvas
    {
        public Canvas(ArtworkCrop crop, PosterPalette palette)
        {
            W = crop.Width;
            H = crop.Height;
            Landscape = crop.Landscape;
            // Sizes are in poster units: 1 on the 400×600 poster, scaled by the crop's height on landscape crops.
            U = Math.Min(W, H / 1.5) / Width;
            Fx = Landscape ? W * .7 : W / 2.0;
            Ground = Landscape ? H * .82 : H * .62;
            From = Colour(palette.Background.Count > 0 ? palette.Background[0] : "#141414");
            To = Colour(palette.Background.Count > 1 ? palette.Background[^1] : From);
            Accent = Colour(palette.Accent);
            Text = Colour(palette.Text);
            DarkText = IsDark(palette.Text);
            Lightest = Colour(palette.Background.Count == 0 ? "#ffffff" : palette.Background.OrderByDescending(Luminance).First());
        }

        public int W { get; }

        public int H { get; }

        public bool Landscape { get; }

        public double U { get; }

        /// <summary>The x the key art is centred on: the middle of a poster, right of the title on a landscape crop.</summary>
        public double Fx { get; }

        /// <summary>The y of the ground or horizon the key art stands on.</summary>
        public double Ground { get; }

        public string From { get; }

        public string To { get; }

        public string Accent { get; }

        public string Text { get; }

        public bool DarkText { get; }

        public string Lightest { get; }

        // Palette colours come from JSON: anything but #rrggbb is escaped and drawn as given.
        private static string Colour(string value) => TryParse(value, out _) ? value : Escape(value);
    }

    /// <summary>The SVG being drawn: its defs, its body and the title's random stream.</summary>
    private sealed class Drawing(Canvas canvas, StableHash random)
    {
        private StableHash random = random;

        public Canvas Canvas { get; } = canvas;

        public StringBuilder Defs { get; } = new(1024);

        public StringBuilder Body { get; } = new(4096);

        public double R(double min, double max) => random.Between(min, max);

        public int Pick(int count) => random.Below(count);
    }
}
