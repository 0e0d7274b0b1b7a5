using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Candidates;

/// <summary>
/// Item-to-item co-viewing: for each title, the titles most often watched by the same profiles (cosine on binary
/// co-occurrence with shrinkage), kept as a short neighbour list. Scores a profile by summing neighbours of what it watched.
/// </summary>
internal sealed class CoViewingNeighbours
{
    private const float Shrinkage = 10f;

    public CoViewingNeighbours(int[][] neighbours, float[][] similarities)
    {
        Neighbours = neighbours;
        Similarities = similarities;
    }

    public int[][] Neighbours { get; }

    public float[][] Similarities { get; }

    public static CoViewingNeighbours Train(InteractionMatrix matrix, int keep, CancellationToken ct = default)
    {
        var titles = matrix.TitleCount;
        var counts = new int[titles];
        for (var t = 0; t < titles; t++)
        {
            counts[t] = matrix.ColumnStart[t + 1] - matrix.ColumnStart[t];
        }

        var neighbours = new int[titles][];
        var similarities = new float[titles][];
        Parallel.For(0, titles, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            () => new float[titles], (t, _, co) =>
            {
                Array.Clear(co);
                for (var k = matrix.ColumnStart[t]; k < matrix.ColumnStart[t + 1]; k++)
                {
                    foreach (var other in matrix.Row(matrix.ColumnRows[k]))
                    {
                        co[other] += 1f;
                    }
                }

                co[t] = 0;
                for (var j = 0; j < titles; j++)
                {
                    if (co[j] > 0)
                    {
                        co[j] /= MathF.Sqrt((float)counts[t] * counts[j]) + Shrinkage;
                    }
                }

                var top = TopK.Select(co, keep);
                var kept = top.Where(j => co[j] > 0).ToArray();
                neighbours[t] = kept;
                similarities[t] = [.. kept.Select(j => co[j])];
                return co;
            }, _ => { });
        return new CoViewingNeighbours(neighbours, similarities);
    }

    public void Score(ReadOnlySpan<int> titles, ReadOnlySpan<float> strengths, Span<float> scores)
    {
        scores.Clear();
        for (var i = 0; i < titles.Length; i++)
        {
            var weight = strengths[i];
            var list = Neighbours[titles[i]];
            var sims = Similarities[titles[i]];
            for (var j = 0; j < list.Length; j++)
            {
                scores[list[j]] += weight * sims[j];
            }
        }
    }
}
