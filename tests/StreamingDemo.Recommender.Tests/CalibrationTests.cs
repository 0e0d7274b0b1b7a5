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

    /// <summary>Scores 0..n−1; the first <paramref name="mixed"/> enjoyed nine times in ten (every tenth not), the rest all enjoyed.</summary>
    private static (List<float> Scores, List<bool> Outcomes) MixedThenAllEnjoyed(int mixed, int allEnjoyed)
    {
        var scores = Enumerable.Range(0, mixed + allEnjoyed).Select(i => (float)i).ToList();
        var outcomes = scores.Select(s => s >= mixed || (int)s % 10 != 0).ToList();
        return (scores, outcomes);
    }

    [Fact]
    public void AFewDozenEnjoyedStartsAtTheTopDoNotMakeACardRead100Percent()
    {
        // Overall rate p̄ = (864 + 40) / 1000 = 0.904; the top step holds the 40 all-enjoyed starts (and perhaps the nine before
        // them): (w + 20·0.904) / (w + 20) for w of 40..49 is 0.968..0.972. Without the prior it would read 1.0.
        var (scores, outcomes) = MixedThenAllEnjoyed(960, 40);

        var top = MatchCalibrator.Fit(scores, outcomes).Calibrate(999f);

        Assert.InRange(top, 0.965, 0.975);
        Assert.True(Math.Round(top * 100) < 100);
    }

    [Fact]
    public void HundredsOfEnjoyedStartsInARowReach99PercentAndNoMore()
    {
        // p̄ = (540 + 400) / 1000 = 0.94 and a top step of at least 400 all enjoyed: (400 + 18.8) / 420 = 0.9971, capped at 0.99.
        var (scores, outcomes) = MixedThenAllEnjoyed(600, 400);

        var top = MatchCalibrator.Fit(scores, outcomes).Calibrate(999f);

        Assert.Equal(0.99f, top);
    }

    [Fact]
    public void ShrinkingStepsTowardsTheOverallRateKeepsTheMapMonotone()
    {
        var random = new Random(11);
        var scores = new List<float>();
        var outcomes = new List<bool>();
        for (var i = 0; i < 3000; i++)
        {
            var score = (float)random.NextDouble();
            scores.Add(score);
            outcomes.Add(random.NextDouble() < 0.3 + 0.6 * score * score);
        }

        var calibrator = MatchCalibrator.Fit(scores, outcomes);

        Assert.True(calibrator.Probabilities.Zip(calibrator.Probabilities.Skip(1)).All(p => p.Second > p.First), "strictly increasing steps");
        Assert.InRange(calibrator.Calibrate(1f), 0.8, 0.9);
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
