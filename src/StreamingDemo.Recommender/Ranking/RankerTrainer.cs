using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace StreamingDemo.Recommender.Ranking;

/// <summary>The ranker's training objective: per-example log loss on "played", or LambdaRank over each profile's candidates.</summary>
public enum RankerObjective
{
    Binary,
    LambdaRank,
}

/// <summary>One ranker training row: the features of a candidate, whether the profile went on to play it, and whose candidate it is.</summary>
internal sealed class RankerExample
{
    [VectorType(RankerFeatures.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    /// <summary>The candidate list the row belongs to (one per profile, or per newcomer); LambdaRank ranks within it.</summary>
    public uint Group { get; set; }
}

/// <summary>The ranker as ML.NET produced it, kept beside the compiled copy for the benchmark and the equivalence test.</summary>
internal sealed record TrainedRanker(CompiledTreeEnsemble Compiled, ITransformer Model, MLContext Context);

/// <summary>Trains the LightGBM ranker with ML.NET (seeded, single-threaded so it is reproducible).</summary>
internal static class RankerTrainer
{
    public static TrainedRanker Train(IReadOnlyList<float[]> features, IReadOnlyList<bool> labels, RecommenderOptions options,
        IReadOnlyList<uint>? groups = null)
    {
        var ml = new MLContext(seed: options.Seed);
        var rows = features.Select((f, i) => new RankerExample { Features = f, Label = labels[i], Group = groups?[i] ?? 0 });
        var data = ml.Data.LoadFromEnumerable(rows);
        if (options.RankerObjective == RankerObjective.LambdaRank)
        {
            ArgumentNullException.ThrowIfNull(groups);
            var pipeline = ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(RankerExample.Group))
                .Append(ml.Transforms.Conversion.ConvertType("Relevance", nameof(RankerExample.Label), DataKind.Single))
                .Append(ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
                {
                    FeatureColumnName = nameof(RankerExample.Features),
                    LabelColumnName = "Relevance",
                    RowGroupColumnName = "GroupKey",
                    NumberOfIterations = options.RankerTrees,
                    NumberOfLeaves = options.RankerLeaves,
                    MinimumExampleCountPerLeaf = 50,
                    LearningRate = 0.1,
                    NumberOfThreads = 1,
                    Seed = options.Seed,
                    Silent = true,
                }));
            var chain = pipeline.Fit(data);
            var ranking = chain.LastTransformer.Model;
            return new TrainedRanker(CompiledTreeEnsemble.From(ranking.TrainedTreeEnsemble), chain, ml);
        }

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
