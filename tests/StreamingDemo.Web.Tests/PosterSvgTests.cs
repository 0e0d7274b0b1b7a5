using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain;
using StreamingDemo.Web.Art;

namespace StreamingDemo.Web.Tests;

public sealed class PosterSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly VocabularyArtworkStyles Styles = new();
    private static readonly PosterPalette Noir = new("dark", ["#0b132b", "#1c2541"], "#e0a458", "#f5f5f5", "shadow");

    [Fact]
    public void SameTitleAlwaysGivesTheSamePoster()
    {
        var spec = new PosterSpec(7, "The Frozen Fjord", TitleKind.Series, Noir);

        Assert.Equal(PosterSvg.Build(spec), PosterSvg.Build(spec with { }));
    }

    [Fact]
    public void DifferentTitlesWithTheSameThemeLookDifferent()
    {
        var one = PosterSvg.Build(new PosterSpec(1, "Night Harbour", TitleKind.Movie, Noir));
        var two = PosterSvg.Build(new PosterSpec(2, "Night Harbour", TitleKind.Movie, Noir));

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void TheTitleIsEscapedInTheLabelAndDrawnAsGlyphsNotMarkup()
    {
        const string name = "Love & <b>Lies</b> <script>";
        var svg = PosterSvg.Build(new PosterSpec(3, name, TitleKind.Movie, Noir));

        var document = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Equal(name, document.Root.Attribute("aria-label")!.Value);
        Assert.Equal(name, document.Root.Element(Svg + "title")!.Value);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName == "script");
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        // Dark letters its title in capitals: one glyph per character but the spaces, across the title's lines.
        var glyphs = document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "title-line").SelectMany(g => g.Elements(Svg + "use")).Count();
        Assert.Equal(name.Count(c => c != ' '), glyphs);
    }

    [Fact]
    public void ACharacterTheFaceLacksFallsBackToEscapedSystemText()
    {
        var svg = PosterSvg.Build(new PosterSpec(3, "Ωmega <b>", TitleKind.Movie, Noir));

        var line = Assert.Single(XDocument.Parse(svg).Descendants(Svg + "text"));
        Assert.Equal("ΩMEGA <B>", line.Value);
        Assert.Contains("ΩMEGA &lt;B&gt;", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void SeriesPostersCarryTheSeriesRibbon()
    {
        static bool Ribbon(TitleKind kind) => XDocument.Parse(PosterSvg.Build(new PosterSpec(4, "Harbour", kind, Noir)))
            .Descendants().Any(e => (string?)e.Attribute("class") == "series-ribbon");

        Assert.True(Ribbon(TitleKind.Series));
        Assert.False(Ribbon(TitleKind.Movie));
    }

    [Fact]
    public void EveryThemeHasItsOwnCompositionWithAnElementNoOtherThemeDraws()
    {
        var themes = SeedVocabulary.Default.Artwork.Themes.Select(t => t.Key).ToList();
        var drawn = themes.ToDictionary(t => t, t => Classes(PosterSvg.Build(new PosterSpec(9, "The Frozen Fjord", TitleKind.Movie, Styles.Theme(t)))));
        var shared = new HashSet<string>(["fade", "title", "title-line", "title-shadow", "credits", "frame", "tagline", "series-ribbon"]);

        Assert.Equal(15, themes.Count);
        Assert.Equal(15, themes.Select(t => PosterSvg.TemplateOf(Styles.Theme(t)).Composition).Distinct().Count());
        foreach (var theme in themes)
        {
            var own = drawn[theme].Except(shared).Where(c => themes.Where(o => o != theme).All(o => !drawn[o].Contains(c))).ToList();
            Assert.True(own.Count > 0, $"{theme} draws nothing of its own: {string.Join(", ", drawn[theme])}");
        }

        // Lettering differs too: ten faces over the fifteen themes, and no two themes share both face and tracking.
        var lettering = themes.Select(t => PosterSvg.TemplateOf(Styles.Theme(t))).Select(t => (t.Face, t.Tracking)).ToList();
        Assert.Equal(10, lettering.Select(l => l.Face).Distinct().Count());
        Assert.Equal(15, lettering.Distinct().Count());
    }

    [Fact]
    public void AnUnknownThemeGetsTheCompositionItsMotifMapsToAndAShippedFace()
    {
        var palette = new FallbackArtworkStyles().Theme("noir-western") with { Motif = "mountains" };

        var template = PosterSvg.TemplateOf(palette);

        Assert.Equal("vista", template.Composition);
        Assert.Contains(template.Face, PosterTemplates.All.Select(t => t.Face));
        Assert.Equal(PosterSvg.Build(new PosterSpec(1, "Dust", TitleKind.Movie, palette)), PosterSvg.Build(new PosterSpec(1, "Dust", TitleKind.Movie, palette)));
    }

    [Fact]
    public void EveryOldMotifNameMapsToAComposition()
    {
        foreach (var motif in PosterSvg.KnownMotifs)
        {
            var template = PosterSvg.TemplateOf(new PosterPalette("unknown-" + motif, ["#101010"], "#ff0000", "#ffffff", motif));
            Assert.Contains(template.Composition, PosterTemplates.Compositions);
        }
    }

    [Fact]
    public void LightThemesFadeTowardsTheirLightestColourSoDarkTitleTextStaysReadable()
    {
        var comedic = new PosterPalette("comedic", ["#ffd43b", "#ffa94d"], "#e8590c", "#1a1a1a", "burst");

        var svg = PosterSvg.Build(new PosterSpec(5, "Bake Off", TitleKind.Movie, comedic));

        Assert.Contains("<linearGradient id=\"fade\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\".5\" stop-color=\"#ffd43b\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void PostersLoadNothingFromOutsideThemselves()
    {
        foreach (var theme in SeedVocabulary.Default.Artwork.Themes)
        {
            foreach (var crop in ArtworkCrops.All)
            {
                var svg = PosterSvg.Build(new PosterSpec(11, "Pursuit in Hong Kong", TitleKind.Series, Styles.Theme(theme.Key)), crop);
                Assert.DoesNotContain("http:", svg.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
                Assert.DoesNotContain("https:", svg, StringComparison.Ordinal);
                Assert.DoesNotContain("@font-face", svg, StringComparison.Ordinal);
                Assert.DoesNotContain("<image", svg, StringComparison.Ordinal);
                // Every glyph used is defined in the same file.
                var document = XDocument.Parse(svg);
                var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet();
                var refs = document.Descendants(Svg + "use").Select(u => ((string)u.Attribute("href")!)[1..]);
                Assert.All(refs, r => Assert.Contains(r, ids));
            }
        }
    }

    /// <summary>
    /// The bytes of every theme in every crop, hashed: a change to the art changes these on purpose (update them and
    /// replace the screenshots); anything per-process (a randomized hash, the culture, the clock) would break them.
    /// </summary>
    [Theory]
    [InlineData("poster", "DBB836254E55DE83")]
    [InlineData("card", "43EC0BF56963C0AA")]
    [InlineData("hero", "14C9E5C5FDED913F")]
    public void TheArtworkIsTheSameBytesInEveryProcess(string crop, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var all = new StringBuilder();
            foreach (var theme in SeedVocabulary.Default.Artwork.Themes)
            {
                all.Append(PosterSvg.Build(new PosterSpec(42, "The Lighthouse Keepers of Midnight Harbour", TitleKind.Series, Styles.Theme(theme.Key)), ArtworkCrops.Find(crop)!));
            }

            Assert.Equal(expected, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())))[..16]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static HashSet<string> Classes(string svg) =>
        XDocument.Parse(svg).Descendants().Select(e => (string?)e.Attribute("class")).OfType<string>().ToHashSet();
}
