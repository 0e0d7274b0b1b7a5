using StreamingDemo.Domain.Layouts;
using StreamingDemo.Recommender.Evaluation;

namespace StreamingDemo.Recommender.Tests;

/// <summary>Offline A/B of layouts (L3) against held-out viewing.</summary>
public sealed class LayoutExperimentTests
{
    private static readonly Lazy<LayoutExperimentResult> NetflixAgainstShelves = new(() =>
        LayoutExperiment.Run(TrainedWorld.World.Snapshot, new LayoutExperimentRequest(BuiltInLayouts.NetflixStyle, BuiltInLayouts.GenreShelves, 120, 7), TrainedWorld.Options));

    [Fact]
    public void TheSameSeedGivesTheSameFigures()
    {
        var again = LayoutExperiment.Run(TrainedWorld.World.Snapshot, new LayoutExperimentRequest(BuiltInLayouts.NetflixStyle, BuiltInLayouts.GenreShelves, 120, 7), TrainedWorld.Options, ct: TestContext.Current.CancellationToken);

        Assert.Equal(NetflixAgainstShelves.Value with { ModelVersion = "" }, again with { ModelVersion = "" });
    }

    [Fact]
    public void ALayoutAgainstItselfDiffersByExactlyNothing()
    {
        var result = LayoutExperiment.Run(TrainedWorld.World.Snapshot, new LayoutExperimentRequest(BuiltInLayouts.DiscoveryFirst, BuiltInLayouts.DiscoveryFirst, 60, 3), TrainedWorld.Options, ct: TestContext.Current.CancellationToken);

        Assert.Equal(new Estimate(0, 0, 0), result.ExpectedPlaysDifference);
        Assert.Equal(result.A with { Layout = "" }, result.B with { Layout = "" });
    }

    [Fact]
    public void EveryFigureIsInItsRangeAndTheIntervalHoldsTheMean()
    {
        var result = NetflixAgainstShelves.Value;

        Assert.Equal(120, result.Profiles);
        Assert.True(result.HeldOutTitles >= 120);
        foreach (var metrics in new[] { result.A, result.B })
        {
            Assert.InRange(metrics.Coverage, 0.001, 1);
            Assert.InRange(metrics.HitRate.Mean, 0, 1);
            Assert.InRange(metrics.IntraPageDiversity.Mean, 0, 1);
            Assert.True(metrics.Novelty.Mean > 0);
            Assert.True(metrics.ExpectedPlays.Low <= metrics.ExpectedPlays.Mean && metrics.ExpectedPlays.Mean <= metrics.ExpectedPlays.High);
        }

        Assert.InRange(result.A.VisibleTitlesPerPage, 6, 48); // desktop: at most 8 rows of 6 cards on screen
        Assert.Equal(result.A.ExpectedPlays.Mean - result.B.ExpectedPlays.Mean, result.ExpectedPlaysDifference.Mean, 9);
    }

    [Fact]
    public void TheIntervalIsTheMeanPlusOrMinusTwoStandardErrors()
    {
        // Values 1, 2, 3: mean 2, sample sd 1, half-width 1.96 / √3.
        var estimate = Estimate.Of([1, 2, 3]);

        Assert.Equal(2, estimate.Mean, 12);
        Assert.Equal(2 - (1.96 / Math.Sqrt(3)), estimate.Low, 12);
        Assert.Equal(2 + (1.96 / Math.Sqrt(3)), estimate.High, 12);
    }
}
