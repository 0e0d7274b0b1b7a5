using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Tests;

public sealed class HomePageTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 20, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DeviceType.Tv)]
    [InlineData(DeviceType.Desktop)]
    [InlineData(DeviceType.Tablet)]
    [InlineData(DeviceType.Phone)]
    public void NoTitleAppearsInTheVisibleCardsOfTwoRows(DeviceType device)
    {
        var recommender = TrainedWorld.NewRecommender();
        var layout = DeviceLayout.For(device);
        foreach (var profile in new[] { 1, 2, 3, 50, 400 })
        {
            var page = recommender.ComposeHomePage(new HomePageRequest(profile, device, [], 3));
            var visible = page.Rows.SelectMany(r => r.Items.Take(layout.CardsPerRow)).Select(i => i.TitleId).ToList();

            Assert.Equal(visible.Count, visible.Distinct().Count());
            Assert.InRange(page.Rows.Count, 4, layout.Rows);
            Assert.All(page.Rows, r => Assert.True(r.Items.Count >= layout.CardsPerRow && r.Items.Count <= layout.ItemsPerRow, r.Key));
        }
    }

    [Fact]
    public void ContinueWatchingComesFirstThenTopPicks()
    {
        var recommender = TrainedWorld.NewRecommender();
        var resume = TrainedWorld.World.Snapshot.Interactions.First(i => i.ProfileId == 4);
        var page = recommender.ComposeHomePage(new HomePageRequest(4, DeviceType.Tv,
            [new ContinueWatchingEntry(resume.TitleId, null, null, 0.4, Now)]));

        Assert.Equal(RowKind.ContinueWatching, page.Rows[0].Kind);
        Assert.Equal(resume.TitleId, page.Rows[0].Items[0].TitleId);
        Assert.Equal(RowKind.TopPicks, page.Rows[1].Kind);
    }

    [Fact]
    public void ThePageOffersTheRowKindsOfAStreamingHomePage()
    {
        var recommender = TrainedWorld.NewRecommender();
        var page = recommender.ComposeHomePage(new HomePageRequest(12, DeviceType.Desktop, []));
        var kinds = page.Rows.Select(r => r.Kind).ToHashSet();

        Assert.Contains(RowKind.TopPicks, kinds);
        Assert.Contains(RowKind.BecauseYouWatched, kinds);
        Assert.Contains(RowKind.MicroGenre, kinds);
        Assert.Contains(RowKind.Exploration, kinds);
        Assert.All(page.Rows.Where(r => r.Kind == RowKind.BecauseYouWatched), r =>
        {
            Assert.NotNull(r.SeedTitleId);
            Assert.All(r.Items, i => Assert.Equal(r.SeedTitleId, i.Explanation.SeedTitleId));
        });
        Assert.All(page.Rows.Where(r => r.Kind == RowKind.Exploration).SelectMany(r => r.Items), i => Assert.True(i.Explanation.IsExploration));
    }

    [Fact]
    public void TheSameVisitGivesTheSamePageAndTheNextVisitMovesOnlyALittle()
    {
        var recommender = TrainedWorld.NewRecommender();
        var layout = DeviceLayout.Desktop;
        string Key(HomePage p) => string.Join("|", p.Rows.Select(r => r.Key + ":" + string.Join(",", r.Items.Select(i => i.TitleId))));
        var first = recommender.ComposeHomePage(new HomePageRequest(20, DeviceType.Desktop, [], 1));
        var again = recommender.ComposeHomePage(new HomePageRequest(20, DeviceType.Desktop, [], 1));
        var next = recommender.ComposeHomePage(new HomePageRequest(20, DeviceType.Desktop, [], 2));

        Assert.Equal(Key(first), Key(again));
        Assert.NotEqual(Key(first), Key(next));
        var before = first.Rows.SelectMany(r => r.Items.Take(layout.CardsPerRow)).Select(i => i.TitleId).ToHashSet();
        var after = next.Rows.SelectMany(r => r.Items.Take(layout.CardsPerRow)).Select(i => i.TitleId).ToHashSet();
        Assert.True(before.Intersect(after).Count() >= before.Count * 0.6, "most visible titles stay");
        Assert.Equal(first.Rows.Single(r => r.Kind == RowKind.TopPicks).Items[0].TitleId, next.Rows.Single(r => r.Kind == RowKind.TopPicks).Items[0].TitleId);
    }

    [Fact]
    public void EveryCardCarriesTheEvidenceBehindItsMatch()
    {
        var recommender = TrainedWorld.NewRecommender();
        var page = recommender.ComposeHomePage(new HomePageRequest(30, DeviceType.Desktop, []));
        var pick = page.Rows.Single(r => r.Kind == RowKind.TopPicks).Items[0];

        Assert.Equal(6, pick.Explanation.GeneratorScores.Count);
        Assert.NotEmpty(pick.Explanation.Tags);
        Assert.NotEmpty(pick.Explanation.Communities);
        Assert.InRange(pick.Explanation.PopularityPercentile, 0, 1);
        Assert.Equal(pick.Match, recommender.ScoreTitles(30, [pick.TitleId])[pick.TitleId].Match, 6);
    }
}

public sealed class KidsProfileTests
{
    [Fact]
    public void AKidsProfileIsOnlyEverShownKidsTitles()
    {
        var world = PlantedWorld.Create(titles: 200, profiles: 400, seed: 31, withKids: true);
        var model = Training.RecommenderTrainer.Train(world.Snapshot, TrainedWorld.Options, ct: TestContext.Current.CancellationToken);
        var recommender = new Serving.StreamingRecommender(Microsoft.Extensions.Options.Options.Create(TrainedWorld.Options), TimeProvider.System);
        recommender.Swap(model, 0);
        var kidsTitles = world.Snapshot.Titles.Where(t => t.IsKids).Select(t => t.Id).ToHashSet();
        var kid = world.Snapshot.Profiles.First(p => p.IsKids).Id;

        var page = recommender.ComposeHomePage(new HomePageRequest(kid, DeviceType.Tablet, [], 2));
        var shown = page.Rows.SelectMany(r => r.Items).Select(i => i.TitleId).ToList();

        Assert.NotEmpty(shown);
        Assert.All(shown, t => Assert.Contains(t, kidsTitles));
        Assert.All(recommender.Rank(kid, 30), r => Assert.Contains(r.TitleId, kidsTitles));
        Assert.All(recommender.SimilarTitles(kidsTitles.First(), kid, 10), r => Assert.Contains(r.TitleId, kidsTitles));
    }
}
