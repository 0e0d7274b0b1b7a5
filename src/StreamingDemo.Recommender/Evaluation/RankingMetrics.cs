namespace StreamingDemo.Recommender.Evaluation;

/// <summary>Top-K accuracy of one model, averaged over profiles with held-out items.</summary>
public sealed record ModelMetrics(string Name, double RecallAt10, double RecallAt20, double NdcgAt10, double HitRateAt10, double Coverage, int Profiles);

/// <summary>Accumulates per-profile ranking metrics (binary relevance).</summary>
internal sealed class RankingMetrics(string name, int catalogueSize)
{
    private readonly HashSet<int> recommended = [];
    private double recall10;
    private double recall20;
    private double ndcg10;
    private double hits10;
    private int profiles;

    public string Name { get; } = name;

    public void Add(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant)
    {
        if (relevant.Count == 0)
        {
            return;
        }

        profiles++;
        int hitsAt10 = 0, hitsAt20 = 0;
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(20, ranked.Count); i++)
        {
            if (i < 10)
            {
                recommended.Add(ranked[i]);
            }

            if (!relevant.Contains(ranked[i]))
            {
                continue;
            }

            hitsAt20++;
            if (i < 10)
            {
                hitsAt10++;
                dcg += 1.0 / Math.Log2(i + 2);
            }
        }

        var ideal = 0.0;
        for (var i = 0; i < Math.Min(10, relevant.Count); i++)
        {
            ideal += 1.0 / Math.Log2(i + 2);
        }

        recall10 += hitsAt10 / (double)relevant.Count;
        recall20 += hitsAt20 / (double)relevant.Count;
        ndcg10 += dcg / ideal;
        hits10 += hitsAt10 > 0 ? 1 : 0;
    }

    public ModelMetrics Result() => profiles == 0
        ? new ModelMetrics(Name, 0, 0, 0, 0, 0, 0)
        : new ModelMetrics(Name, recall10 / profiles, recall20 / profiles, ndcg10 / profiles, hits10 / profiles,
            recommended.Count / (double)Math.Max(1, catalogueSize), profiles);
}
