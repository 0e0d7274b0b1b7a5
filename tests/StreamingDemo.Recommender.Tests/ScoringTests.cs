using StreamingDemo.Domain;
using StreamingDemo.Recommender.Ranking;

namespace StreamingDemo.Recommender.Tests;

public sealed class ScoringTests
{
    [Fact]
    public void ScoringACataloguePageOfThirtyTitlesCostsOneScoringPass()
    {
        var recommender = TrainedWorld.NewRecommender();
        var page = TrainedWorld.Model.Catalog.Titles.Take(30).Select(t => t.Id).ToList();
        var before = recommender.ScoringPasses;

        var matches = recommender.ScoreTitles(12, page);

        Assert.Equal(1, recommender.ScoringPasses - before);
        Assert.Equal(page, matches.Keys.Order());
    }

    [Fact]
    public void AWholeHomePageCostsOneScoringPass()
    {
        var recommender = TrainedWorld.NewRecommender();
        var before = recommender.ScoringPasses;

        var page = recommender.ComposeHomePage(new HomePageRequest(12, DeviceType.Desktop, []));

        Assert.True(page.Rows.Sum(r => r.Items.Count) > 60);
        Assert.Equal(1, recommender.ScoringPasses - before);
    }

    [Fact]
    public void TitlesTheModelDoesNotKnowAreLeftOutInsteadOfFailing()
    {
        var recommender = TrainedWorld.NewRecommender();
        var known = TrainedWorld.Model.Catalog.Titles[0].Id;
        var addedAfterTraining = TrainedWorld.Model.Catalog.Titles.Max(t => t.Id) + 1;

        var matches = recommender.ScoreTitles(12, [known, addedAfterTraining]);

        Assert.Equal([known], matches.Keys);
        Assert.Empty(recommender.ScoreTitles(12, [addedAfterTraining]));
    }

    [Fact]
    public void ABatchScoreIsTheMatchTheRankingShows()
    {
        var recommender = TrainedWorld.NewRecommender();
        var ranked = recommender.Rank(20, 10);

        var matches = recommender.ScoreTitles(20, [.. ranked.Select(r => r.TitleId)]);

        Assert.All(ranked, r => Assert.Equal(r.Match, matches[r.TitleId].Match, 6));
        Assert.All(ranked, r => Assert.Equal(r.Explanation.ModelScore, matches[r.TitleId].Explanation.ModelScore, 6));
    }

    [Fact]
    public void WithoutATrainedRankerTheScoreIsTheHalfThirdFifthBlendOfRelativeGeneratorScores()
    {
        Span<float> features = stackalloc float[RankerFeatures.Count];
        features[(int)RankerFeature.FactorsRelative] = 1f;
        features[(int)RankerFeature.CoViewingRelative] = 0.5f;
        features[(int)RankerFeature.MicroGenreRelative] = 0.25f;
        features[(int)RankerFeature.Factors] = 100f;

        // 0.5 × 1 + 0.3 × 0.5 + 0.2 × 0.25 = 0.7; raw (not relative) scores play no part.
        Assert.Equal(0.7f, RankerFeatures.Blend(features), 5);
    }

    [Fact]
    public void AFeatureVectorCarriesEachGeneratorScoreUnderItsName()
    {
        var model = TrainedWorld.Model;
        using var scorer = model.Scorer(model.Profiles[3]);
        var title = scorer.Ranked(1)[0].Title;
        var generators = scorer.GeneratorsOf(title);
        var features = new float[RankerFeatures.Count];

        scorer.FillFeatures(title, features);

        Assert.Equal(generators.Factors, features[(int)RankerFeature.Factors]);
        Assert.Equal(generators.CoViewing, features[(int)RankerFeature.CoViewing]);
        Assert.Equal(generators.Community, features[(int)RankerFeature.Community]);
        Assert.Equal(generators.MicroGenre, features[(int)RankerFeature.MicroGenre]);
        Assert.Equal(generators.Trending, features[(int)RankerFeature.Trending]);
    }
}
