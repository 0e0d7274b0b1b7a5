using Microsoft.ML;
using StreamingDemo.Recommender.Ranking;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Tests;

public sealed class RankerTests
{
    [Theory]
    [InlineData(RankerObjective.Binary)]
    [InlineData(RankerObjective.LambdaRank)]
    public void CompiledTreesGiveTheSameScoresAsMlNet(RankerObjective objective)
    {
        var world = PlantedWorld.Create();
        var options = new RecommenderOptions { RankerProfiles = 400, RankerTrees = 30, EnjoymentProfiles = 0, RankerObjective = objective };
        var (model, ranker) = RecommenderTrainer.TrainWithRanker(world.Snapshot, options, ct: TestContext.Current.CancellationToken);
        Assert.NotNull(ranker);
        Assert.NotNull(model.Ranker);

        var engine = ranker.Context.Model.CreatePredictionEngine<RankerExample, RankerScore>(ranker.Model);
        using var scorer = model.Scorer(model.Profiles[1]);
        foreach (var (features, _) in scorer.CandidateFeatures().Take(50))
        {
            var expected = engine.Predict(new RankerExample { Features = features }).Score;
            Assert.Equal(expected, ranker.Compiled.Score(features), 3);
        }
    }

    public sealed class RankerScore
    {
        public float Score { get; set; }
    }
}
