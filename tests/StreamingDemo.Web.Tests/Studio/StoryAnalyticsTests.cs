using StreamingDemo.Domain.Interactive;
using StreamingDemo.Web.Features.Interactive;

namespace StreamingDemo.Web.Tests.Studio;

/// <summary>The studio's path analytics, against shares and entropies computed by hand.</summary>
public sealed class StoryAnalyticsTests
{
    /// <summary>start → a | b; a → e1 | e2; b → e3 | e4.</summary>
    private static readonly StoryGraph Story = new("test", "Test", StoryAudience.Kids, [], "start",
    [
        new("start", "Start", "Go.", [new("to-a", "A", "a", [], true), new("to-b", "B", "b", [])]),
        new("a", "A", "A.", [new("a-e1", "E1", "e1", []), new("a-e2", "E2", "e2", [])]),
        new("b", "B", "B.", [new("b-e3", "E3", "e3", []), new("b-e4", "E4", "e4", [])]),
        new("e1", "E1", "End 1.", [], "One"),
        new("e2", "E2", "End 2.", [], "Two"),
        new("e3", "E3", "End 3.", [], "Three"),
        new("e4", "E4", "End 4.", [], "Four"),
    ]);

    private static SavedPath Path(int profile, string choices, string? ending) => new(profile, choices.Split(' '), ending);

    /// <summary>Five viewers; viewer 1 replays (ignored: first paths only), viewer 5 has not finished.</summary>
    private static readonly SavedPath[] Plays =
    [
        Path(1, "to-a a-e1", "e1"),
        Path(2, "to-a a-e1", "e1"),
        Path(3, "to-a a-e2", "e2"),
        Path(4, "to-b b-e3", "e3"),
        Path(1, "to-b b-e4", "e4"),
        Path(5, "to-b", null),
    ];

    [Fact]
    public void EachBranchShowsTheShareOfViewersOfferedItWhoTookItAndOfAllViewers()
    {
        var analysis = StoryAnalytics.Compute(Story, Plays);

        Assert.Equal((5, 6, 4), (analysis.Viewers, analysis.Playthroughs, analysis.FinishedViewers));
        Assert.Equal((3, 0.6, 0.6), (analysis.Choices["to-a"].Viewers, analysis.Choices["to-a"].ShareOfOffered, analysis.Choices["to-a"].ShareOfViewers));
        Assert.Equal(2 / 3.0, analysis.Choices["a-e1"].ShareOfOffered, 9);
        Assert.Equal(0.4, analysis.Choices["a-e1"].ShareOfViewers, 9);
        Assert.Equal((1, 0.5, 0.2), (analysis.Choices["b-e3"].Viewers, analysis.Choices["b-e3"].ShareOfOffered, analysis.Choices["b-e3"].ShareOfViewers));
        Assert.Equal(0, analysis.Choices["b-e4"].Viewers);
        Assert.Equal(0.4, analysis.Scenes["b"].Share, 9);
    }

    [Fact]
    public void EndingsAreSharesOfTheViewersWhoFinished()
    {
        var analysis = StoryAnalytics.Compute(Story, Plays);

        Assert.Equal([("e1", 2, 0.5), ("e2", 1, 0.25), ("e3", 1, 0.25), ("e4", 0, 0.0)], analysis.Endings.Select(e => (e.SceneId, e.Viewers, e.Share)));
    }

    [Fact]
    public void EntropyOfEndingsIsNormalisedByTheEndingsTheStoryHasAndStaysBelowTheWarning()
    {
        var fragmentation = StoryAnalytics.Compute(Story, Plays).Fragmentation;

        // −(½·log₂½ + 2·¼·log₂¼) = 1.5 bits; over log₂4 = 2 bits → 0.75.
        Assert.Equal(1.5, fragmentation.Entropy, 9);
        Assert.Equal(0.75, fragmentation.NormalisedEntropy, 9);
        Assert.Equal(3, fragmentation.EndingsReached);
        Assert.False(fragmentation.Warning);
    }

    [Fact]
    public void FourViewersOnFourDifferentEndingsRaiseTheFragmentationWarning()
    {
        SavedPath[] split = [Path(1, "to-a a-e1", "e1"), Path(2, "to-a a-e2", "e2"), Path(3, "to-b b-e3", "e3"), Path(4, "to-b b-e4", "e4")];

        var fragmentation = StoryAnalytics.Compute(Story, split).Fragmentation;

        Assert.Equal(1.0, fragmentation.NormalisedEntropy, 9);
        Assert.True(fragmentation.Warning);
    }

    [Fact]
    public void FriendsShareAnEndingWhenEitherOfThemInfluencesTheOther()
    {
        // 1↔2 both reached e1; 3 (e2) and 4 (e3) differ; 5 has not finished, so the edge 2→5 does not count.
        var fragmentation = StoryAnalytics.Compute(Story, Plays, [(1, 2), (3, 4), (2, 5)]).Fragmentation;

        Assert.Equal(4, fragmentation.ViewersWithFriends);
        Assert.Equal(0.5, fragmentation.SharedWithFriends);
    }

    [Fact]
    public void AnAudienceWithNoPlaysHasNoSharesAndNoWarning()
    {
        var analysis = StoryAnalytics.Compute(Story, []);

        Assert.Equal(0, analysis.Viewers);
        Assert.All(analysis.Endings, e => Assert.Equal(0, e.Share));
        Assert.False(analysis.Fragmentation.Warning);
        Assert.Null(analysis.Fragmentation.SharedWithFriends);
    }
}
