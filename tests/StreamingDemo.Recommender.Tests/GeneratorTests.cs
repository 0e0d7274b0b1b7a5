using StreamingDemo.Domain;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Tests;

public sealed class GeneratorTests
{
    private static RecommenderModel Model => TrainedWorld.Model;

    [Fact]
    public void TopKReturnsTheHighestScoresBestFirstAndSkipsExcludedOnes()
    {
        float[] scores = [0.1f, 0.9f, 0.5f, 0.7f, 0.9f, 0.2f];
        bool[] skip = [false, false, false, true, false, false];

        Assert.Equal([1, 4, 2], TopK.Select(scores, 3, skip));
    }

    [Fact]
    public void CoViewingNeighboursAreTitlesWatchedByTheSameProfiles()
    {
        var matrix = InteractionMatrix.Build(Model.Catalog, TrainedWorld.World.Snapshot.Profiles, TrainedWorld.World.Snapshot.Interactions);
        var title = Model.Popularity.MostPopular[0];
        var viewers = Enumerable.Range(matrix.ColumnStart[title], matrix.ColumnStart[title + 1] - matrix.ColumnStart[title])
            .Select(k => matrix.ColumnRows[k]).ToHashSet();
        var neighbour = Model.CoViewing.Neighbours[title][0];
        var shared = Enumerable.Range(matrix.ColumnStart[neighbour], matrix.ColumnStart[neighbour + 1] - matrix.ColumnStart[neighbour])
            .Count(k => viewers.Contains(matrix.ColumnRows[k]));

        Assert.NotEqual(title, neighbour);
        Assert.True(shared > 0);
        Assert.True(Model.CoViewing.Similarities[title].SequenceEqual(Model.CoViewing.Similarities[title].OrderDescending()));
    }

    [Theory]
    [InlineData(Generator.CoViewing)]
    [InlineData(Generator.Factors)]
    [InlineData(Generator.Community)]
    [InlineData(Generator.MicroGenre)]
    [InlineData(Generator.Ease)]
    public void EachPersonalGeneratorAloneFindsMoreOfAProfilesTasteThanPopularity(Generator generator)
    {
        var world = TrainedWorld.World;
        double personal = 0, popular = 0;
        foreach (var state in Model.Profiles.Values.Take(300))
        {
            var dominant = world.DominantCommunity[state.ProfileId];
            double InTaste(int[] titles) => titles.Average(t => Model.Catalog.Titles[t].MicroGenreIds.Count(tag => world.CommunityTagAffinity[dominant, tag - 1] > 0));
            using var scorer = Model.Scorer(state);
            personal += InTaste(scorer.RankBy(generator, 10));
            popular += InTaste(scorer.RankBy(Generator.MostPopular, 10));
        }

        Assert.True(personal > popular * 1.2, $"{generator}: {personal:0.0} vs most-popular {popular:0.0}");
    }

    [Fact]
    public void MicroGenreAffinityPrefersTitlesThatShareTheProfilesTags()
    {
        var tags = new MicroGenreAffinity(Model.Catalog);
        var tagged = Model.Catalog.TagTitles[0];
        var affinity = tags.ProfileAffinity(tagged.Take(3).ToArray(), [1f, 1f, 1f]);
        var scores = new float[Model.Catalog.TitleCount];
        tags.Score(affinity, scores);
        var untagged = Enumerable.Range(0, scores.Length).Where(t => !Model.Catalog.TitleTags[t].Intersect(Model.Catalog.TitleTags[tagged[0]]).Any() &&
            !Model.Catalog.TitleTags[t].Intersect(Model.Catalog.TitleTags[tagged[1]]).Any() && !Model.Catalog.TitleTags[t].Intersect(Model.Catalog.TitleTags[tagged[2]]).Any());

        Assert.All(untagged, t => Assert.True(scores[t] < scores[tagged[3]]));
    }

    [Fact]
    public void NewAndTrendingFavoursTitlesAddedRecently()
    {
        var order = Model.Popularity.TrendingOrder;
        var top = order.Take(20).Average(t => Model.Popularity.AgeDays[t]);
        var rest = order.Skip(20).Average(t => Model.Popularity.AgeDays[t]);

        Assert.True(top < rest);
    }

    [Fact]
    public void EveryProfileBelongsToThreeCommunitiesWhoseWeightsSumToOne()
    {
        Assert.All(Model.Profiles.Values.Where(p => p.HasEvidence), p =>
        {
            Assert.Equal(3, p.Communities.Length);
            Assert.Equal(1f, p.Communities.Sum(c => c.Weight), 3);
            Assert.True(p.Communities[0].Weight >= p.Communities[1].Weight);
        });
    }

    [Fact]
    public void LearnedCommunitiesAgreeWithThePlantedOnes()
    {
        var world = TrainedWorld.World;
        var profiles = Model.Profiles.Values.Where(p => p.HasEvidence).OrderBy(p => p.ProfileId).ToList();
        var ari = Evaluation.AdjustedRandIndex.Compute([.. profiles.Select(p => p.Communities[0].Community)], [.. profiles.Select(p => world.DominantCommunity[p.ProfileId])]);

        Assert.True(ari > 0.5, $"ARI {ari:0.000}");
    }

    [Fact]
    public void CommunitiesHaveReadableNamesSizesAndInfluentialMembers()
    {
        var recommender = TrainedWorld.NewRecommender();

        Assert.All(recommender.Communities, c =>
        {
            Assert.StartsWith("Micro-genre", c.Name, StringComparison.Ordinal);
            Assert.True(c.Size > 0);
            Assert.NotEmpty(c.DistinguishingTags);
        });
        Assert.Contains(recommender.Communities, c => c.InfluentialProfileIds.Count > 0);
        Assert.Equal(Model.Profiles.Values.Count(p => p.HasEvidence), recommender.Communities.Sum(c => c.Size));
    }

    [Fact]
    public void AdjustedRandIndexMatchesHandComputedCases()
    {
        // Rows {0,0,0 | 1,1,1} against columns {0,0 | 1,1 | 2,2}: cells 2,1 / 1,2 give Σ C(n,2) = 2; rows Σ C(3,2) = 6;
        // columns Σ C(2,2) = 3; C(6,2) = 15, so expected = 6 · 3 / 15 = 1.2, maximum = (6 + 3) / 2 = 4.5 and
        // ARI = (2 − 1.2) / (4.5 − 1.2) = 8/33.
        Assert.Equal(8.0 / 33.0, Evaluation.AdjustedRandIndex.Compute([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), 12);
        // Two halves crossed: every cell holds 1, so no pair agrees; expected = 2 · 2 / 6 = 2/3, maximum 2: ARI = −0.5.
        Assert.Equal(-0.5, Evaluation.AdjustedRandIndex.Compute([0, 0, 1, 1], [0, 1, 0, 1]), 12);
        // One item moved: {0,0,0,1,1,1} vs {0,0,1,1,1,1}: cells 2,1,0,3 give 1 + 3 = 4; rows 3 + 3 = 6; columns 1 + 6 = 7;
        // expected = 6 · 7 / 15 = 2.8, maximum 6.5: ARI = 1.2 / 3.7 = 12/37.
        Assert.Equal(12.0 / 37.0, Evaluation.AdjustedRandIndex.Compute([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1]), 12);
    }

    [Fact]
    public void AdjustedRandIndexIsOneForTheSameClusteringUnderOtherLabelsAndNearZeroForNoise()
    {
        int[] a = [0, 0, 1, 1, 2, 2, 2];
        int[] b = [5, 5, 9, 9, 7, 7, 7];
        var random = new Random(1);
        var x = Enumerable.Range(0, 2000).Select(_ => random.Next(5)).ToArray();
        var y = Enumerable.Range(0, 2000).Select(_ => random.Next(5)).ToArray();

        Assert.Equal(1.0, Evaluation.AdjustedRandIndex.Compute(a, b), 9);
        Assert.InRange(Evaluation.AdjustedRandIndex.Compute(x, y), -0.05, 0.05);
    }
}
