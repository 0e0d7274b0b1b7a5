using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Tests;

/// <summary>
/// The continuity rule (docs/decisions/0016): as evidence arrives, the match % of the titles a profile keeps seeing at the top
/// moves smoothly. The story is the one a presenter walks: onboard with three picks, play the first title for ten seconds, come
/// back home.
/// </summary>
public sealed class ContinuityTests
{
    /// <summary>Most a ten-second play may move the match % of an earlier top pick still on the page, in percentage points.</summary>
    private const int ShortPlayTolerance = 5;

    /// <summary>Most a thumbs-up on one title may move the match % of an earlier top pick still on the page.</summary>
    private const int ThumbTolerance = 10;

    private static readonly DateTime Now = new(2026, 11, 1, 20, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<RecommendedTitle> TopPicks(HomePage page) =>
        [.. page.Rows.Single(r => r.Kind == RowKind.TopPicks).Items.Take(DeviceLayout.Desktop.CardsPerRow)];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void ANewcomersTopMatchesStaySteadyAfterPlayingItsFirstTitleForTenSeconds(int community)
    {
        var recommender = TrainedWorld.NewRecommender();
        var world = TrainedWorld.World;
        var newcomer = 200_000 + community;
        var picks = world.Snapshot.Titles.OrderByDescending(t => t.MicroGenreIds.Average(tag => world.CommunityTagAffinity[community, tag - 1])).ThenBy(t => t.Id)
            .Take(3).Select(t => t.Id).ToList();
        foreach (var pick in picks)
        {
            recommender.Apply(new FeedbackEvent(newcomer, pick, FeedbackKind.OnboardingPick, Now));
        }

        var before = TopPicks(recommender.ComposeHomePage(new HomePageRequest(newcomer, DeviceType.Desktop, [], 0)));
        var played = before.First(c => !c.Explanation.IsExploration);
        var runtime = world.Snapshot.Titles.Single(t => t.Id == played.TitleId).RuntimeMinutes * 60.0;
        recommender.Apply(new FeedbackEvent(newcomer, played.TitleId, FeedbackKind.Play, Now.AddMinutes(1), Completion: 0));
        recommender.Apply(new FeedbackEvent(newcomer, played.TitleId, FeedbackKind.Progress, Now.AddMinutes(1).AddSeconds(10), Completion: (float)(10 / runtime)));
        var resume = new ContinueWatchingEntry(played.TitleId, null, null, 10 / runtime, Now.AddMinutes(1).AddSeconds(10));
        var after = recommender.ComposeHomePage(new HomePageRequest(newcomer, DeviceType.Desktop, [resume], 1));

        // Wherever the earlier top picks now sit on the page, their match % has barely moved.
        var matchAfter = after.Rows.Where(r => r.Kind != RowKind.ContinueWatching).SelectMany(r => r.Items)
            .DistinctBy(c => c.TitleId).ToDictionary(c => c.TitleId, c => c.MatchPercent);
        var stayed = before.Where(c => c.TitleId != played.TitleId && matchAfter.ContainsKey(c.TitleId)).ToList();
        var moves = stayed.Select(c => $"{c.TitleId}: {c.MatchPercent}% → {matchAfter[c.TitleId]}%").ToList();
        Assert.True(stayed.Count >= before.Count - 2, $"only {stayed.Count} of the top picks are still on the page: {string.Join(", ", moves)}");
        Assert.All(stayed, c => Assert.True(Math.Abs(matchAfter[c.TitleId] - c.MatchPercent) <= ShortPlayTolerance,
            $"a ten-second play moved the top picks too far: {string.Join(", ", moves)}"));
        // The played title now resumes from Continue Watching, which shows no match %.
        Assert.Equal([played.TitleId], after.Rows.Single(r => r.Kind == RowKind.ContinueWatching).Items.Select(i => i.TitleId));
        Assert.DoesNotContain(played.TitleId, TopPicks(after).Select(c => c.TitleId));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void AFirstThumbsUpMovesTheOtherTopMatchesOnlyALittle(int community)
    {
        var recommender = TrainedWorld.NewRecommender();
        var world = TrainedWorld.World;
        var newcomer = 300_000 + community;
        foreach (var pick in world.Snapshot.Titles.OrderByDescending(t => t.MicroGenreIds.Average(tag => world.CommunityTagAffinity[community, tag - 1]))
                     .ThenBy(t => t.Id).Take(3).Select(t => t.Id))
        {
            recommender.Apply(new FeedbackEvent(newcomer, pick, FeedbackKind.OnboardingPick, Now));
        }

        var before = TopPicks(recommender.ComposeHomePage(new HomePageRequest(newcomer, DeviceType.Desktop, [], 0)));
        var liked = before.First(c => !c.Explanation.IsExploration);
        recommender.Apply(new FeedbackEvent(newcomer, liked.TitleId, FeedbackKind.Thumb, Now.AddMinutes(1), ThumbRating.Up));
        var after = recommender.ComposeHomePage(new HomePageRequest(newcomer, DeviceType.Desktop, [], 0));

        var matchAfter = after.Rows.SelectMany(r => r.Items).DistinctBy(c => c.TitleId).ToDictionary(c => c.TitleId, c => c.MatchPercent);
        var stayed = before.Where(c => c.TitleId != liked.TitleId && matchAfter.ContainsKey(c.TitleId)).ToList();
        var moves = string.Join(", ", stayed.Select(c => $"{c.TitleId}: {c.MatchPercent}% → {matchAfter[c.TitleId]}%"));
        Assert.True(stayed.Count >= before.Count - 2, $"only {stayed.Count} of the top picks are still on the page: {moves}");
        Assert.All(stayed, c => Assert.True(Math.Abs(matchAfter[c.TitleId] - c.MatchPercent) <= ThumbTolerance, $"a thumbs-up moved the top picks too far: {moves}"));
        Assert.True(stayed.Any(c => matchAfter[c.TitleId] != c.MatchPercent) || stayed.Count < before.Count - 1, $"the thumb changed nothing: {moves}");
    }
}
