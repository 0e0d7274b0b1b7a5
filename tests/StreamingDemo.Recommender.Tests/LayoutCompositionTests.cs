using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;

namespace StreamingDemo.Recommender.Tests;

/// <summary>The page builder reads a layout (L1): its rows, order policy, device shape and knobs decide the page.</summary>
public sealed class LayoutCompositionTests
{
    private static string Signature(HomePage page) =>
        string.Join("|", page.Rows.Select(r => r.Key + ":" + string.Join(",", r.Items.Select(i => i.TitleId))));

    [Fact]
    public void WithoutALayoutTheSiteComposesTheNetflixStyleLayout()
    {
        var recommender = TrainedWorld.NewRecommender();
        foreach (var profile in new[] { 1, 12, 50 })
        {
            var implicitPage = recommender.ComposeHomePage(new HomePageRequest(profile, DeviceType.Desktop, [], 2));
            var explicitPage = recommender.ComposeHomePage(new HomePageRequest(profile, DeviceType.Desktop, [], 2, BuiltInLayouts.NetflixStyle));

            Assert.Equal(Signature(implicitPage), Signature(explicitPage));
        }
    }

    [Fact]
    public void GenreShelvesShowsMicroGenreShelvesInTheLayoutsOrderThenTheAllTimeTop10()
    {
        var recommender = TrainedWorld.NewRecommender();
        var page = recommender.ComposeHomePage(new HomePageRequest(12, DeviceType.Desktop, [], 1, BuiltInLayouts.GenreShelves));
        var kinds = page.Rows.Select(r => r.Kind).ToList();

        Assert.DoesNotContain(RowKind.TopPicks, kinds);
        Assert.DoesNotContain(RowKind.Exploration, kinds);
        Assert.True(kinds.Count(k => k == RowKind.MicroGenre) >= 4, string.Join(",", kinds));
        // Fixed order: every micro-genre shelf comes before the Top 10, which comes before New Releases.
        var lastShelf = kinds.LastIndexOf(RowKind.MicroGenre);
        Assert.True(lastShelf < kinds.IndexOf(RowKind.Top10));
        Assert.Equal("Top 10 of All Time", page.Rows.Single(r => r.Kind == RowKind.Top10).Title);
        Assert.All(page.Rows.SelectMany(r => r.Items), i => Assert.False(i.Explanation.IsExploration));
    }

    [Fact]
    public void DiscoveryFirstOpensWithSomethingDifferent()
    {
        var recommender = TrainedWorld.NewRecommender();
        var page = recommender.ComposeHomePage(new HomePageRequest(12, DeviceType.Desktop, [], 0, BuiltInLayouts.DiscoveryFirst));

        Assert.Equal(RowKind.Exploration, page.Rows[0].Kind);
        Assert.All(page.Rows[0].Items, i => Assert.True(i.Explanation.IsExploration));
    }

    [Fact]
    public void DiverseOrderingSeparatesRowsOfTheSameKindThatRelevancePutsSideBySide()
    {
        var relevance = BuiltInLayouts.NetflixStyle with { Rows = [.. BuiltInLayouts.NetflixStyle.Rows.Where(r => r.Kind != RowKind.Exploration)] };
        var diverse = relevance with { Ordering = RowOrdering.Diverse, Diversity = 0.9 };
        var recommender = TrainedWorld.NewRecommender();
        static int Neighbours(HomePage page) => page.Rows.Zip(page.Rows.Skip(1)).Count(p => p.First.Kind == p.Second.Kind);
        var together = 0;
        var apart = 0;
        foreach (var profile in new[] { 1, 2, 3, 12, 20, 50, 400 })
        {
            var a = recommender.ComposeHomePage(new HomePageRequest(profile, DeviceType.Desktop, [], 0, relevance));
            var b = recommender.ComposeHomePage(new HomePageRequest(profile, DeviceType.Desktop, [], 0, diverse));
            together += Neighbours(a);
            apart += Neighbours(b);
        }

        Assert.True(apart < together, $"{apart} same-kind neighbours with diversity, {together} without");
    }

    [Fact]
    public void FixedOrderingKeepsTheRowsInTheLayoutsOrder()
    {
        var layout = BuiltInLayouts.NetflixStyle with
        {
            Ordering = RowOrdering.Fixed,
            Rows =
            [
                new LayoutRow { Kind = RowKind.NewReleases },
                new LayoutRow { Kind = RowKind.Top10, Window = Top10Window.Recent },
                new LayoutRow { Kind = RowKind.TopPicks },
            ],
        };
        var page = TrainedWorld.NewRecommender().ComposeHomePage(new HomePageRequest(20, DeviceType.Tv, [], 3, layout));

        Assert.Equal([RowKind.NewReleases, RowKind.Top10, RowKind.TopPicks], page.Rows.Select(r => r.Kind));
    }

    [Fact]
    public void NamedMicroGenresGetTheirShelvesInTheNamedOrder()
    {
        var model = TrainedWorld.Model;
        var open = model.Catalog.MicroGenres.Where((m, i) => model.Catalog.TagTitles[i].Length >= 10).Take(2).ToList();
        var layout = BuiltInLayouts.GenreShelves with
        {
            Rows = [new LayoutRow { Kind = RowKind.MicroGenre, MicroGenres = [open[1].Slug, open[0].Slug] }],
        };
        var page = TrainedWorld.NewRecommender().ComposeHomePage(new HomePageRequest(3, DeviceType.Desktop, [], 0, layout));

        Assert.Equal([open[1].Name, open[0].Name], page.Rows.Select(r => r.Title));
    }

    [Fact]
    public void TheLayoutsDeviceShapeDecidesRowsAndCards()
    {
        var devices = new Dictionary<DeviceType, DeviceShape>(BuiltInLayouts.StandardDevices) { [DeviceType.Phone] = new DeviceShape(3, 2, 5) };
        var layout = BuiltInLayouts.NetflixStyle with { Devices = devices };
        var page = TrainedWorld.NewRecommender().ComposeHomePage(new HomePageRequest(12, DeviceType.Phone, [], 0, layout));

        Assert.Equal(3, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.InRange(r.Items.Count, 2, 5));
    }

    [Fact]
    public void WithoutReshufflingOrExplorationEveryVisitShowsTheSamePage()
    {
        var layout = BuiltInLayouts.GenreShelves with { Repermutation = 0 };
        var recommender = TrainedWorld.NewRecommender();
        var first = recommender.ComposeHomePage(new HomePageRequest(50, DeviceType.Desktop, [], 1, layout));
        var later = recommender.ComposeHomePage(new HomePageRequest(50, DeviceType.Desktop, [], 7, layout));

        Assert.Equal(Signature(first), Signature(later));
    }

    [Fact]
    public void WithoutDedupeATitleMayLeadTwoRows()
    {
        var deduped = BuiltInLayouts.NetflixStyle with { Rows = [new LayoutRow { Kind = RowKind.TopPicks }, new LayoutRow { Kind = RowKind.BecauseYouWatched, Seeds = 3 }] };
        var repeated = deduped with { Dedupe = false };
        var recommender = TrainedWorld.NewRecommender();
        int Repeats(HomeLayout layout)
        {
            var page = recommender.ComposeHomePage(new HomePageRequest(12, DeviceType.Desktop, [], 0, layout));
            var visible = page.Rows.SelectMany(r => r.Items.Take(DeviceLayout.Desktop.CardsPerRow)).Select(i => i.TitleId).ToList();
            return visible.Count - visible.Distinct().Count();
        }

        Assert.Equal(0, Repeats(deduped));
        Assert.True(Repeats(repeated) > 0);
    }
}
