using StreamingDemo.Domain;
using StreamingDemo.Recommender.Evaluation;

namespace StreamingDemo.Recommender.Tests;

/// <summary>
/// The references that read the planted communities off evidence (docs/decisions/0034): the best reading of a newcomer's
/// three picks, and the planted community a profile's titles point to.
/// </summary>
public sealed class PlantedOracleTests
{
    /// <summary>Micro-genre ids of the shared world that the three hand-made communities below each like alone.</summary>
    private static readonly int[] Tags = [1, 5, 9];

    /// <summary>Three planted communities (ids 10, 20, 30), each liking one micro-genre; three profiles mixed 0.6 / 0.3 / 0.1 in turn.</summary>
    private static GroundTruth Truth() => new(
        [new PlantedCommunityInfo(10, "Ten", false), new PlantedCommunityInfo(20, "Twenty", false), new PlantedCommunityInfo(30, "Thirty", false)],
        [new PlantedAffinityInfo(10, Tags[0], 1f), new PlantedAffinityInfo(20, Tags[1], 1f), new PlantedAffinityInfo(30, Tags[2], 1f)],
        [.. from p in Enumerable.Range(0, 3)
            from rank in Enumerable.Range(0, 3)
            select new PlantedMembershipInfo(p + 1, rank + 1, 10 * (1 + ((p + rank) % 3)), rank switch { 0 => 0.6f, 1 => 0.3f, _ => 0.1f })]);

    /// <summary>Title indexes carrying exactly one of the three communities' micro-genres: that one.</summary>
    private static int[] OnlyOf(int tag) => [.. TrainedWorld.Model.Catalog.Titles.Select((t, i) => (t, i))
        .Where(x => x.t.MicroGenreIds.Contains(tag) && x.t.MicroGenreIds.Count(Tags.Contains) == 1).Select(x => x.i)];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ThreePicksOfOneCommunitysTitlesFillTheTopTenWithItsTitles(int community)
    {
        var model = TrainedWorld.Model;
        var oracle = new PlantedOracle(Truth(), model);
        var picks = OnlyOf(Tags[community]).Take(3).ToList();
        var state = model.BuildState(500_000 + community, false, [.. picks.Select(t => (t, 3.4f, TrainedWorld.World.Snapshot.AsOf))], [], []);

        var top = oracle.RankFromPicks(state, picks, 10);

        // Reading the picks, the community they come from is the heaviest (about 0.56 of 0.6 by hand: the three orders that
        // put it first carry about 87 % of the posterior), the two others share the rest, so their most popular titles can
        // still edge in. Ranking by popularity instead would put one or two of its titles in the ten (about a tenth carry it).
        Assert.Equal(10, top.Length);
        Assert.DoesNotContain(top, picks.Contains);
        Assert.True(top.Count(t => model.Catalog.Titles[t].MicroGenreIds.Contains(Tags[community])) >= 8,
            $"{top.Count(t => model.Catalog.Titles[t].MicroGenreIds.Contains(Tags[community]))} of 10 carry micro-genre {Tags[community]}");
    }

    [Fact]
    public void PicksOfTwoCommunitiesRankTheSecondAboveTheCommunityNoPickCameFrom()
    {
        var model = TrainedWorld.Model;
        var oracle = new PlantedOracle(Truth(), model);
        int[] picks = [.. OnlyOf(Tags[0]).Take(2), OnlyOf(Tags[1])[0]];
        var state = model.BuildState(500_010, false, [.. picks.Select(t => (t, 3.4f, TrainedWorld.World.Snapshot.AsOf))], [], []);

        var top = oracle.RankFromPicks(state, picks, 20);
        int Count(int tag) => top.Count(t => model.Catalog.Titles[t].MicroGenreIds.Contains(tag) && model.Catalog.Titles[t].MicroGenreIds.Count(Tags.Contains) == 1);

        Assert.True(Count(Tags[0]) > Count(Tags[1]), $"{Count(Tags[0])} of the twice-picked community vs {Count(Tags[1])}");
        Assert.True(Count(Tags[1]) > Count(Tags[2]), $"{Count(Tags[1])} of the once-picked community vs {Count(Tags[2])} of the unpicked");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    public void TheDominantPlantedCommunityIsTheOneMostTitlesComeFrom(int most, int fewer)
    {
        var oracle = new PlantedOracle(Truth(), TrainedWorld.Model);
        int[] titles = [.. OnlyOf(Tags[most]).Take(6), .. OnlyOf(Tags[fewer]).Take(2)];

        Assert.Equal(10 * (most + 1), oracle.Dominant(titles));
    }
}
