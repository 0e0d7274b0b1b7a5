using Bunit;
using StreamingDemo.Domain;
using StreamingDemo.Web.Components.Browse;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Tests;

public sealed class HomeComponentsTests : MudTestContext
{
    private static readonly Explanation Because = new(
        SeedTitleId: 3,
        SeedTitleName: "The Frozen Fjord",
        Communities: [new CommunityWeight(1, "Nordic Noir Devotees", 0.62)],
        Tags: [new TagMatch(11, "Dark Scandinavian Crime Dramas", 0.8)],
        GeneratorScores: new Dictionary<string, double> { ["co-viewing"] = 0.41, ["factors"] = 0.73 },
        PopularityPercentile: 0.87,
        IsExploration: false,
        ModelScore: 1.234,
        MatchProbability: 0.91);

    private static readonly TitleCardModel Harbour = new(7, "The Harbour Files", TitleKind.Series, 2026, "16+", 50, "Crime", 2);

    [Fact]
    public void ACardLinksToTheTitleAndShowsItsMatch()
    {
        var cut = Render<HomeCardView>(p => p.Add(c => c.Card, new HomeCard(Harbour, 91, Because)));

        var link = cut.Find("a.home-card-link");
        Assert.Equal("/title/7", link.GetAttribute("href"));
        Assert.Equal("The Harbour Files", link.TextContent.Trim());
        Assert.Equal("91% match", cut.Find(".match").TextContent);
        Assert.Equal("Why The Harbour Files?", cut.Find("button.why-button").GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll("[role=progressbar]"));
    }

    [Fact]
    public void AContinueWatchingCardShowsProgressAndEpisodeAndResumesPlayback()
    {
        var cut = Render<HomeCardView>(p => p.Add(c => c.Card, new HomeCard(Harbour, null, Because, Progress: 0.42, EpisodeLabel: "S2:E3")));

        Assert.Empty(cut.FindAll(".match"));
        var bar = cut.Find("[role=progressbar]");
        Assert.Equal("42", bar.GetAttribute("aria-valuenow"));
        Assert.Equal("Watched of The Harbour Files", bar.GetAttribute("aria-label"));
        Assert.Equal("S2:E3", cut.Find(".resume-episode").TextContent);
        Assert.Equal("/watch/7", cut.Find("a.home-card-link").GetAttribute("href"));
    }

    [Fact]
    public void ExplorationCardsSayExploreInsteadOfAMatch()
    {
        var cut = Render<HomeCardView>(p => p.Add(c => c.Card, new HomeCard(Harbour, null, Because with { IsExploration = true })));

        Assert.Equal("Explore", cut.Find(".explore-badge").TextContent);
        Assert.Empty(cut.FindAll(".match"));
    }

    [Fact]
    public void ACardBelowTheMatchThresholdShowsNoPercentButStillExplainsItself()
    {
        var cut = Render<HomeCardView>(p => p.Add(c => c.Card, new HomeCard(Harbour, null, Because with { MatchProbability = 0.31 })));

        Assert.Empty(cut.FindAll(".match"));
        Assert.Empty(cut.FindAll(".explore-badge"));
        Assert.Equal("Why The Harbour Files?", cut.Find("button.why-button").GetAttribute("aria-label"));
    }

    [Fact]
    public void ATvRowShowsEachVariantsLandscapeCropAndOtherRowsItsPoster()
    {
        var art = new StreamingDemo.Web.Features.Artwork.CardArtwork(7, "dark", "Dark", "Dark", Personalized: true, Explored: false, ExpectedTake: 0.2, DefaultExpectedTake: 0.2);
        var row = new HomeRowView("top-picks", RowKind.TopPicks, "Top Picks", [new HomeCard(Harbour, 91, Because, Artwork: art), new HomeCard(Harbour with { Id = 8 }, 77, Because)]);

        var tv = Render<HomeRowSection>(p => p.Add(r => r.Row, row).Add(r => r.Landscape, true));
        var poster = Render<HomeRowSection>(p => p.Add(r => r.Row, row));

        // A variant is drawn for 16:9; a title without variants keeps its poster rather than a missing image.
        Assert.Equal(["/art/card/7/dark.svg", "/art/poster/8.svg"], tv.FindAll(".home-card-art img").Select(i => i.GetAttribute("src")));
        Assert.Equal(["640", "360"], [tv.Find(".home-card-art img").GetAttribute("width")!, tv.Find(".home-card-art img").GetAttribute("height")!]);
        Assert.Equal(["/art/poster/7/dark.svg", "/art/poster/8.svg"], poster.FindAll(".home-card-art img").Select(i => i.GetAttribute("src")));
    }

    [Fact]
    public void ARowIsARegionNamedByItsTitleWithOneCardPerTitle()
    {
        var row = new HomeRowView("because-3", RowKind.BecauseYouWatched, "Because you watched The Frozen Fjord",
        [
            new HomeCard(Harbour, 91, Because),
            new HomeCard(Harbour with { Id = 8, Name = "Cold Case Ferry" }, 77, Because),
        ]);

        var cut = Render<HomeRowSection>(p => p.Add(r => r.Row, row));

        var section = cut.Find("section");
        Assert.Equal("row-because-3", section.GetAttribute("aria-labelledby"));
        Assert.Equal("Because you watched The Frozen Fjord", cut.Find("#row-because-3").TextContent);
        Assert.Equal(["/title/7", "/title/8"], cut.FindAll("a.home-card-link").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void TheExplanationPanelShowsTheRecommendersEvidence()
    {
        var cut = Render<WhyThisPanel>(p => p.Add(w => w.Explanation, Because).Add(w => w.Match, 0.91));

        var text = cut.Find(".why-this").TextContent;
        Assert.Contains("91% match", text, StringComparison.Ordinal);
        Assert.Contains("the chance you enjoy it if you start it, calibrated from an enjoyment-model score of 1.234", text, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".why-below"));
        Assert.Contains("The Frozen Fjord", text, StringComparison.Ordinal);
        var community = cut.FindAll(".why-list li").Single(li => li.TextContent.Contains("Nordic Noir Devotees", StringComparison.Ordinal));
        Assert.Equal("62%", community.QuerySelector(".why-value")!.TextContent);
        Assert.Contains("Dark Scandinavian Crime Dramas", text, StringComparison.Ordinal);
        Assert.Contains("More watched than 87% of the catalogue", text, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".why-exploration"));
    }

    [Fact]
    public void TheExplanationPanelSaysWhenATitleIsThereToExplore()
    {
        var cut = Render<WhyThisPanel>(p => p.Add(w => w.Explanation, Because with { IsExploration = true, SeedTitleName = null }).Add(w => w.Match, 0.23));

        Assert.Contains("Picked to explore", cut.Find(".why-exploration").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Because you watched", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExplanationPanelGivesTheMatchACardBelowTheThresholdDoesNotShow()
    {
        var cut = Render<WhyThisPanel>(p => p.Add(w => w.Explanation, Because with { MatchProbability = 0.31 }).Add(w => w.Match, 0.31));

        Assert.Equal("31% match", cut.Find(".why-match .match").TextContent);
        Assert.Equal("Cards show no % below 50%: this one is a weaker match.", cut.Find(".why-below").TextContent);
    }
}
