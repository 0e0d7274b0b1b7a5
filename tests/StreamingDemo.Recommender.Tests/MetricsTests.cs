using StreamingDemo.Recommender.Evaluation;

namespace StreamingDemo.Recommender.Tests;

/// <summary>Ranking metrics and the reliability table on cases small enough to work out by hand.</summary>
public sealed class MetricsTests
{
    [Fact]
    public void RecallNdcgHitRateAndCoverageMatchAHandComputedCase()
    {
        var metrics = new RankingMetrics("hand", catalogueSize: 100);
        var ranked = Enumerable.Range(1, 20).ToArray();
        // Profile A: relevant 2 (rank 2) and 5 (rank 5) in the top 10, 30 not ranked at all.
        metrics.Add(ranked, new HashSet<int> { 2, 5, 30 });
        // Profile B: its one relevant title at rank 15, inside the top 20 only.
        metrics.Add(ranked, new HashSet<int> { 15 });
        // A profile with nothing held out does not count.
        metrics.Add(ranked, new HashSet<int>());

        var result = metrics.Result();

        Assert.Equal(2, result.Profiles);
        Assert.Equal((2 / 3.0 + 0) / 2, result.RecallAt10, 9);
        Assert.Equal((2 / 3.0 + 1) / 2, result.RecallAt20, 9);
        // A: DCG = 1/log2(3) + 1/log2(6) = 1.017782; ideal DCG for three relevant = 1 + 1/log2(3) + 1/log2(4) = 2.130930.
        Assert.Equal((1.017782 / 2.130930 + 0) / 2, result.NdcgAt10, 5);
        Assert.Equal(0.5, result.HitRateAt10, 9);
        Assert.Equal(10 / 100.0, result.Coverage, 9);
    }

    [Fact]
    public void APerfectRankingScoresOne()
    {
        var metrics = new RankingMetrics("perfect", catalogueSize: 50);
        metrics.Add([7, 3, 9, 1, 2, 4, 5, 6, 8, 10], new HashSet<int> { 7, 3, 9 });

        var result = metrics.Result();

        Assert.Equal(1.0, result.RecallAt10, 9);
        Assert.Equal(1.0, result.NdcgAt10, 9);
    }

    [Fact]
    public void TheReliabilityTableEceAndLargestGapMatchAHandComputedCase()
    {
        // 40 cards at 15 % of which 10 were enjoyed (observed 25 %), 60 at 62 % of which 40 were (66.7 %), and one card at 95 %
        // that was not: its bin holds less than 1 % of the cards, so it counts for the ECE but not for the largest gap.
        var points = Enumerable.Range(0, 40).Select(i => (0.15f, i < 10))
            .Concat(Enumerable.Range(0, 60).Select(i => (0.62f, i < 40)))
            .Append((0.95f, false)).ToList();

        var report = OfflineEvaluator.Calibrate(points);

        Assert.Equal(101, report.Count);
        Assert.Equal([0.1, 0.6, 0.9], report.Reliability.Select(b => Math.Round(b.From, 6)));
        Assert.Equal([40, 60, 1], report.Reliability.Select(b => b.Count));
        Assert.Equal([0.15, 0.62, 0.95], report.Reliability.Select(b => Math.Round(b.Predicted, 5)));
        Assert.Equal([0.25, 0.66667, 0.0], report.Reliability.Select(b => Math.Round(b.Observed, 5)));
        Assert.Equal((40 * 0.10 + 60 * (40 / 60.0 - 0.62) + 1 * 0.95) / 101, report.Ece, 6);
        Assert.Equal(0.10, report.LargestGap, 6);
    }
}
