using StreamingDemo.Domain;
using StreamingDemo.Recommender.Evaluation;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Tests;

public sealed class EvaluationTests
{
    private static readonly RecommenderOptions Options = new() { RankerProfiles = 400, RankerTrees = 30, Communities = 6, Factors = 16 };

    /// <summary>How far the match % of the cards placed on home pages may be from what happened, on planted data.</summary>
    private const double PlacedCardsEceTolerance = 0.05;

    /// <summary>
    /// PRODUCT.md asks that no bin holding ≥ 1 % of placed cards be off by more than 0.05 on the demo store (docs/BENCHMARKS.md).
    /// The test world has a few thousand outcomes, where a bin of 30 cards is ±0.09 by chance alone, so here every bin with at
    /// least 100 outcomes must be within 0.06.
    /// </summary>
    private const double PlacedCardsGapTolerance = 0.06;

    private const int BinOutcomes = 100;

    /// <summary>
    /// The tolerance PRODUCT.md states for the match %, on the largest gap of any bin holding ≥ 1 % of the placed cards' outcomes
    /// (the figure `evaluate` reports). On this world it was 0.125 before docs/decisions/0029 (the 0.4–0.5 bin, 89 outcomes,
    /// read 0.470 and came true 0.596) and is 0.037 after.
    /// </summary>
    private const double PlacedCardsLargestGap = 0.05;

    /// <summary>
    /// Community popularity alone, ÷ most-popular NDCG@10, on this world: 1.72 with memberships from micro-genre cosine, 1.86
    /// with the mixture read off the titles (docs/decisions/0029).
    /// </summary>
    private const double CommunityOverPopular = 1.8;

    private const double NewcomerEceTolerance = 0.08;

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
        Assert.Equal(first.Calibration.Reliability, second.Calibration.Reliability);
        Assert.Equal(first.PlacedCalibration!.Reliability, second.PlacedCalibration!.Reliability);
        Assert.Equal(first.NewcomerCalibration!.Reliability, second.NewcomerCalibration!.Reliability);
        Assert.Equal(first.Communities, second.Communities);
    }

    [Fact]
    public void OnPlantedDataTheSystemBeatsMostPopularAndTheMatchOfPlacedCardsComesTrue()
    {
        var world = PlantedWorld.Create(titles: 200, profiles: 600, seed: 22);
        var report = OfflineEvaluator.Evaluate(world.Snapshot, TruthOf(world), "planted", EvaluationProtocol.Random8020, Options, ct: TestContext.Current.CancellationToken);
        var popular = report.Models.Single(m => m.Name == "most-popular");
        var system = report.Models.Single(m => m.Name == "system");
        var oracle = report.Models.Single(m => m.Name == "oracle");
        var placed = report.PlacedCalibration!;

        Assert.Equal(["most-popular", "co-viewing", "latent-factors", "community-popularity", "micro-genre-affinity", "new-and-trending", "ease-item-item", "system", "oracle"],
            report.Models.Select(m => m.Name));
        Assert.True(system.RecallAt10 > popular.RecallAt10 * 1.3, $"system {system.RecallAt10:0.000} vs most-popular {popular.RecallAt10:0.000}");
        Assert.True(system.NdcgAt10 > popular.NdcgAt10 * 1.3, $"system {system.NdcgAt10:0.000} vs most-popular {popular.NdcgAt10:0.000}");
        Assert.True(oracle.NdcgAt10 > system.NdcgAt10 * 0.9, $"oracle {oracle.NdcgAt10:0.000} vs system {system.NdcgAt10:0.000}");
        Assert.True(report.ColdStart.Single(m => m.Name == "system").NdcgAt10 > report.ColdStart.Single(m => m.Name == "most-popular").NdcgAt10);
        // Six planted communities, each profile dominated by one of them: KMeans with k = 6 finds most of them.
        Assert.True(report.Communities.Ari >= 0.5, $"ARI {report.Communities.Ari:0.000}");
        Assert.True(report.Communities.PlantedReadingAri >= 0.9, $"the planted communities read off the titles: ARI {report.Communities.PlantedReadingAri:0.000}");
        Assert.Equal([.. report.Models.Select(m => m.Name), "oracle-from-picks"], report.ColdStart.Select(m => m.Name));
        var fromPicks = report.ColdStart.Single(m => m.Name == "oracle-from-picks");
        Assert.True(fromPicks.NdcgAt10 > report.ColdStart.Single(m => m.Name == "most-popular").NdcgAt10 * 1.1,
            $"three-pick reference {fromPicks.NdcgAt10:0.000} vs most-popular {report.ColdStart.Single(m => m.Name == "most-popular").NdcgAt10:0.000}; " +
            $"system {report.ColdStart.Single(m => m.Name == "system").NdcgAt10:0.000}; oracle {report.ColdStart.Single(m => m.Name == "oracle").NdcgAt10:0.000}; " +
            $"ARI {report.Communities.Ari:0.000}, planted reading {report.Communities.PlantedReadingAri:0.000}");
        // The match % of the cards a page actually shows, judged on the titles the profile went on to start.
        Assert.True(placed.Count >= 500, $"{placed.Count} placed cards with an outcome");
        Assert.True(report.PlacedCards > placed.Count, "most placed cards were never started, so they have no outcome");
        Assert.True(placed.Ece <= PlacedCardsEceTolerance, $"placed-card ECE {placed.Ece:0.000}");
        Assert.All(placed.Reliability.Where(b => b.Count >= BinOutcomes), b => Assert.True(Math.Abs(b.Predicted - b.Observed) <= PlacedCardsGapTolerance,
            $"bin {b.From:0.0}–{b.To:0.0}: predicted {b.Predicted:0.000}, observed {b.Observed:0.000} over {b.Count} cards"));
        Assert.True(placed.Reliability.Where(b => b.Count >= BinOutcomes).Sum(b => b.Count) >= 0.9 * placed.Count, "most cards sit in well-filled bins");
        Assert.True(placed.LargestGap <= PlacedCardsLargestGap, $"placed-card largest gap {placed.LargestGap:0.000}: " +
            string.Join("; ", placed.Reliability.Select(b => $"{b.From:0.0}–{b.To:0.0} {b.Predicted:0.000} vs {b.Observed:0.000} ({b.Count})")));
        var community = report.Models.Single(m => m.Name == "community-popularity");
        Assert.True(community.NdcgAt10 >= CommunityOverPopular * popular.NdcgAt10,
            $"community popularity {community.NdcgAt10:0.000} vs most-popular {popular.NdcgAt10:0.000}");
        // Newcomers: the cold-start cohort is a tenth of the profiles (60 here), so their pages are judged on fewer cards.
        Assert.True(report.NewcomerCalibration!.Ece <= NewcomerEceTolerance, $"newcomer ECE {report.NewcomerCalibration.Ece:0.000}");
    }

    [Fact]
    public void UnderLeaveLastOutTheSystemStillBeatsMostPopular()
    {
        var world = PlantedWorld.Create(titles: 200, profiles: 600, seed: 22);
        var report = OfflineEvaluator.Evaluate(world.Snapshot, TruthOf(world), "planted", EvaluationProtocol.LeaveLastOut, Options, ct: TestContext.Current.CancellationToken);
        var popular = report.Models.Single(m => m.Name == "most-popular");
        var system = report.Models.Single(m => m.Name == "system");

        Assert.Equal("leave-last-out", report.Protocol);
        Assert.True(system.RecallAt10 > popular.RecallAt10 * 1.3, $"system {system.RecallAt10:0.000} vs most-popular {popular.RecallAt10:0.000}");
    }

    [Theory]
    [InlineData(EvaluationProtocol.Random8020)]
    [InlineData(EvaluationProtocol.LeaveLastOut)]
    public void HeldOutPairsAndTheColdStartCohortNeverReachTraining(EvaluationProtocol protocol)
    {
        var world = PlantedWorld.Create(titles: 150, profiles: 400, seed: 24);
        var split = OfflineEvaluator.Split(world.Snapshot, protocol, seed: 42);
        var trained = split.Training.Interactions.Select(i => (i.ProfileId, i.TitleId)).ToHashSet();
        var heldOut = split.HeldOutStarts.SelectMany(p => p.Value.Keys.Select(t => (p.Key, t)))
            .Concat(split.Relevant.SelectMany(p => p.Value.Select(t => (p.Key, t)))).ToHashSet();

        Assert.NotEmpty(heldOut);
        Assert.NotEmpty(split.Cohort);
        Assert.DoesNotContain(heldOut, trained.Contains);
        Assert.DoesNotContain(split.Training.Interactions, i => split.Cohort.ContainsKey(i.ProfileId));
        // Everything else is kept: the split removes exactly the held-out pairs and the cohort.
        var removed = world.Snapshot.Interactions.Count(i => heldOut.Contains((i.ProfileId, i.TitleId)) || split.Cohort.ContainsKey(i.ProfileId));
        Assert.Equal(world.Snapshot.Interactions.Count - removed, split.Training.Interactions.Count);
    }

    [Fact]
    public void ARandomSplitHoldsOutAFifthOfEachProfilesTitlesLikedOrNot()
    {
        var world = PlantedWorld.Create(titles: 150, profiles: 400, seed: 24);
        var split = OfflineEvaluator.Split(world.Snapshot, EvaluationProtocol.Random8020, seed: 42);
        var byProfile = world.Snapshot.Interactions.GroupBy(i => i.ProfileId).ToDictionary(g => g.Key, g => g.ToList());
        var warm = split.Relevant.Keys.Where(p => !split.Cohort.ContainsKey(p)).ToList();

        Assert.All(warm, p =>
        {
            var all = byProfile[p];
            var held = all.Count(i => split.HeldOutStarts[p].ContainsKey(i.TitleId) || split.Relevant[p].Contains(i.TitleId));
            Assert.Equal(Math.Max(1, (int)Math.Round(all.Count * 0.2)), held);
            Assert.DoesNotContain(split.Relevant[p], t => all.Single(i => i.TitleId == t).Thumb == ThumbRating.Down);
        });
        Assert.Contains(warm, p => split.HeldOutStarts[p].Values.Any(i => !ImplicitSignal.Enjoyed(i, isSeries: false)));
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
