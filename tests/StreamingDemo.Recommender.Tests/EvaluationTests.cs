using StreamingDemo.Domain;
using StreamingDemo.Recommender.Evaluation;

namespace StreamingDemo.Recommender.Tests;

public sealed class EvaluationTests
{
    private static readonly RecommenderOptions Options = new() { RankerProfiles = 400, RankerTrees = 30, Communities = 6, Factors = 16 };

    private static GroundTruth TruthOf(PlantedWorld world)
    {
        var communities = world.CommunityTagAffinity.GetLength(0);
        var tags = world.CommunityTagAffinity.GetLength(1);
        return new GroundTruth(
            [.. Enumerable.Range(0, communities).Select(c => new PlantedCommunityInfo(c, $"Planted {c}", false))],
            [.. from c in Enumerable.Range(0, communities) from m in Enumerable.Range(0, tags) where world.CommunityTagAffinity[c, m] > 0
                select new PlantedAffinityInfo(c, m + 1, world.CommunityTagAffinity[c, m])],
            [.. world.Mixtures.SelectMany(p => p.Value.Select((c, i) => new PlantedMembershipInfo(p.Key, i + 1, c.Community, c.Weight)))]);
    }

    [Fact]
    public void TheSameDataAndSeedGiveTheSameNumbers()
    {
        var world = PlantedWorld.Create(titles: 150, profiles: 400, seed: 21);
        var first = OfflineEvaluator.Evaluate(world.Snapshot, TruthOf(world), "planted", EvaluationProtocol.Random8020, Options, ct: TestContext.Current.CancellationToken);
        var second = OfflineEvaluator.Evaluate(world.Snapshot, TruthOf(world), "planted", EvaluationProtocol.Random8020, Options, ct: TestContext.Current.CancellationToken);

        Assert.Equal(first.Models, second.Models);
        Assert.Equal(first.ColdStart, second.ColdStart);
        Assert.Equal(first.Calibration.Ece, second.Calibration.Ece);
        Assert.Equal(first.Communities, second.Communities);
    }

    [Theory]
    [InlineData(EvaluationProtocol.Random8020)]
    [InlineData(EvaluationProtocol.LeaveLastOut)]
    public void TheSystemBeatsMostPopularAndTheOracleBeatsBothOnPlantedData(EvaluationProtocol protocol)
    {
        var world = PlantedWorld.Create(titles: 200, profiles: 600, seed: 22);
        var report = OfflineEvaluator.Evaluate(world.Snapshot, TruthOf(world), "planted", protocol, Options, ct: TestContext.Current.CancellationToken);
        var popular = report.Models.Single(m => m.Name == "most-popular");
        var system = report.Models.Single(m => m.Name == "system");
        var oracle = report.Models.Single(m => m.Name == "oracle");

        Assert.Equal(["most-popular", "co-viewing", "latent-factors", "community-popularity", "micro-genre-affinity", "new-and-trending", "system", "oracle"],
            report.Models.Select(m => m.Name));
        Assert.True(system.RecallAt10 > popular.RecallAt10 * 1.3, $"system {system.RecallAt10:0.000} vs most-popular {popular.RecallAt10:0.000}");
        Assert.True(oracle.NdcgAt10 > popular.NdcgAt10);
        Assert.True(report.ColdStart.Single(m => m.Name == "system").RecallAt10 > report.ColdStart.Single(m => m.Name == "most-popular").RecallAt10);
        Assert.InRange(report.Calibration.Ece, 0, 0.1);
        Assert.NotNull(report.Communities.Ari);
        Assert.All(report.Models, m => Assert.InRange(m.RecallAt10, 0, m.RecallAt20));
    }

    [Fact]
    public void WithoutGroundTruthThereIsNoOracleAndNoAri()
    {
        var world = PlantedWorld.Create(titles: 120, profiles: 300, seed: 23);
        var report = OfflineEvaluator.Evaluate(world.Snapshot, null, "imported", EvaluationProtocol.Random8020, Options, ct: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(report.Models, m => m.Name == "oracle");
        Assert.Null(report.Communities.Ari);
    }
}
