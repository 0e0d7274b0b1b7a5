using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace StreamingDemo.Recommender.Ranking;

/// <summary>
/// The enjoyment model's features: the ranker's features followed by the ranker's raw score (how likely the profile is to
/// play the title), so the model learns how enjoyment of a start depends on the evidence behind it.
/// </summary>
internal static class EnjoymentFeatures
{
    public const int Count = RankerFeatures.Count + 1;

    /// <summary>Index of the ranker's raw score.</summary>
    public const int RankerScore = RankerFeatures.Count;
}

/// <summary>One enjoyment training row: a title the profile started, and whether it enjoyed it.</summary>
internal sealed class EnjoymentExample
{
    [VectorType(EnjoymentFeatures.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}

/// <summary>
/// Trains the enjoyment model, P(enjoy | starts), with ML.NET's LightGBM (seeded, one thread): shallow trees with many examples
/// per leaf, because the outcome is noisy and the match % must move smoothly as evidence arrives. Its raw score is then
/// mapped to a probability by <see cref="MatchCalibrator"/>, fitted on other profiles.
/// </summary>
internal static class EnjoymentTrainer
{
    public const int Trees = 80;
    public const int Leaves = 8;
    public const int MinimumExamplesPerLeaf = 200;

    public static CompiledTreeEnsemble Train(IReadOnlyList<float[]> features, IReadOnlyList<bool> labels, int seed)
    {
        var ml = new MLContext(seed: seed);
        var data = ml.Data.LoadFromEnumerable(features.Select((f, i) => new EnjoymentExample { Features = f, Label = labels[i] }));
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            FeatureColumnName = nameof(EnjoymentExample.Features),
            LabelColumnName = nameof(EnjoymentExample.Label),
            NumberOfIterations = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinimumExamplesPerLeaf,
            LearningRate = 0.05,
            NumberOfThreads = 1,
            Seed = seed,
            Silent = true,
        });
        var model = trainer.Fit(data);
        var parameters = (CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>)model.Model;
        return CompiledTreeEnsemble.From(parameters.SubModel.TrainedTreeEnsemble);
    }
}
