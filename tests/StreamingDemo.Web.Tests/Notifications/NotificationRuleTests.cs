using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Notifications;

namespace StreamingDemo.Web.Tests.Notifications;

/// <summary>Candidate rules (M4): only loved or half-watched titles; new seasons, recovery nudges, very high matches.</summary>
public sealed class NotificationRuleTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 14, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime LongAgo = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly IReadOnlyDictionary<int, RecommendedTitle> NoMatches = new Dictionary<int, RecommendedTitle>();

    /// <summary>A series of two seasons of four 40-minute episodes (ids title×100 + season×10 + number), out long ago, plus an optional third season.</summary>
    private static List<EpisodeFact> Seasons(int titleId, DateTime? thirdSeason = null)
    {
        var episodes = new List<EpisodeFact>();
        foreach (var season in thirdSeason is null ? new[] { 1, 2 } : [1, 2, 3])
        {
            for (var number = 1; number <= 4; number++)
            {
                episodes.Add(new EpisodeFact((titleId * 100) + (season * 10) + number, season, number, 2400, season == 3 ? thirdSeason!.Value : LongAgo));
            }
        }

        return episodes;
    }

    private static TitleHistory Series(int id, ThumbRating? thumb = null, DateTime? thirdSeason = null, int[]? completed = null, LastViewing? last = null) =>
        new(id, $"Series {id}", TitleKind.Series, 2400, thumb, Seasons(id, thirdSeason),
            (completed ?? []).Concat(last?.EpisodeId is int e ? [e] : []).ToHashSet(), (completed ?? []).ToHashSet(), false, last);

    private static TitleHistory Movie(int id, ThumbRating? thumb = null, bool completed = false, LastViewing? last = null) =>
        new(id, $"Movie {id}", TitleKind.Movie, 6000, thumb, [], new HashSet<int>(), new HashSet<int>(), completed, last);

    private static Dictionary<int, RecommendedTitle> Matches(params (int Title, double Match)[] matches) =>
        matches.ToDictionary(m => m.Title, m => new RecommendedTitle(m.Title, m.Match, new Explanation(null, null, [], [], new Dictionary<string, double>(), 0.5, false, 0, m.Match)));

    [Fact]
    public void ALovedSeriesWhoseNewSeasonPremieredThisWeekIsANewSeason()
    {
        var candidate = Assert.Single(NotificationRules.Candidates([Series(1, ThumbRating.Love, thirdSeason: Now.AddDays(-3))], Now, NoMatches));

        Assert.Equal(NotificationKind.NewSeason, candidate.Kind);
        Assert.Equal("New season: Series 1", candidate.Subject);
        Assert.Equal("Season 3 of Series 1 is here: all 4 episodes, out now.", candidate.Body);
        Assert.Equal(131, candidate.EpisodeId);
        Assert.Equal("new-season:1:3", candidate.DedupeKey);
    }

    [Fact]
    public void ASeasonIsNotNewBeforeItPremieresNorAfterFourWeeks()
    {
        Assert.Empty(NotificationRules.Candidates([Series(1, ThumbRating.Up, thirdSeason: Now.AddHours(1))], Now, NoMatches));
        Assert.Empty(NotificationRules.Candidates([Series(1, ThumbRating.Up, thirdSeason: Now.AddDays(-NotificationRules.NewSeasonDays - 1))], Now, NoMatches));
    }

    [Fact]
    public void ANewSeasonOfASeriesTheProfileNeitherLovesNorIsWatchingIsNotSent()
    {
        // Watched one episode to the end two seasons ago: not a season finished, no thumb, not midway.
        var casual = Series(1, thirdSeason: Now.AddDays(-3), completed: [111]);

        Assert.Empty(NotificationRules.Candidates([casual], Now, NoMatches));
    }

    [Fact]
    public void FinishingAWholeSeasonCountsAsLovingIt()
    {
        var finished = Series(1, thirdSeason: Now.AddDays(-3), completed: [111, 112, 113, 114]);

        Assert.Equal(NotificationKind.NewSeason, Assert.Single(NotificationRules.Candidates([finished], Now, NoMatches)).Kind);
    }

    [Fact]
    public void AThumbedDownTitleIsNeverSentWhateverElseIsTrue()
    {
        var disliked = Series(1, ThumbRating.Down, thirdSeason: Now.AddDays(-3), completed: [111, 112, 113, 114]);

        Assert.Empty(NotificationRules.Candidates([disliked], Now, Matches((1, 0.99))));
    }

    [Fact]
    public void AnEpisodeStoppedMidwayTwoDaysAgoGetsARecoveryNudgeNamingWhereTheViewerStopped()
    {
        var stopped = Series(7, last: new LastViewing(724, 23 * 60, false, Now.AddDays(-2)));

        var candidate = Assert.Single(NotificationRules.Candidates([stopped], Now, NoMatches));

        Assert.Equal(NotificationKind.Recovery, candidate.Kind);
        Assert.Equal("Still watching Series 7?", candidate.Subject);
        Assert.Equal("You stopped at S2:E4 of Series 7, 23 min in. 17 min to go: pick up where you left off.", candidate.Body);
        Assert.Equal(724, candidate.EpisodeId);
    }

    [Fact]
    public void AMovieStoppedMidwayGetsARecoveryNudgeWithTheMinutesLeft()
    {
        var candidate = Assert.Single(NotificationRules.Candidates([Movie(3, last: new LastViewing(null, 41 * 60, false, Now.AddDays(-5)))], Now, NoMatches));

        Assert.Equal("You stopped 41 min into Movie 3. 59 min to go: pick up where you left off.", candidate.Body);
    }

    [Fact]
    public void NoNudgeForAViewerWhoStoppedAnHourAgoOrInTheFirstMinuteOrAtTheCredits()
    {
        Assert.Empty(NotificationRules.Candidates([Movie(3, last: new LastViewing(null, 41 * 60, false, Now.AddHours(-1)))], Now, NoMatches));
        Assert.Empty(NotificationRules.Candidates([Movie(3, last: new LastViewing(null, 45, false, Now.AddDays(-5)))], Now, NoMatches));
        Assert.Empty(NotificationRules.Candidates([Movie(3, last: new LastViewing(null, 5800, false, Now.AddDays(-5)))], Now, NoMatches));
    }

    [Fact]
    public void ALovedTitleWithSomethingLeftToWatchIsSentWhenItsMatchIsVeryHigh()
    {
        var picked = Movie(5, ThumbRating.Up); // an onboarding pick: thumbed up, never watched

        var candidate = Assert.Single(NotificationRules.Candidates([picked], Now, Matches((5, 0.91))));

        Assert.Equal(NotificationKind.HighMatch, candidate.Kind);
        Assert.Equal("91% match: Movie 5", candidate.Subject);
        Assert.Equal(91, candidate.MatchPercent);
    }

    [Fact]
    public void AMatchBelowTheThresholdOrAFinishedMovieOrAnUnlovedTitleIsNotAHighMatch()
    {
        Assert.Empty(NotificationRules.Candidates([Movie(5, ThumbRating.Up)], Now, Matches((5, 0.84))));
        Assert.Empty(NotificationRules.Candidates([Movie(5, ThumbRating.Love, completed: true)], Now, Matches((5, 0.97))));
        Assert.Empty(NotificationRules.Candidates([Movie(5)], Now, Matches((5, 0.97))));
    }

    [Fact]
    public void ASeriesHighMatchPointsAtTheFirstEpisodeNotYetFinished()
    {
        var candidate = Assert.Single(NotificationRules.Candidates([Series(2, ThumbRating.Up, completed: [211, 212])], Now, Matches((2, 0.9))));

        Assert.Equal(213, candidate.EpisodeId);
        Assert.Equal("Series 2 is a 90% match for you. 6 episodes you haven't finished are waiting.", candidate.Body);
    }

    [Fact]
    public void NewSeasonsComeFirstThenRecoveryNudgesThenHighMatches()
    {
        var candidates = NotificationRules.Candidates(
            [
                Movie(5, ThumbRating.Up),
                Movie(3, last: new LastViewing(null, 41 * 60, false, Now.AddDays(-5))),
                Series(1, ThumbRating.Love, thirdSeason: Now.AddDays(-3)),
            ],
            Now,
            Matches((5, 0.9), (3, 0.95), (1, 0.99)));

        Assert.Equal([NotificationKind.NewSeason, NotificationKind.Recovery, NotificationKind.HighMatch], candidates.Select(c => c.Kind));
        Assert.Equal([1, 3, 5], candidates.Select(c => c.TitleId));
    }
}
