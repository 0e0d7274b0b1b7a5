using System.Xml.Linq;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain;
using StreamingDemo.Web.Art;

namespace StreamingDemo.Web.Tests;

public sealed class PosterSvgTests
{
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
    public void PosterIsWellFormedSvgWithTheTitleInCapitals()
    {
        var svg = PosterSvg.Build(new PosterSpec(3, "Love & <Lies>", TitleKind.Movie, Noir));

        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", document.Root!.Name);
        Assert.Equal("Love & <Lies>", document.Root.Attribute("aria-label")!.Value);
        var text = string.Join(" ", document.Descendants(ns + "tspan").Select(t => t.Value));
        Assert.Equal("LOVE & <LIES>", text);
    }

    [Fact]
    public void SeriesPostersAreLabelledSeries()
    {
        Assert.Contains(">SERIES<", PosterSvg.Build(new PosterSpec(4, "Harbour", TitleKind.Series, Noir)), StringComparison.Ordinal);
        Assert.DoesNotContain(">SERIES<", PosterSvg.Build(new PosterSpec(4, "Harbour", TitleKind.Movie, Noir)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Up")]
    [InlineData("The Last Lighthouse Keeper")]
    [InlineData("An Extraordinarily Long Title About the Scandinavian Winter and Everything After It")]
    public void TitlesWrapToAtMostThreeLinesThatFitThePoster(string name)
    {
        var (lines, size) = PosterSvg.LayoutTitle(name);

        Assert.InRange(lines.Count, 1, 3);
        Assert.All(lines, line => Assert.True(line.Length * size * 0.66 <= PosterSvg.Width - 60 + size, $"'{line}' is too wide at {size}px"));
    }

    [Fact]
    public void EveryCuratedThemeMotifIsDrawnAsItself()
    {
        foreach (var theme in SeedVocabulary.Default.Artwork.Themes)
        {
            Assert.Equal(theme.Motif, PosterSvg.ResolveMotif(theme.Motif));
        }
    }

    [Fact]
    public void LightThemesFadeTowardsTheirLightestColourSoDarkTitleTextStaysReadable()
    {
        var comedic = new PosterPalette("comedic", ["#ffd43b", "#ffa94d"], "#e8590c", "#1a1a1a", "burst");

        var svg = PosterSvg.Build(new PosterSpec(5, "Bake Off", TitleKind.Movie, comedic));

        Assert.Contains("<linearGradient id=\"fade\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\".35\" stop-color=\"#ffd43b\"", svg, StringComparison.Ordinal);
    }
}
