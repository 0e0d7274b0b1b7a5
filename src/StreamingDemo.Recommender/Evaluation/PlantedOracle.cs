using StreamingDemo.Domain;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender.Evaluation;

/// <summary>
/// Ranks by the planted ground truth: a profile's three planted communities, their micro-genre affinities, and the observed
/// popularity, combined the way the generator draws viewing. An upper reference, not a model. Two more references read the
/// planted communities off evidence instead of knowing a profile's memberships (docs/decisions/0034): the planted model's
/// reading of a newcomer's three picks (<see cref="RankFromPicks"/>), and the planted community a profile's titles point to
/// (<see cref="Dominant"/>). Both read with the oracle's own model of the world (title shares from micro-genre affinity and
/// observed popularity), so they are strong references, not bounds: a learned model can beat them.
/// </summary>
internal sealed class PlantedOracle
{
    /// <summary>Share of viewing drawn from a profile's communities; the rest follows overall popularity.</summary>
    private const float CommunityDraw = 0.85f;

    /// <summary>EM steps of <see cref="Dominant"/> (a profile's hundred-odd titles settle within these).</summary>
    private const int DominantSteps = 30;

    private readonly RecommenderModel model;
    private readonly Dictionary<int, (int Community, float Weight)[]> memberships;
    private readonly Dictionary<int, float[]> communityMass = [];
    private readonly float[] globalMass;
    private readonly PlantedCommunityInfo[] communities;

    /// <summary>Per community: its share of the planted memberships (+1), the prior of a draw.</summary>
    private readonly double[] communityPrior;

    /// <summary>Planted weight triples (heaviest first): the quantiles of the top weight × those of the second's share of the rest.</summary>
    private readonly (double First, double Second, double Third)[] weightPrior;

    public PlantedOracle(GroundTruth truth, RecommenderModel model)
    {
        this.model = model;
        memberships = truth.Memberships.GroupBy(m => m.ProfileId).ToDictionary(g => g.Key, g => g.Select(m => (m.CommunityId, m.Weight)).ToArray());
        var catalog = model.Catalog;
        var popularity = model.Popularity.AllTime;
        foreach (var community in truth.Communities)
        {
            var weights = truth.Affinities.Where(a => a.CommunityId == community.Id).ToDictionary(a => a.MicroGenreId, a => (double)a.Weight);
            var mass = new float[catalog.TitleCount];
            for (var t = 0; t < mass.Length; t++)
            {
                var title = catalog.Titles[t];
                if (title.IsKids != community.IsKids)
                {
                    continue;
                }

                var score = title.MicroGenreIds.Sum(tag => weights.GetValueOrDefault(tag));
                mass[t] = (float)(Math.Pow(1 + popularity[t], 0.6) * Math.Pow(0.03 + score, 2.2));
            }

            var sum = mass.Sum();
            communityMass[community.Id] = [.. mass.Select(m => sum > 0 ? m / sum : 0)];
        }

        var total = popularity.Sum();
        globalMass = [.. popularity.Select(p => total > 0 ? p / total : 0)];
        communities = [.. truth.Communities];
        var counts = truth.Memberships.GroupBy(m => m.CommunityId).ToDictionary(g => g.Key, g => g.Count());
        communityPrior = [.. communities.Select(c => counts.GetValueOrDefault(c.Id) + 1.0)];
        weightPrior = WeightPrior(memberships.Values);
    }


    private static readonly double[] FirstQuantiles = [0.1, 0.3, 0.5, 0.7, 0.9];
    private static readonly double[] SecondQuantiles = [0.125, 0.375, 0.625, 0.875];

    private static (double, double, double)[] WeightPrior(IEnumerable<(int Community, float Weight)[]> mixtures)
    {
        var triples = mixtures.Where(m => m.Length == 3).Select(m => m.Select(x => (double)x.Weight).OrderDescending().ToArray()).ToList();
        if (triples.Count == 0)
        {
            return [(1.0, 0.0, 0.0)];
        }

        static double Quantile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        var first = triples.Select(t => t[0]).Order().ToList();
        var second = triples.Select(t => t[1] / Math.Max(1e-9, t[1] + t[2])).Order().ToList();
        return [.. from a in FirstQuantiles.Select(q => Quantile(first, q))
                   from b in SecondQuantiles.Select(q => Quantile(second, q))
                   select (a, (1 - a) * b, (1 - a) * (1 - b))];
    }

    /// <summary>
    /// Ranks from a newcomer's picks alone: Bayes over the planted prior (three distinct communities drawn by their share of the
    /// memberships, weights from the planted quantiles), each pick drawn as the generator draws viewing; a title scores by the
    /// posterior expected mixture: what the picks say under the oracle's model of how the world was made.
    /// </summary>
    public int[] RankFromPicks(ProfileState state, IReadOnlyList<int> picks, int count)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(picks);
        var pool = Enumerable.Range(0, communities.Length).Where(c => communities[c].IsKids == state.IsKids).ToArray();
        var n = pool.Length;
        var prior = pool.Select(c => communityPrior[c]).ToArray();
        var priorTotal = prior.Sum();
        // like[i][a]: pick i drawn from community a; background[i]: drawn by overall popularity.
        var like = picks.Select(t => pool.Select(c => (double)CommunityDraw * communityMass[communities[c].Id][t]).ToArray()).ToArray();
        var background = picks.Select(t => (double)(1 - CommunityDraw) * globalMass[t]).ToArray();
        var expected = new double[n];
        var evidence = 0.0;
        for (var a = 0; a < n; a++)
        {
            var pa = prior[a] / priorTotal;
            for (var b = 0; b < n; b++)
            {
                if (b == a)
                {
                    continue;
                }

                var pb = pa * prior[b] / (priorTotal - prior[a]);
                for (var c = 0; c < n; c++)
                {
                    if (c == a || c == b)
                    {
                        continue;
                    }

                    var pc = pb * prior[c] / (priorTotal - prior[a] - prior[b]);
                    foreach (var (w1, w2, w3) in weightPrior)
                    {
                        var likelihood = pc / weightPrior.Length;
                        for (var i = 0; i < like.Length; i++)
                        {
                            likelihood *= background[i] + (w1 * like[i][a]) + (w2 * like[i][b]) + (w3 * like[i][c]);
                        }

                        evidence += likelihood;
                        expected[a] += likelihood * w1;
                        expected[b] += likelihood * w2;
                        expected[c] += likelihood * w3;
                    }
                }
            }
        }

        var mixture = new (int Community, float Weight)[n];
        for (var a = 0; a < n; a++)
        {
            mixture[a] = (communities[pool[a]].Id, evidence > 0 ? (float)(expected[a] / evidence) : (float)(prior[a] / priorTotal));
        }

        return RankByMixture(state, mixture, count);
    }

    /// <summary>
    /// The planted community a profile's titles point to most: its mixture over the planted communities by EM fold-in (each
    /// title shared among the communities by weight × planted share, a draw by overall popularity taking its part), heaviest wins.
    /// </summary>
    public int Dominant(ReadOnlySpan<int> titles)
    {
        var k = communities.Length;
        var priorTotal = communityPrior.Sum();
        var start = communityPrior.Select(p => p / priorTotal).ToArray();
        var weights = (double[])start.Clone();
        var next = new double[k];
        var responsibility = new double[k];
        for (var step = 0; step < DominantSteps; step++)
        {
            start.CopyTo(next, 0);
            var mass = 1.0;
            foreach (var t in titles)
            {
                var sum = 0.0;
                for (var c = 0; c < k; c++)
                {
                    responsibility[c] = weights[c] * CommunityDraw * communityMass[communities[c].Id][t];
                    sum += responsibility[c];
                }

                var total = sum + ((1 - CommunityDraw) * globalMass[t]);
                if (sum <= 0)
                {
                    continue;
                }

                for (var c = 0; c < k; c++)
                {
                    next[c] += responsibility[c] / total;
                }

                mass += sum / total;
            }

            for (var c = 0; c < k; c++)
            {
                weights[c] = next[c] / mass;
            }
        }

        var best = 0;
        for (var c = 1; c < k; c++)
        {
            if (weights[c] > weights[best])
            {
                best = c;
            }
        }

        return communities[best].Id;
    }

    public int[] Rank(int profileId, ProfileState state, int count) => RankByMixture(state, memberships.GetValueOrDefault(profileId, []), count);

    private int[] RankByMixture(ProfileState state, (int Community, float Weight)[] mixture, int count)
    {
        var scores = new float[model.Catalog.TitleCount];
        var skip = new bool[scores.Length];
        foreach (var title in state.Excluded)
        {
            skip[title] = true;
        }

        for (var t = 0; t < scores.Length; t++)
        {
            scores[t] = (1 - CommunityDraw) * globalMass[t];
        }

        foreach (var (community, weight) in mixture)
        {
            var mass = communityMass[community];
            for (var t = 0; t < scores.Length; t++)
            {
                scores[t] += CommunityDraw * weight * mass[t];
            }
        }

        return TopK.Select(scores, count, skip);
    }
}
