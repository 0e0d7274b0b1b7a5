using System.Numerics.Tensors;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Candidates;

/// <summary>
/// Latent factors for implicit feedback: weighted ALS (Hu, Koren, Volinsky 2008) solved with a few conjugate-gradient
/// steps per row (Takács et al. 2011), so a half-iteration costs O(nnz·k) instead of O(nnz·k²). The same solver folds a
/// new or changed profile in at request time (cold start, live feedback) without retraining.
/// See docs/decisions/0003-recommender-latent-factors.md.
/// </summary>
internal sealed class ImplicitFactorModel
{
    public ImplicitFactorModel(int factors, float regularization, float alpha, float[] itemFactors, float[] userFactors)
    {
        Factors = factors;
        Regularization = regularization;
        Alpha = alpha;
        ItemFactors = itemFactors;
        UserFactors = userFactors;
        ItemGram = Gram(itemFactors, factors, regularization);
    }

    public int Factors { get; }

    public float Regularization { get; }

    public float Alpha { get; }

    /// <summary>Titles × factors, row-major.</summary>
    public float[] ItemFactors { get; }

    /// <summary>Trained profiles × factors, row-major (in <see cref="InteractionMatrix"/> profile order).</summary>
    public float[] UserFactors { get; }

    /// <summary>YᵀY + λI, shared by every fold-in.</summary>
    public float[] ItemGram { get; }

    public int TitleCount => ItemFactors.Length / Factors;

    public ReadOnlySpan<float> Item(int title) => ItemFactors.AsSpan(title * Factors, Factors);

    public static ImplicitFactorModel Train(InteractionMatrix matrix, RecommenderOptions options, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var k = options.Factors;
        var random = new Random(options.Seed);
        var items = new float[matrix.TitleCount * k];
        var users = new float[matrix.ProfileCount * k];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (float)(random.NextDouble() - 0.5) * 0.1f;
        }

        for (var iteration = 0; iteration < options.AlsIterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            var steps = iteration == 0 ? k / 2 : 3;
            SolveSide(users, items, k, matrix.RowStart, matrix.Columns, matrix.Strengths, options, steps);
            SolveSide(items, users, k, matrix.ColumnStart, matrix.ColumnRows, matrix.ColumnStrengths, options, steps);
            progress?.Report((iteration + 1) / (double)options.AlsIterations);
        }

        return new ImplicitFactorModel(k, options.AlsRegularization, options.AlsAlpha, items, users);
    }

    /// <summary>Solves every row of <paramref name="target"/> against fixed <paramref name="fixedSide"/> factors.</summary>
    private static void SolveSide(float[] target, float[] fixedSide, int k, int[] start, int[] index, float[] strength, RecommenderOptions options, int steps)
    {
        var gram = Gram(fixedSide, k, options.AlsRegularization);
        var rows = start.Length - 1;
        Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new Scratch(k), (row, _, scratch) =>
        {
            var from = start[row];
            var count = start[row + 1] - from;
            var x = target.AsSpan(row * k, k);
            if (count == 0)
            {
                x.Clear();
                return scratch;
            }

            ConjugateGradient(x, fixedSide, k, gram, index.AsSpan(from, count), strength.AsSpan(from, count), options.AlsAlpha, steps, scratch);
            return scratch;
        }, _ => { });
    }

    /// <summary>Fold-in: the factor vector of a profile from its (title, strength) evidence, against the trained items.</summary>
    public float[] FoldIn(ReadOnlySpan<int> titles, ReadOnlySpan<float> strengths)
    {
        var x = new float[Factors];
        if (titles.Length > 0)
        {
            ConjugateGradient(x, ItemFactors, Factors, ItemGram, titles, strengths, Alpha, Factors, new Scratch(Factors));
        }

        return x;
    }

    /// <summary>Scores every title for a profile: the dot product of its factors with each title's.</summary>
    public void Score(ReadOnlySpan<float> user, Span<float> scores)
    {
        var k = Factors;
        var items = ItemFactors.AsSpan();
        for (var t = 0; t < scores.Length; t++)
        {
            scores[t] = TensorPrimitives.Dot(items.Slice(t * k, k), user);
        }
    }

    /// <summary>Cosine similarity of two titles in factor space (used to explain and to widen "Because you watched").</summary>
    public float Similarity(int a, int b)
    {
        var x = Item(a);
        var y = Item(b);
        return TensorPrimitives.CosineSimilarity(x, y);
    }

    private sealed class Scratch(int k)
    {
        public readonly float[] R = new float[k];
        public readonly float[] P = new float[k];
        public readonly float[] Ap = new float[k];
    }

    private static void ConjugateGradient(Span<float> x, float[] y, int k, float[] gram, ReadOnlySpan<int> index, ReadOnlySpan<float> strength, float alpha, int steps, Scratch s)
    {
        // r = b − A x with A = YᵀY + λI + Σ (c−1) y yᵀ and b = Σ c y (preference 1 on observed entries).
        var r = s.R.AsSpan();
        var p = s.P.AsSpan();
        var ap = s.Ap.AsSpan();
        MultiplyGram(gram, x, r, k);
        TensorPrimitives.Negate(r, r);
        for (var j = 0; j < index.Length; j++)
        {
            var yi = y.AsSpan(index[j] * k, k);
            var c = 1f + alpha * strength[j];
            var coefficient = c - (c - 1f) * TensorPrimitives.Dot(yi, x);
            TensorPrimitives.MultiplyAdd(yi, coefficient, r, r);
        }

        r.CopyTo(p);
        var rsOld = TensorPrimitives.Dot(r, r);
        for (var step = 0; step < steps && rsOld > 1e-10f; step++)
        {
            MultiplyGram(gram, p, ap, k);
            for (var j = 0; j < index.Length; j++)
            {
                var yi = y.AsSpan(index[j] * k, k);
                var c = 1f + alpha * strength[j];
                TensorPrimitives.MultiplyAdd(yi, (c - 1f) * TensorPrimitives.Dot(yi, p), ap, ap);
            }

            var a = rsOld / TensorPrimitives.Dot(p, ap);
            TensorPrimitives.MultiplyAdd(p, a, x, x);
            TensorPrimitives.MultiplyAdd(ap, -a, r, r);
            var rsNew = TensorPrimitives.Dot(r, r);
            TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
            rsOld = rsNew;
        }
    }

    private static void MultiplyGram(float[] gram, ReadOnlySpan<float> v, Span<float> result, int k)
    {
        for (var i = 0; i < k; i++)
        {
            result[i] = TensorPrimitives.Dot(gram.AsSpan(i * k, k), v);
        }
    }

    private static float[] Gram(float[] factors, int k, float regularization = 0f)
    {
        var rows = factors.Length / k;
        var gram = new double[k * k];
        for (var r = 0; r < rows; r++)
        {
            var f = factors.AsSpan(r * k, k);
            for (var i = 0; i < k; i++)
            {
                var fi = f[i];
                if (fi == 0)
                {
                    continue;
                }

                for (var j = 0; j < k; j++)
                {
                    gram[i * k + j] += fi * f[j];
                }
            }
        }

        var result = new float[k * k];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)gram[i];
        }

        for (var i = 0; i < k; i++)
        {
            result[i * k + i] += regularization;
        }

        return result;
    }
}
