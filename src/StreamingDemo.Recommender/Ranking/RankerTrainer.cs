using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace StreamingDemo.Recommender.Ranking;

/// <summary>One ranker training row: the features of a candidate and whether the profile went on to enjoy it.</summary>
internal sealed class RankerExample
{
    [VectorType(RankerFeatures.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}

/// <summary>The ranker as ML.NET produced it, kept beside the compiled copy for the benchmark and the equivalence test.</summary>
internal sealed record TrainedRanker(CompiledTreeEnsemble Compiled, ITransformer Model, MLContext Context);

/// <summary>Trains the LightGBM binary ranker with ML.NET (seeded, single-threaded so it is reproducible).</summary>
internal static class RankerTrainer
{
    public static TrainedRanker Train(IReadOnlyList<float[]> features, IReadOnlyList<bool> labels, RecommenderOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        var rows = features.Select((f, i) => new RankerExample { Features = f, Label = labels[i] });
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            FeatureColumnName = nameof(RankerExample.Features),
            LabelColumnName = nameof(RankerExample.Label),
            NumberOfIterations = options.RankerTrees,
            NumberOfLeaves = options.RankerLeaves,
            MinimumExampleCountPerLeaf = 50,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = options.Seed,
            Silent = true,
        });
        var model = trainer.Fit(data);
        var parameters = (CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>)model.Model;
        return new TrainedRanker(CompiledTreeEnsemble.From(parameters.SubModel.TrainedTreeEnsemble), model, ml);
    }
}
