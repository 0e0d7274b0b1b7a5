using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender.Tests;

/// <summary>
/// EASE on a case worked by hand. Three viewers: {A, B}, {B, C}, {A, B, C}. With λ = 1, XᵀX + λI = [[3,2,1],[2,4,2],[1,2,3]]
/// (determinant 16) and its inverse is P = [[½,−¼,0],[−¼,½,−¼],[0,−¼,½]]; B[i,j] = −P[i,j] / P[j,j] gives A→B = ½, B→A = ½,
/// B→C = ½, C→B = ½ and A→C = C→A = 0: once B is accounted for, A says nothing about C.
/// </summary>
public sealed class EaseItemModelTests
{
    private static readonly int[][] Viewers = [[0, 1], [1, 2], [0, 1, 2]];

    [Fact]
    public void GaussJordanInvertsTheHandWorkedMatrix()
    {
        double[] a = [3, 2, 1, 2, 4, 2, 1, 2, 3];

        EaseItemModel.Invert(a, 3, TestContext.Current.CancellationToken);

        double[] expected = [0.5, -0.25, 0, -0.25, 0.5, -0.25, 0, -0.25, 0.5];
        Assert.Equal(expected, a, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void EaseWeightsAreTheHandComputedPartialAssociations()
    {
        var model = EaseItemModel.Train(3, Viewers, maxItems: 3, regularization: 1f, TestContext.Current.CancellationToken);

        // Items most watched first: B (3 viewers), then A and C (2 each, ties by index).
        Assert.Equal([1, 0, 2], model.Items);
        float[] expected = [0, 0.5f, 0.5f, 0.5f, 0, 0, 0.5f, 0, 0];
        Assert.Equal(expected, model.Weights, (x, y) => Math.Abs(x - y) < 1e-6f);
    }

    [Fact]
    public void AViewerOfAAndCIsRecommendedBWithBothTheirWeights()
    {
        var model = EaseItemModel.Train(3, Viewers, maxItems: 3, regularization: 1f, TestContext.Current.CancellationToken);
        var scores = new float[3];

        model.Score([0, 2], [1f, 1f], scores);

        Assert.Equal([0f, 1f, 0f], scores, (x, y) => Math.Abs(x - y) < 1e-6f);
    }

    [Fact]
    public void AShortPlaySaysLessThanATitleWatchedThrough()
    {
        // A picked (strength 3.4, counted as 1 like every title watched through) and C played for seconds (0.46): B scores
        // 1·½ + 0.46·½ = 0.73, where a viewer who watched both through scores 1.
        var model = EaseItemModel.Train(3, Viewers, maxItems: 3, regularization: 1f, TestContext.Current.CancellationToken);
        var scores = new float[3];

        model.Score([0, 2], [3.4f, 0.46f], scores);

        Assert.Equal(0.73f, scores[1], 1e-5f);
    }

    [Fact]
    public void TitlesBeyondTheMostWatchedNScoreNothingAndTeachNothing()
    {
        // With N = 2 the model covers B and A only; C is neither scored nor used as evidence.
        var model = EaseItemModel.Train(3, Viewers, maxItems: 2, regularization: 1f, TestContext.Current.CancellationToken);
        var scores = new float[3];

        model.Score([2], [1f], scores);

        Assert.Equal([1, 0], model.Items);
        Assert.Equal([0f, 0f, 0f], scores);
    }

    [Fact]
    public void TheTrainedSystemsEaseRecommendsWhatTheProfilesCoViewersWatch()
    {
        var model = TrainedWorld.Model;
        var state = model.Profiles.Values.First(s => s.Titles.Length >= 5);
        using var scorer = model.Scorer(state);

        var top = scorer.RankBy(Generator.Ease, 10);

        Assert.Equal(10, top.Length);
        Assert.DoesNotContain(top, state.Excluded.Contains);
        Assert.All(top, t => Assert.True(scorer.GeneratorsOf(t).Ease > 0, "a recommended title has positive EASE evidence"));
    }
}
