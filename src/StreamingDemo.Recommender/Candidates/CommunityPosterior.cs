using System.Numerics.Tensors;
using StreamingDemo.Recommender.Communities;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Candidates;

/// <summary>
/// A profile's mixture over the taste communities, read from the titles it watched rather than from its micro-genre shares,
/// and the titles that mixture predicts (docs/decisions/0029). Each community is a distribution over titles (its members'
/// viewing); a profile is a mixture of communities, each watched title drawn from one of them. A few steps of EM fold the
/// profile in: every title shares itself among the communities in proportion to weight × how much that community watches it,
/// and the weights become those shares (plus one pseudo-title at the communities' overall sizes, so three picks cannot
/// collapse onto one community on a single title). A title then scores Σ weight × the community's share of viewing.
/// Three picks from one community's core agree on it; a micro-genre cosine to a centroid sees only their tags.
/// </summary>
internal sealed class CommunityPosterior
{
    /// <summary>
    /// EM passes over the whole matrix that refine the communities' title distributions. On demo 2 / 5 / 10 / 20 passes gave
    /// the system ÷ oracle NDCG@10 0.89 / 0.91 / 0.92 / 0.91 and cold start ÷ most-popular NDCG@10 1.64 / 1.65 / 1.64 / 1.62
    /// (docs/BENCHMARKS.md, "Issue 7, third round"): more passes fit warm profiles better and three-pick fold-ins worse.
    /// </summary>
    public const int RefinementPasses = 5;

    /// <summary>EM steps of the fold-in (the weights settle within a few).</summary>
    public const int Steps = 8;

    /// <summary>Pseudo-titles drawn at the communities' sizes (the prior).</summary>
    public const float PriorTitles = 1f;

    /// <summary>Share of a community's viewing given to every title, so one title nobody in it watched does not rule it out.</summary>
    private const float Smoothing = 0.05f;

    private readonly float[][] shares;
    private readonly float[] prior;
    private readonly int titleCount;

    /// <summary>
    /// Refines the communities' title distributions on the interaction matrix itself (EM for a mixture of title distributions,
    /// pLSA), starting from the learned communities' viewing: each profile's titles are shared among the communities by
    /// weight × share, and each community's share of a title becomes what it was given. No random start: it begins at the
    /// community model, so the same data give the same distributions in every process.
    /// </summary>
    public static CommunityPosterior Train(InteractionMatrix matrix, TasteCommunityModel communities, int iterations, CancellationToken ct = default)
    {
        var start = new CommunityPosterior(communities, matrix.TitleCount);
        var k = start.shares.Length;
        if (k == 0 || iterations <= 0)
        {
            return start;
        }

        var titles = matrix.TitleCount;
        // Title-major copy of the shares for the E-step: the k shares of one title side by side.
        var byTitle = new float[titles * k];
        for (var c = 0; c < k; c++)
        {
            for (var t = 0; t < titles; t++)
            {
                byTitle[t * k + c] = start.shares[c][t];
            }
        }

        var profiles = matrix.ProfileCount;
        var weights = new float[profiles * k];
        for (var u = 0; u < profiles; u++)
        {
            start.prior.CopyTo(weights.AsSpan(u * k, k));
        }

        // A fixed number of chunks, summed in order: the result does not depend on how many cores run it.
        const int chunks = 8;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            ct.ThrowIfCancellationRequested();
            var counts = new float[chunks][];
            Parallel.For(0, chunks, chunk =>
            {
                var local = counts[chunk] = new float[titles * k];
                var r = new float[k];
                var next = new float[k];
                for (var u = chunk; u < profiles; u += chunks)
                {
                    var theta = weights.AsSpan(u * k, k);
                    next.AsSpan().Clear();
                    var mass = 0f;
                    for (var j = matrix.RowStart[u]; j < matrix.RowStart[u + 1]; j++)
                    {
                        var amount = Math.Min(1f, matrix.Strengths[j]);
                        var t = matrix.Columns[j];
                        TensorPrimitives.Multiply(theta, byTitle.AsSpan(t * k, k), r);
                        var sum = TensorPrimitives.Sum(r);
                        if (amount <= 0 || sum <= 0)
                        {
                            continue;
                        }

                        TensorPrimitives.Multiply(r, amount / sum, r);
                        TensorPrimitives.Add(next, r, next);
                        var cell = local.AsSpan(t * k, k);
                        TensorPrimitives.Add(cell, r, cell);
                        mass += amount;
                    }

                    if (mass > 0)
                    {
                        TensorPrimitives.Multiply(start.prior, PriorTitles, r);
                        TensorPrimitives.Add(next, r, next);
                        TensorPrimitives.Divide(next, mass + PriorTitles, theta);
                    }
                }
            });

            var total = counts[0];
            for (var chunk = 1; chunk < chunks; chunk++)
            {
                TensorPrimitives.Add(total, counts[chunk], total);
            }

            var columnSums = new float[k];
            for (var t = 0; t < titles; t++)
            {
                TensorPrimitives.Add(columnSums, total.AsSpan(t * k, k), columnSums);
            }

            var uniform = Smoothing / Math.Max(1, titles);
            for (var t = 0; t < titles; t++)
            {
                for (var c = 0; c < k; c++)
                {
                    byTitle[t * k + c] = (columnSums[c] > 0 ? (1 - Smoothing) * total[t * k + c] / columnSums[c] : 0) + uniform;
                }
            }
        }

        var shares = new float[k][];
        for (var c = 0; c < k; c++)
        {
            shares[c] = new float[titles];
            for (var t = 0; t < titles; t++)
            {
                shares[c][t] = byTitle[t * k + c];
            }
        }

        var sizes = new float[k];
        for (var u = 0; u < profiles; u++)
        {
            if (matrix.RowStart[u + 1] > matrix.RowStart[u])
            {
                TensorPrimitives.Add(sizes, weights.AsSpan(u * k, k), sizes);
            }
        }

        var sizeTotal = TensorPrimitives.Sum(sizes);
        return new CommunityPosterior(shares, [.. sizes.Select(s => sizeTotal > 0 ? (s + 1f / k) / (sizeTotal + 1f) : 1f / k)], titles);
    }

    private CommunityPosterior(float[][] shares, float[] prior, int titleCount)
    {
        this.shares = shares;
        this.prior = prior;
        this.titleCount = titleCount;
    }

    public CommunityPosterior(TasteCommunityModel communities, int titleCount)
    {
        ArgumentNullException.ThrowIfNull(communities);
        this.titleCount = titleCount;
        var uniform = Smoothing / Math.Max(1, titleCount);
        shares = new float[communities.Count][];
        for (var c = 0; c < communities.Count; c++)
        {
            var popularity = communities.Popularity[c];
            var sum = TensorPrimitives.Sum(popularity);
            var share = new float[titleCount];
            for (var t = 0; t < titleCount; t++)
            {
                share[t] = (sum > 0 ? (1 - Smoothing) * popularity[t] / sum : 0) + uniform;
            }

            shares[c] = share;
        }

        var sizes = communities.Communities.Select(c => c.Size + 1f).ToArray();
        var total = sizes.Sum();
        prior = [.. sizes.Select(s => s / total)];
    }

    public int Count => shares.Length;

    /// <summary>The profile's weight per community (sums to 1; the prior without evidence). Titles count min(1, strength), as in EASE.</summary>
    public float[] Weights(ReadOnlySpan<int> titles, ReadOnlySpan<float> strengths)
    {
        var weights = (float[])prior.Clone();
        if (titles.Length == 0 || shares.Length == 0)
        {
            return weights;
        }

        var responsibility = new float[shares.Length];
        var next = new float[shares.Length];
        for (var step = 0; step < Steps; step++)
        {
            TensorPrimitives.Multiply(prior, PriorTitles, next);
            var mass = PriorTitles;
            for (var i = 0; i < titles.Length; i++)
            {
                var amount = Math.Min(1f, strengths[i]);
                if (amount <= 0)
                {
                    continue;
                }

                for (var c = 0; c < shares.Length; c++)
                {
                    responsibility[c] = weights[c] * shares[c][titles[i]];
                }

                var sum = TensorPrimitives.Sum(responsibility);
                if (sum <= 0)
                {
                    continue;
                }

                TensorPrimitives.MultiplyAdd(responsibility, amount / sum, next, next);
                mass += amount;
            }

            TensorPrimitives.Divide(next, mass, weights);
        }

        return weights;
    }

    /// <summary>
    /// A profile's three heaviest communities with their weights renormalised to sum to 1 (ties to the lower index): the
    /// communities the site names for the profile (docs/decisions/0034). Empty without titles.
    /// </summary>
    public static (int Community, float Weight)[] Strongest(ReadOnlySpan<float> weights, bool hasTitles)
    {
        if (!hasTitles || weights.Length == 0)
        {
            return [];
        }

        var copy = weights.ToArray();
        var order = Enumerable.Range(0, copy.Length).ToArray();
        Array.Sort(order, (a, b) => copy[b] != copy[a] ? copy[b].CompareTo(copy[a]) : a.CompareTo(b));
        var top = order.Take(3).ToArray();
        var sum = top.Sum(c => copy[c]);
        return [.. top.Select(c => (c, sum > 0 ? copy[c] / sum : 1f / top.Length))];
    }

    /// <summary>Writes Σ weight × share of viewing per title, times the catalogue size (1 on average over titles).</summary>
    public void Score(ReadOnlySpan<float> weights, Span<float> scores)
    {
        scores.Clear();
        for (var c = 0; c < shares.Length; c++)
        {
            if (weights[c] > 1e-4f)
            {
                TensorPrimitives.MultiplyAdd(shares[c], weights[c] * titleCount, scores, scores);
            }
        }
    }
}
