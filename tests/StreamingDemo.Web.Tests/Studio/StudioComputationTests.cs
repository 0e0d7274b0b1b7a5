using StreamingDemo.Data.Studio;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Studio;

namespace StreamingDemo.Web.Tests.Studio;

public sealed class InfluenceSpreadTests
{
    private static DateTime Day(int day) => new DateTime(2026, 11, 1, 20, 0, 0, DateTimeKind.Utc).AddDays(day);

    // Influencer 1 follows-edges to members 2, 3 and 4, and to 9 (not a member); 5 is not an influencer.
    private static readonly InfluenceEdgeInfo[] Edges = [new(1, 2, 0.5f), new(1, 3, 0.25f), new(1, 4, 0.25f), new(1, 9, 1f), new(5, 2, 1f)];

    private static readonly FirstWatch[] Watches =
    [
        new(1, 100, Day(1)), new(1, 200, Day(5)),
        new(2, 100, Day(2)), new(2, 200, Day(3)), // 100 after the influencer, 200 before
        new(3, 100, Day(0)), new(3, 200, Day(6)), // 100 before, 200 after
        new(4, 100, Day(9)),
        new(9, 200, Day(8)), // not a member: does not count
    ];

    [Fact]
    public void ATitleSpreadsToFollowersWhoStartedItAfterTheInfluencer()
    {
        var spread = InfluenceSpread.Compute([1], [1, 2, 3, 4], Edges, Watches, 10);

        Assert.Equal([(100, 2, 1), (200, 1, 1)], spread.Titles.Select(t => (t.TitleId, t.PickedUpBy, t.FromInfluencers)));
    }

    [Fact]
    public void AnInfluencerCountsOnlyFellowMembers()
    {
        var spread = InfluenceSpread.Compute([1], [1, 2, 3, 4], Edges, Watches, 10);

        var influencer = Assert.Single(spread.Influencers);
        Assert.Equal(3, influencer.Followers);
        Assert.Equal(1.0, influencer.Influence, 6);
        Assert.Equal(2, influencer.TitlesPassedOn);
    }

    [Fact]
    public void TheListStopsAtTheRequestedLength()
    {
        var spread = InfluenceSpread.Compute([1], [1, 2, 3, 4], Edges, Watches, 1);

        Assert.Equal(100, Assert.Single(spread.Titles).TitleId);
    }
}

public sealed class ViewingInsightsTests
{
    // 2026-11-30 is a Monday.
    private static readonly (SessionFact Session, int? Community)[] Sessions =
    [
        (new(1, 10, DeviceType.Tv, new DateTime(2026, 11, 30, 21, 15, 0, DateTimeKind.Utc)), 0),
        (new(2, 10, DeviceType.Phone, new DateTime(2026, 11, 30, 21, 40, 0, DateTimeKind.Utc)), 1),
        (new(1, 11, DeviceType.Tv, new DateTime(2026, 12, 5, 8, 5, 0, DateTimeKind.Utc)), 0),
        (new(3, 12, DeviceType.Desktop, new DateTime(2026, 12, 6, 23, 59, 0, DateTimeKind.Utc)), null),
    ];

    private static readonly Dictionary<int, IReadOnlyList<int>> Tags = new() { [10] = [100], [11] = [100, 101], [12] = [] };
    private static readonly Dictionary<int, string> Names = new() { [100] = "Dark Crime", [101] = "Cosy Mysteries" };

    private static ViewingInsights Build()
    {
        var builder = new ViewingInsightsBuilder();
        foreach (var (session, community) in Sessions)
        {
            builder.Add(session, community);
        }

        return builder.Build("model-1", Tags, Names);
    }

    [Fact]
    public void TheHeatmapCountsSessionsByWeekdayAndHourMondayFirst()
    {
        var heat = Build().Heatmap();

        Assert.Equal(2, heat[0, 21]);
        Assert.Equal(1, heat[5, 8]);
        Assert.Equal(1, heat[6, 23]);
        Assert.Equal(4, heat.Cast<int>().Sum());
    }

    [Fact]
    public void ACommunitysHeatmapHoldsOnlyItsMembersSessions()
    {
        var insights = Build();

        Assert.Equal(1, insights.Heatmap(0)[0, 21]);
        Assert.Equal(1, insights.Heatmap(0, DeviceType.Tv)[5, 8]);
        Assert.Equal(0, insights.Heatmap(1, DeviceType.Tv).Cast<int>().Sum());
    }

    [Fact]
    public void EveryoneSeesTheMostWatchedTitlesAndMicroGenres()
    {
        var everyone = Build().Segment(SegmentKey.Everyone);

        Assert.Equal(4, everyone.Sessions);
        Assert.Equal([(10, 2), (11, 1), (12, 1)], everyone.TopTitles.Select(t => (t.TitleId, t.Sessions)));
        Assert.Equal([("Dark Crime", 3, 0.75), ("Cosy Mysteries", 1, 0.25)], everyone.TopMicroGenres.Select(g => (g.Name, g.Sessions, g.Share)));
    }

    [Fact]
    public void ASegmentCombinesCommunityDeviceAndTimeOfDay()
    {
        var insights = Build();

        Assert.Equal([10], insights.Segment(new SegmentKey(0, DeviceType.Tv, DayPart.Evening)).TopTitles.Select(t => t.TitleId));
        Assert.Equal([11], insights.Segment(new SegmentKey(null, null, DayPart.Morning)).TopTitles.Select(t => t.TitleId));
        Assert.Equal(2, insights.Segment(new SegmentKey(0, null, null)).Sessions);
        Assert.Equal(0, insights.Segment(new SegmentKey(1, DeviceType.Tv, null)).Sessions);
    }

    [Theory]
    [InlineData(0, DayPart.Night)]
    [InlineData(5, DayPart.Night)]
    [InlineData(6, DayPart.Morning)]
    [InlineData(12, DayPart.Afternoon)]
    [InlineData(18, DayPart.Evening)]
    [InlineData(23, DayPart.Evening)]
    public void TheHourASessionStartsDecidesItsTimeOfDay(int hour, DayPart part) => Assert.Equal(part, ViewingInsights.DayPartOf(hour));
}

public sealed class PauseChartTests
{
    // Pauses fall in minutes 1, 1, 2, 3, 3, 4, 9 and 9 (700 s is past the 10-minute runtime: the last minute).
    private static readonly TitleViewingFacts Facts = new(7, 10, 5, [65, 70, 130, 190, 200, 250, 599, 700], [30, 580]);

    [Fact]
    public void PausesAndStopsAreCountedPerMinute()
    {
        var chart = PauseChart.From(Facts);

        Assert.Equal([0, 2, 1, 2, 1, 0, 0, 0, 0, 2], chart.PausesPerMinute);
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 0, 1], chart.StopsPerMinute);
        Assert.Equal(8, chart.Pauses);
        Assert.Equal(2, chart.Stops);
    }

    [Fact]
    public void ThePeakIsTheThreeMinutesWithTheMostPauses()
    {
        var peak = PauseChart.From(Facts).Peak!;

        Assert.Equal((1, 3, 5), (peak.FromMinute, peak.ToMinute, peak.Pauses));
        Assert.Equal(0.625, peak.Share, 10);
    }

    [Fact]
    public void ATitleNobodyPausedHasNoPeak() =>
        Assert.Null(PauseChart.From(Facts with { PauseSeconds = [] }).Peak);
}

public sealed class CommunityMapLayoutTests
{
    [Fact]
    public void NoBubbleOverlapsAnotherEvenWhenCommunitiesCoincide()
    {
        var points = Enumerable.Range(0, 12).Select(i => (i < 10 ? 0.0 : 5.0, 0.0)).ToList();
        var sizes = Enumerable.Range(0, 12).Select(i => 100 + i * 10).ToList();

        var bubbles = CommunityMapLayout.Place(points, sizes, 0.5);

        for (var i = 0; i < bubbles.Count; i++)
        {
            for (var j = i + 1; j < bubbles.Count; j++)
            {
                var (dx, dy) = (bubbles[i].X - bubbles[j].X, (bubbles[i].Y - bubbles[j].Y) * 0.5);
                Assert.True(Math.Sqrt(dx * dx + dy * dy) >= (bubbles[i].Diameter + bubbles[j].Diameter) / 2, $"bubbles {i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void BubbleAreaFollowsMembership()
    {
        var bubbles = CommunityMapLayout.Place([(0, 0), (1, 0), (2, 1)], [400, 100, 25], 0.5);

        Assert.Equal([0.10, 0.05, 0.025], bubbles.Select(b => Math.Round(b.Diameter, 6)));
    }

    [Fact]
    public void DistantCommunitiesKeepTheirOrderAlongEachComponent()
    {
        var bubbles = CommunityMapLayout.Place([(-3, 2), (0, 0), (10, -1)], [10, 10, 10], 0.5);

        Assert.True(bubbles[0].X < bubbles[1].X && bubbles[1].X < bubbles[2].X);
        // The second component grows upwards, screen y downwards.
        Assert.True(bubbles[0].Y < bubbles[1].Y && bubbles[1].Y < bubbles[2].Y);
    }
}
