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
    public void TheVariantsOfOneTitleDifferInPaletteAndMotif()
    {
        var spec = new PosterSpec(12, "The Frozen Fjord", TitleKind.Movie, Styles.Theme("dark"));
        var dark = PosterSvg.Build(spec);
        var comedic = PosterSvg.Build(spec with { Palette = Styles.Theme("comedic") });

        Assert.NotEqual(dark, comedic);
        Assert.Contains(Styles.Theme("dark").Background[0], dark, StringComparison.Ordinal);
        Assert.Contains(Styles.Theme("comedic").Background[0], comedic, StringComparison.Ordinal);
        Assert.DoesNotContain(Styles.Theme("comedic").Background[0], dark, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hero")]
    [InlineData("card")]
    [InlineData("poster")]
    public void AThreeLineTitleFitsInsideTheCropWithNothingCut(string key)
    {
        var crop = ArtworkCrops.Find(key)!;
        const string name = "The Lighthouse Keepers of Midnight Harbour";
        var svg = PosterSvg.Build(new PosterSpec(3, name, TitleKind.Movie, Styles.Theme("action")), crop);
        var ns = XNamespace.Get("http://www.w3.org/2000/svg");
        var title = XDocument.Parse(svg).Descendants(ns + "text").Last();
        var size = double.Parse(title.Attribute("font-size")!.Value, CultureInfo.InvariantCulture);
        var lines = title.Elements(ns + "tspan").ToList();

        // Too long for one or two lines at the crop's largest type: set in three, every word there, in order, no ellipsis.
        Assert.Equal(3, lines.Count);
        Assert.Equal(name.ToUpperInvariant(), string.Join(' ', lines.Select(l => l.Value)));
        foreach (var line in lines)
        {
            var x = double.Parse(line.Attribute("x")!.Value, CultureInfo.InvariantCulture);
            var baseline = double.Parse(line.Attribute("y")!.Value, CultureInfo.InvariantCulture);
            Assert.True(baseline - size >= 0, $"'{line.Value}' starts above the {key} crop");
            Assert.True(baseline <= crop.Height, $"'{line.Value}' ends below the {key} crop");
            Assert.True(x + (line.Value.Length * size * 0.66) <= crop.Width, $"'{line.Value}' runs off the {key} crop");
        }
    }

    [Fact]
    public void AnUnknownCropIsNotFound()
    {
        Assert.Null(ArtworkCrops.Find("billboard"));
        Assert.Same(ArtworkCrops.Hero, ArtworkCrops.Find("HERO"));
    }
}
