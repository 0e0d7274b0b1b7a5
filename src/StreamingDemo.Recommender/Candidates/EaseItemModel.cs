using System.Numerics.Tensors;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Candidates;

/// <summary>
/// EASE (Steck 2019): a linear item–item model with a closed form, over the most-watched titles only so training stays a
/// few seconds on the large preset. With X the binary profile × title matrix restricted to those titles and
/// P = (XᵀX + λI)⁻¹, the weights are B = I − P·diag(1/diag(P)), i.e. B[i,j] = −P[i,j] / P[j,j] off the diagonal and 0 on
/// it; a profile scores title j by Σ over its watched titles i of min(1, strength(i))·B[i,j]. Titles outside the top N score 0.
/// See docs/decisions/0027-ease-generator-and-calibration.md.
/// </summary>
internal sealed class EaseItemModel
{
    public EaseItemModel(int titleCount, int[] items, float[] weights)
    {
        if (weights.Length != items.Length * items.Length)
        {
            throw new ArgumentException("EASE weights must be an N × N matrix over the N modelled titles.", nameof(weights));
        }

        Items = items;
        Weights = weights;
        Position = new int[titleCount];
        Array.Fill(Position, -1);
        for (var i = 0; i < items.Length; i++)
        {
            Position[items[i]] = i;
        }
    }

    /// <summary>Title indexes the model covers (most watched first).</summary>
    public int[] Items { get; }

    /// <summary>B, N × N row-major over <see cref="Items"/>: row i holds what watching title i says about every other title.</summary>
    public float[] Weights { get; }

    /// <summary>Per catalogue title, its row in <see cref="Weights"/>, or −1 when the model does not cover it.</summary>
    public int[] Position { get; }

    public int TitleCount => Position.Length;

    public static EaseItemModel Train(InteractionMatrix matrix, int maxItems, float regularization, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var rows = new int[matrix.ProfileCount][];
        for (var u = 0; u < rows.Length; u++)
        {
            rows[u] = matrix.Row(u).ToArray();
        }

        return Train(matrix.TitleCount, rows, maxItems, regularization, ct);
    }

    /// <summary>Fits the model on each profile's watched title indexes (binary: watched or not).</summary>
    public static EaseItemModel Train(int titles, IReadOnlyList<int[]> rows, int maxItems, float regularization, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = new int[titles];
        foreach (var row in rows)
        {
            foreach (var t in row)
            {
                counts[t]++;
            }
        }

        // The N most watched titles (ties by index), ones nobody watched left out: their rows would be all zero.
        var items = Enumerable.Range(0, titles).Where(t => counts[t] > 0).OrderByDescending(t => counts[t]).ThenBy(t => t)
            .Take(Math.Max(0, maxItems)).ToArray();
        var n = items.Length;
        var position = new int[titles];
        Array.Fill(position, -1);
        for (var i = 0; i < n; i++)
        {
            position[items[i]] = i;
        }

        // G = XᵀX + λI over the modelled titles, one profile's co-occurrences at a time.
        var g = new double[n * n];
        var modelled = new List<int>();
        foreach (var row in rows)
        {
            modelled.Clear();
            foreach (var t in row)
            {
                if (position[t] >= 0)
                {
                    modelled.Add(position[t]);
                }
            }

            foreach (var a in modelled)
            {
                var offset = a * n;
                foreach (var b in modelled)
                {
                    g[offset + b] += 1;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            g[i * n + i] += regularization;
        }

        Invert(g, n, ct);
        var weights = new float[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                weights[i * n + j] = i == j ? 0f : (float)(-g[i * n + j] / g[j * n + j]);
            }
        }

        return new EaseItemModel(titles, items, weights);
    }

    /// <summary>
    /// Inverts a symmetric positive definite matrix in place: Gauss–Jordan without pivoting (safe for SPD, and λ &gt; 0 makes
    /// XᵀX + λI SPD), one vectorised row update per (pivot, row), rows in parallel.
    /// </summary>
    internal static void Invert(double[] a, int n, CancellationToken ct = default)
    {
        for (var k = 0; k < n; k++)
        {
            ct.ThrowIfCancellationRequested();
            var pivot = a[k * n + k];
            if (!(pivot > 0))
            {
                throw new ArgumentException("The matrix is not positive definite.", nameof(a));
            }

            a[k * n + k] = 1;
            var pivotRow = a.AsSpan(k * n, n);
            TensorPrimitives.Divide(pivotRow, pivot, pivotRow);
            var kk = k;
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                if (i == kk)
                {
                    return;
                }

                var factor = a[i * n + kk];
                if (factor == 0)
                {
                    return;
                }

                a[i * n + kk] = 0;
                var target = a.AsSpan(i * n, n);
                TensorPrimitives.MultiplyAdd(a.AsSpan(kk * n, n), -factor, target, target);
            });
        }
    }

    /// <summary>
    /// Scores every catalogue title for a profile that watched <paramref name="titles"/>, each row of B weighted by
    /// min(1, evidence strength): B is fitted on binary viewing and a title watched through counts 1 as it did there, but a
    /// ten-second play (strength 0.46) must not say as much as a pick (the continuity rule of docs/decisions/0016).
    /// </summary>
    public void Score(ReadOnlySpan<int> titles, ReadOnlySpan<float> strengths, Span<float> scores)
    {
        scores.Clear();
        var n = Items.Length;
        if (n == 0)
        {
            return;
        }

        Span<float> sums = n <= 4096 ? stackalloc float[n] : new float[n];
        sums.Clear();
        for (var k = 0; k < titles.Length; k++)
        {
            var i = Position[titles[k]];
            if (i >= 0)
            {
                TensorPrimitives.MultiplyAdd(Weights.AsSpan(i * n, n), Math.Min(1f, strengths[k]), sums, sums);
            }
        }

        for (var j = 0; j < n; j++)
        {
            scores[Items[j]] = sums[j];
        }
    }
}
