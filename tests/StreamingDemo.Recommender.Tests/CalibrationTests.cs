using StreamingDemo.Recommender.Ranking;

namespace StreamingDemo.Recommender.Tests;

public sealed class CalibrationTests
{
    [Fact]
    public void CalibratedMatchFollowsTheObservedRateAndNeverDecreasesWithTheScore()
    {
        var random = new Random(3);
        var scores = new List<float>();
        var outcomes = new List<bool>();
        for (var i = 0; i < 20000; i++)
        {
            var score = (float)(random.NextDouble() * 4 - 2);
            scores.Add(score);
            outcomes.Add(random.NextDouble() < 1 / (1 + Math.Exp(-2 * score)));
        }

        var calibrator = MatchCalibrator.Fit(scores, outcomes);

        Assert.InRange(calibrator.Calibrate(0f), 0.42, 0.58);
        Assert.InRange(calibrator.Calibrate(1f), 0.8, 0.94);
        var grid = Enumerable.Range(-30, 61).Select(i => calibrator.Calibrate(i / 10f)).ToArray();
        Assert.True(grid.Zip(grid.Skip(1)).All(p => p.Second >= p.First));
        Assert.All(grid, p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void MatchOfTheTrainedSystemIsAProbability()
    {
        var recommender = TrainedWorld.NewRecommender();
        var ranking = recommender.Rank(1, 50);

        Assert.All(ranking, r => Assert.InRange(r.Match, 0, 1));
        Assert.True(ranking[0].Match >= ranking[^1].Match);
        Assert.Equal(ranking[0].Match, ranking[0].Explanation.MatchProbability);
    }
}
