using System.Globalization;
using System.Xml.Linq;
using StreamingDemo.Domain;
using StreamingDemo.Web.Art;

namespace StreamingDemo.Web.Tests;

/// <summary>V10 artwork variants: every crop is deterministic, variants differ, and the TV hero never cuts a three-line title.</summary>
public sealed class ArtworkVariantTests
{
    private static readonly VocabularyArtworkStyles Styles = new();

    [Fact]
    public void EveryCropOfAVariantIsTheSameBytesEveryTimeAndEachCropHasItsShippedSize()
    {
        var spec = new PosterSpec(12, "The Frozen Fjord", TitleKind.Series, Styles.Theme("romantic"));

        Assert.Equal(["poster", "card", "hero"], ArtworkCrops.All.Select(c => c.Key));
        foreach (var crop in ArtworkCrops.All)
        {
            var svg = PosterSvg.Build(spec, crop);
            Assert.Equal(svg, PosterSvg.Build(spec with { }, crop));
            var root = XDocument.Parse(svg).Root!;
            Assert.Equal(crop.Width.ToString(CultureInfo.InvariantCulture), root.Attribute("width")!.Value);
            Assert.Equal(crop.Height.ToString(CultureInfo.InvariantCulture), root.Attribute("height")!.Value);
        }
    }

    [Fact]
    public void TheVariantsOfOneTitleDifferInPaletteAndComposition()
    {
        var spec = new PosterSpec(12, "The Frozen Fjord", TitleKind.Movie, Styles.Theme("dark"));
        var dark = PosterSvg.Build(spec);
        var comedic = PosterSvg.Build(spec with { Palette = Styles.Theme("comedic") });

        Assert.NotEqual(dark, comedic);
        Assert.Contains(Styles.Theme("dark").Background[0], dark, StringComparison.Ordinal);
        Assert.Contains(Styles.Theme("comedic").Background[0], comedic, StringComparison.Ordinal);
        Assert.DoesNotContain(Styles.Theme("comedic").Background[0], dark, StringComparison.Ordinal);
        Assert.Contains("class=\"silhouette\"", dark, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"silhouette\"", comedic, StringComparison.Ordinal);
        Assert.Contains("class=\"confetti\"", comedic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hero")]
    [InlineData("card")]
    [InlineData("poster")]
    public void AThreeLineTitleFitsInsideTheCropWithNothingCut(string key)
    {
        var crop = ArtworkCrops.Find(key)!;
        const string name = "The Lighthouse Keepers of Midnight Harbour";
        var template = PosterSvg.TemplateOf(Styles.Theme("action"));
        var layout = PosterSvg.LayoutTitle(name, crop, template);

        // Too long for one or two lines at the crop's largest type: set in three, every word there, in order, no ellipsis.
        Assert.Equal(3, layout.Lines.Count);
        Assert.Equal(name.ToUpperInvariant(), string.Join(' ', layout.Lines));
        AssertInside(crop, template, layout, Styles.Theme("action"), name);
    }

    [Fact]
    public void EveryThemeSetsLongTitlesInsideEveryCrop()
    {
        string[] names = ["The Lighthouse Keepers of Midnight Harbour", "Accomplice of Saltmarsh Lane", "Up", "An Extraordinarily Long Title About the Scandinavian Winter and Everything After It"];
        foreach (var theme in Data.Seeding.SeedVocabulary.Default.Artwork.Themes)
        {
            var palette = Styles.Theme(theme.Key);
            var template = PosterSvg.TemplateOf(palette);
            foreach (var crop in ArtworkCrops.All)
            {
                foreach (var name in names)
                {
                    var layout = PosterSvg.LayoutTitle(name, crop, template);
                    Assert.InRange(layout.Lines.Count, 1, 3);
                    AssertInside(crop, template, layout, palette, name);
                }
            }
        }
    }

    // Every line lies inside the crop (capitals to descenders, left to right), and the SVG draws each line where the layout put it.
    private static void AssertInside(ArtworkCrop crop, PosterTemplate template, TitleLayout layout, PosterPalette palette, string name)
    {
        var origins = PosterSvg.TitleOrigins(crop, template, layout);
        var descender = DisplayFace.Get(template.Face).Descender * layout.FontSize;
        for (var i = 0; i < layout.Lines.Count; i++)
        {
            var (x, baseline) = origins[i];
            var what = $"{template.Theme} '{layout.Lines[i]}' in the {crop.Key} crop";
            Assert.True(layout.Widths[i] <= crop.TitleWidth, $"{what} is wider than the title box");
            Assert.True(x >= 0 && x + layout.Widths[i] <= crop.Width, $"{what} runs off the side");
            Assert.True(baseline - layout.CapHeight >= 0, $"{what} starts above the top");
            Assert.True(baseline + (template.Upper ? 0 : descender) <= crop.Height, $"{what} ends below the bottom");
        }

        var ns = XNamespace.Get("http://www.w3.org/2000/svg");
        var drawn = XDocument.Parse(PosterSvg.Build(new PosterSpec(3, name, TitleKind.Movie, palette), crop))
            .Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "title")
            .Elements(ns + "g").Select(g => (string)g.Attribute("transform")!).ToList();
        Assert.Equal(
            origins.Select(o => string.Create(CultureInfo.InvariantCulture, $"translate({Math.Round(o.X, 1):0.#} {Math.Round(o.Y, 1):0.#})")),
            drawn.Select(t => t[..(t.IndexOf(')', StringComparison.Ordinal) + 1)]));
    }

    [Fact]
    public void AnUnknownCropIsNotFound()
    {
        Assert.Null(ArtworkCrops.Find("billboard"));
        Assert.Same(ArtworkCrops.Hero, ArtworkCrops.Find("HERO"));
    }
}
