using System.Numerics.Tensors;
using StreamingDemo.Recommender.Communities;

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
    /// <summary>EM steps of the fold-in (the weights settle within a few).</summary>
    public const int Steps = 8;

    /// <summary>Pseudo-titles drawn at the communities' sizes (the prior).</summary>
    public const float PriorTitles = 1f;

    /// <summary>Share of a community's viewing given to every title, so one title nobody in it watched does not rule it out.</summary>
    private const float Smoothing = 0.05f;

    private readonly float[][] shares;
    private readonly float[] prior;
    private readonly int titleCount;

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
