using System.Globalization;
using System.Security;
using System.Text;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>
/// Draws data billboards (1200 × 630, a social card) and year-in-review cards (1080 × 1350, a portrait post) as
/// self-contained SVG: system fonts only and no external references, so a canvas can turn them into PNG. All text is
/// XML-encoded.
/// </summary>
public static class BillboardSvg
{
    public const int BillboardWidth = 1200;
    public const int BillboardHeight = 630;
    public const int ReviewWidth = 1080;
    public const int ReviewHeight = 1350;

    private const string Font = "Inter, 'Helvetica Neue', Arial, sans-serif";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Background and text colours of each template's poster (Spotify-style flat colour blocks).</summary>
    private static (string Background, string Ink, string Accent) Palette(string key) => key switch
    {
        BillboardTemplates.RepeatOnDayKey => ("#e50914", "#ffffff", "#ffd23f"),
        BillboardTemplates.LateNightKey => ("#1b1f4b", "#ffffff", "#ffd23f"),
        BillboardTemplates.BingeKey => ("#ffd23f", "#141414", "#e50914"),
        BillboardTemplates.PhoneMarathonKey => ("#1db954", "#0b1f12", "#ffffff"),
        _ => ("#ff7ab6", "#1a0b12", "#ffffff"),
    };

    public static string Billboard(DataBillboard billboard)
    {
        ArgumentNullException.ThrowIfNull(billboard);
        var (background, ink, accent) = Palette(billboard.Key);
        var svg = Open(BillboardWidth, BillboardHeight, billboard.Headline + " " + billboard.Punchline);
        svg.Append(Invariant, $"<rect width=\"{BillboardWidth}\" height=\"{BillboardHeight}\" fill=\"{background}\"/>");
        svg.Append(Invariant, $"<circle cx=\"{BillboardWidth - 40}\" cy=\"40\" r=\"170\" fill=\"{accent}\" opacity=\"0.18\"/>");
        // The punchline keeps its lines; the headline takes the largest size that fits above it, clear of the footer
        // (first baseline at 0.8 em below the top margin, the punchline 0.35 em + 20 px below the headline's last baseline).
        var (small, rest) = billboard.Punchline.Length > 0 ? Fit(billboard.Punchline, 1040, 130, [40, 34, 30]) : (0, []);
        var punchHeight = rest.Count == 0 ? 0 : 20 + small + (int)((rest.Count - 1) * small * 1.2);
        var (size, lines) = (0, (IReadOnlyList<string>)[]);
        foreach (var candidate in new[] { 76, 68, 60, 52, 46, 40 })
        {
            (size, lines) = (candidate, Wrap(billboard.Headline, (int)(1040 / (candidate * 0.56))));
            if (candidate * 0.8 + (lines.Count - 1) * candidate * 1.12 + candidate * 0.35 + punchHeight <= 440)
            {
                break;
            }
        }

        var baseline = 80 + (int)(size * 0.8);
        for (var i = 0; i < lines.Count; i++)
        {
            Text(svg, 80, baseline, size, 800, ink, lines[i]);
            baseline += i < lines.Count - 1 ? (int)(size * 1.12) : 0;
        }

        baseline += (int)(size * 0.35) + 20;
        foreach (var line in rest)
        {
            baseline += small;
            Text(svg, 80, baseline, small, 600, accent, line);
            baseline += (int)(small * 0.2);
        }

        Text(svg, 80, BillboardHeight - 48, 26, 800, ink, "STREAMINGDEMO");
        Text(svg, BillboardWidth - 80, BillboardHeight - 48, 20, 500, ink, billboard.Template, anchor: "end", opacity: 0.8);
        return svg.Append("</svg>").ToString();
    }

    public static string Review(YearInReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var svg = Open(ReviewWidth, ReviewHeight, $"{review.ProfileName}'s year in review");
        svg.Append("<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"><stop offset=\"0\" stop-color=\"#e50914\"/><stop offset=\"0.55\" stop-color=\"#7a1fa2\"/><stop offset=\"1\" stop-color=\"#1b1f4b\"/></linearGradient></defs>");
        svg.Append(Invariant, $"<rect width=\"{ReviewWidth}\" height=\"{ReviewHeight}\" fill=\"url(#g)\"/>");
        Text(svg, 80, 120, 28, 800, "#ffffff", "STREAMINGDEMO · YEAR IN REVIEW", opacity: 0.85);
        var (nameSize, nameLines) = Fit($"{review.ProfileName}'s year", 920, 200, [84, 72, 60, 50]);
        var y = 160 + nameSize;
        foreach (var line in nameLines)
        {
            Text(svg, 80, y, nameSize, 800, "#ffffff", line);
            y += (int)(nameSize * 1.1);
        }

        Text(svg, 80, y, 26, 500, "#ffffff", $"{review.From.ToString("d MMM yyyy", Invariant)} – {review.To.ToString("d MMM yyyy", Invariant)}", opacity: 0.8);
        y += 110;
        if (review.IsEmpty)
        {
            Text(svg, 80, y, 48, 700, "#ffd23f", "Nothing watched yet.");
            return svg.Append("</svg>").ToString();
        }

        Text(svg, 80, y, 120, 800, "#ffd23f", review.Minutes.ToString("N0", Invariant));
        Text(svg, 80, y + 50, 32, 600, "#ffffff", $"minutes watched · {review.Titles.ToString("N0", Invariant)} titles · {review.DaysWatched.ToString("N0", Invariant)} days");
        y += 140;
        if (review.TopTitle is { } top)
        {
            Text(svg, 80, y, 26, 700, "#ffffff", "TOP TITLE", opacity: 0.75);
            var (titleSize, titleLines) = Fit(top.Name, 920, 120, [54, 46, 40]);
            y += 14 + titleSize;
            foreach (var line in titleLines)
            {
                Text(svg, 80, y, titleSize, 800, "#ffffff", line);
                y += (int)(titleSize * 1.1);
            }

            Text(svg, 80, y, 26, 500, "#ffffff", $"{top.Figure.ToString("N0", Invariant)} minutes", opacity: 0.8);
            y += 80;
        }

        var afterGenres = List(svg, 80, y, "TOP GENRES", review.TopGenres.Select(g => (g.Name, $"{g.Figure.ToString("N0", Invariant)} minutes")));
        var afterTags = List(svg, 560, y, "TOP MICRO-GENRES", review.TopMicroGenres.Select(g => (g.Name, g.Figure == 1 ? "1 title" : $"{g.Figure} titles")));
        y = Math.Max(afterGenres, afterTags);
        if (review.FirstThumbUpTitle is { } first && review.FirstThumbUpDay is { } day)
        {
            Text(svg, 80, y, 26, 700, "#ffffff", "FIRST THUMBS-UP", opacity: 0.75);
            Text(svg, 80, y + 46, 34, 700, "#ffffff", Clip($"{first} · {day.ToString("d MMM yyyy", Invariant)}", 48));
        }

        if (review.PeakHour is int hour)
        {
            Text(svg, ReviewWidth - 80, ReviewHeight - 60, 26, 600, "#ffffff",
                string.Create(Invariant, $"Favourite hour to press play: {hour:00}:00 UTC"), anchor: "end", opacity: 0.85);
        }

        return svg.Append("</svg>").ToString();
    }

    private static int List(StringBuilder svg, int x, int y, string heading, IEnumerable<(string Name, string Figure)> items)
    {
        Text(svg, x, y, 26, 700, "#ffffff", heading, opacity: 0.75);
        var rank = 1;
        foreach (var (name, figure) in items)
        {
            y += 58;
            Text(svg, x, y, 34, 800, "#ffd23f", rank.ToString(Invariant));
            Text(svg, x + 40, y, 32, 700, "#ffffff", Clip(name, 24));
            Text(svg, x + 40, y + 30, 22, 500, "#ffffff", figure, opacity: 0.75);
            y += 22;
            rank++;
        }

        return y + 90;
    }

    private static StringBuilder Open(int width, int height, string label)
    {
        var svg = new StringBuilder(4096);
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{SecurityElement.Escape(label)}\">");
        svg.Append("<title>").Append(SecurityElement.Escape(label)).Append("</title>");
        return svg;
    }

    private static void Text(StringBuilder svg, int x, int y, int size, int weight, string fill, string text, string anchor = "start", double opacity = 1)
    {
        svg.Append(Invariant, $"<text x=\"{x}\" y=\"{y}\" font-family=\"{Font}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\" text-anchor=\"{anchor}\"");
        if (opacity < 1)
        {
            svg.Append(Invariant, $" opacity=\"{opacity:0.##}\"");
        }

        svg.Append('>').Append(SecurityElement.Escape(text)).Append("</text>");
    }

    /// <summary>The largest size whose greedy word wrap fits the box (average glyph ≈ 0.56 em for a bold sans), and its lines.</summary>
    private static (int Size, IReadOnlyList<string> Lines) Fit(string text, int width, int height, int[] sizes)
    {
        foreach (var size in sizes)
        {
            var lines = Wrap(text, (int)(width / (size * 0.56)));
            if (lines.Count * size * 1.12 <= height)
            {
                return (size, lines);
            }
        }

        var smallest = sizes[^1];
        var all = Wrap(text, (int)(width / (smallest * 0.56)));
        var fits = Math.Max(1, (int)(height / (smallest * 1.12)));
        return (smallest, all.Count <= fits ? all : [.. all.Take(fits - 1), Clip(string.Join(' ', all.Skip(fits - 1)), (int)(width / (smallest * 0.56)))]);
    }

    private static List<string> Wrap(string text, int perLine)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > perLine)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..Math.Max(1, length - 1)].TrimEnd() + "…";
}
