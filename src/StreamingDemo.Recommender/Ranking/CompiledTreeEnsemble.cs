using Microsoft.ML.Trainers.FastTree;

namespace StreamingDemo.Recommender.Ranking;

/// <summary>
/// The LightGBM ranker's trees copied out of ML.NET into flat arrays, so a request scores hundreds of candidates in
/// microseconds instead of going through a PredictionEngine per title. Reproduces ML.NET's raw score exactly
/// (a test compares both): go left when feature ≤ threshold; a negative child is ~leaf.
/// </summary>
internal sealed class CompiledTreeEnsemble
{
    public CompiledTreeEnsemble(int[] treeStart, int[] leafStart, int[] feature, float[] threshold, int[] left, int[] right, float[] leaves, double bias)
    {
        TreeStart = treeStart;
        LeafStart = leafStart;
        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        Leaves = leaves;
        Bias = bias;
    }

    public int[] TreeStart { get; }

    public int[] LeafStart { get; }

    public int[] Feature { get; }

    public float[] Threshold { get; }

    public int[] Left { get; }

    public int[] Right { get; }

    /// <summary>Leaf values with each tree's weight folded in.</summary>
    public float[] Leaves { get; }

    public double Bias { get; }

    public int TreeCount => TreeStart.Length - 1;

    public static CompiledTreeEnsemble From(RegressionTreeEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var treeStart = new List<int> { 0 };
        var leafStart = new List<int> { 0 };
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new List<float>();
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            var weight = ensemble.TreeWeights[t];
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                throw new NotSupportedException("The ranker uses numeric features only; categorical splits are not compiled.");
            }

            feature.AddRange(tree.NumericalSplitFeatureIndexes);
            threshold.AddRange(tree.NumericalSplitThresholds);
            left.AddRange(tree.LeftChild);
            right.AddRange(tree.RightChild);
            leaves.AddRange(tree.LeafValues.Select(v => (float)(v * weight)));
            treeStart.Add(feature.Count);
            leafStart.Add(leaves.Count);
        }

        return new CompiledTreeEnsemble([.. treeStart], [.. leafStart], [.. feature], [.. threshold], [.. left], [.. right], [.. leaves], ensemble.Bias);
    }

    public float Score(ReadOnlySpan<float> features)
    {
        var sum = Bias;
        for (var t = 0; t < TreeStart.Length - 1; t++)
        {
            var offset = TreeStart[t];
            if (TreeStart[t + 1] == offset)
            {
                // A tree with a single leaf.
                sum += Leaves[LeafStart[t]];
                continue;
            }

            var node = 0;
            while (node >= 0)
            {
                var n = offset + node;
                node = features[Feature[n]] <= Threshold[n] ? Left[n] : Right[n];
            }

            sum += Leaves[LeafStart[t] + ~node];
        }

        return (float)sum;
    }
}
