using StreamingDemo.Domain;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Communities;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender.Tests;

/// <summary>The community mixture read from a profile's titles (docs/decisions/0029), by hand and on planted data.</summary>
public sealed class CommunityPosteriorTests
{
    private const int Titles = 200;

    /// <summary>
    /// Two communities over 200 titles: A's members watch titles 0–9 only, B's 10–19 only, each title alike. Each community's
    /// share of a title it watches is 0.95 / 10 + 0.05 / 200 = 0.09525, of any other 0.05 / 200 = 0.00025.
    /// </summary>
    private static CommunityPosterior TwoCommunities(int sizeA, int sizeB)
    {
        float[][] popularity = [new float[Titles], new float[Titles]];
        for (var t = 0; t < 10; t++)
        {
            popularity[0][t] = 1f;
            popularity[1][t + 10] = 1f;
        }

        var model = new TasteCommunityModel([[1f, 0f], [0f, 1f]], 1f,
            [new TasteCommunity(0, "A", sizeA, [], []), new TasteCommunity(1, "B", sizeB, [], [])], popularity, popularity);
        return new CommunityPosterior(model, Titles);
    }

    [Fact]
    public void WithoutEvidenceAProfileIsMixedAtTheCommunitiesSizes()
    {
        // Sizes 3 and 1, plus one each: 4 / 6 and 2 / 6.
        var weights = TwoCommunities(3, 1).Weights([], []);

        Assert.Equal(4 / 6.0, weights[0], 1e-6);
        Assert.Equal(2 / 6.0, weights[1], 1e-6);
    }

    [Fact]
    public void TwoPicksOfOneCommunityAndOneOfAnotherWeighItFiveToThree()
    {
        var posterior = TwoCommunities(1, 1);

        // Prior ½ / ½ as one pseudo-title; each pick goes (almost) wholly to the community that watches it: A gets ½ + 2 of 4,
        // B ½ + 1 of 4. The other community's 0.00025 share of a pick takes about 0.002 of it back.
        var weights = posterior.Weights([0, 1, 10], [3.4f, 3.4f, 3.4f]);
        Assert.Equal(0.625, weights[0], 0.003);
        Assert.Equal(0.375, weights[1], 0.003);

        // A title scores Σ weight × share × 200: an unwatched A title 0.625 × 19.05, a B title 0.375 × 19.05, a title neither
        // community watches only the smoothing, 0.05.
        var scores = new float[Titles];
        posterior.Score(weights, scores);
        Assert.Equal(0.625 * 19.05, scores[5], 0.07);
        Assert.Equal(0.375 * 19.05, scores[15], 0.07);
        Assert.Equal(0.05, scores[100], 1e-4);
    }

    [Fact]
    public void AShortPlayCountsLessThanAPickAndAWatchedTitleNoMoreThanOne()
    {
        var posterior = TwoCommunities(1, 1);

        // Titles count min(1, strength), as EASE rows do (the continuity rule): a ten-second play (0.46) of a B title moves B
        // from ½ to (½ + 0.46) / 1.46, a title watched through with a thumb (3.4) to (½ + 1) / 2, no further.
        Assert.Equal(0.96 / 1.46, posterior.Weights([10], [0.46f])[1], 0.003);
        Assert.Equal(0.75, posterior.Weights([10], [3.4f])[1], 0.003);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void ThreePicksFromAPlantedCommunitysCoreFillTheNewcomersTopTenWithThatCommunitysTitles(int community)
    {
        var world = TrainedWorld.World;
        var model = TrainedWorld.Model;
        bool OfCommunity(TitleInfo title) => title.MicroGenreIds.Any(tag => world.CommunityTagAffinity[community, tag - 1] > 0);
        var picks = world.Snapshot.Titles.OrderByDescending(t => t.MicroGenreIds.Average(tag => world.CommunityTagAffinity[community, tag - 1]))
            .ThenBy(t => t.Id).Take(3).Select(t => model.Catalog.TryTitle(t.Id, out var index) ? index : -1).ToList();
        var state = model.BuildState(400_000 + community, false, [.. picks.Select(t => (t, 3.4f, world.Snapshot.AsOf))], [], []);
        using var scorer = model.Scorer(state);

        var top = scorer.RankBy(Generator.Community, 10).Select(t => model.Catalog.Titles[t]).ToList();
        var ranked = scorer.Ranked(10).Select(s => model.Catalog.Titles[s.Title]).ToList();

        // Four tags of 24 belong to the community; about a third of the catalogue carries one of them.
        Assert.True(top.Count(OfCommunity) >= 9, $"community generator: {top.Count(OfCommunity)} of 10 carry the community's tags");
        Assert.True(ranked.Count(OfCommunity) >= 9, $"system: {ranked.Count(OfCommunity)} of 10 carry the community's tags");
    }

    [Fact]
    public void TheCommunitiesASiteNamesAreTheThreeHeaviestOfTheMixture()
    {
        // 0.4, 0.3, 0.2 of 0.9 in order; ties go to the lower index; no titles, no communities.
        var strongest = CommunityPosterior.Strongest([0.1f, 0.4f, 0.2f, 0.3f], hasTitles: true);
        Assert.Equal([1, 3, 2], strongest.Select(c => c.Community));
        Assert.Equal([4 / 9.0, 3 / 9.0, 2 / 9.0], strongest.Select(c => (double)c.Weight), (a, b) => Math.Abs(a - b) < 1e-6);
        var tied = CommunityPosterior.Strongest([0.25f, 0.25f, 0.25f, 0.25f], hasTitles: true);
        Assert.Equal([0, 1, 2], tied.Select(c => c.Community));
        Assert.All(tied, c => Assert.Equal(1 / 3.0, c.Weight, 1e-6));
        Assert.Empty(CommunityPosterior.Strongest([0.5f, 0.5f], hasTitles: false));
    }

    [Fact]
    public void AProfilesNamedCommunitiesAndTheCommunitySizesFollowTheMixtureTheGeneratorScoresWith()
    {
        var model = TrainedWorld.Model;
        var withTitles = model.Profiles.Values.Where(s => s.HasEvidence).ToList();

        Assert.All(withTitles, s =>
        {
            Assert.Equal(model.CommunityPosterior.Weights(s.Titles, s.Strengths), s.CommunityMixture);
            Assert.Equal(CommunityPosterior.Strongest(s.CommunityMixture, hasTitles: true), s.Communities);
        });
        // Before docs/decisions/0034 the names came from the nearest KMeans centroids, and disagreed with the mixture here.
        var sizes = withTitles.GroupBy(s => s.Communities[0].Community).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(model.Communities.Communities, c => Assert.Equal(sizes.GetValueOrDefault(c.Id), c.Size));

        // A newcomer's three picks: the same reading.
        var picks = withTitles[0].Titles.Take(3).ToArray();
        var newcomer = model.BuildState(600_000, false, [.. picks.Select(t => (t, 3.4f, TrainedWorld.World.Snapshot.AsOf))], [], []);
        Assert.Equal(CommunityPosterior.Strongest(model.CommunityPosterior.Weights(picks, [3.4f, 3.4f, 3.4f]), hasTitles: true), newcomer.Communities);
    }
}
