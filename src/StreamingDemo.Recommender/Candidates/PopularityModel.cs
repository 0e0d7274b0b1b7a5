using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Candidates;

/// <summary>
/// Non-personalised signals: all-time popularity (the most-popular baseline), recent popularity, and "new and trending"
/// (recent viewing plus a boost for titles added recently).
/// </summary>
internal sealed class PopularityModel
{
    public PopularityModel(float[] allTime, float[] recent, float[] ageDays, int newReleaseDays)
    {
        AllTime = allTime;
        Recent = recent;
        AgeDays = ageDays;
        NewReleaseDays = newReleaseDays;
        LogPopularity = [.. allTime.Select(c => MathF.Log(1 + c))];
        Trending = new float[allTime.Length];
        for (var t = 0; t < allTime.Length; t++)
        {
            var novelty = Math.Max(0f, 1f - ageDays[t] / Math.Max(1, newReleaseDays));
            Trending[t] = MathF.Log(1 + recent[t]) + 2f * novelty;
        }

        Percentile = Percentiles(allTime);
        MostPopular = Order(allTime);
        TrendingOrder = Order(Trending);
        RecentOrder = Order(recent);
    }

    public float[] AllTime { get; }

    public float[] Recent { get; }

    public float[] AgeDays { get; }

    public int NewReleaseDays { get; }

    public float[] LogPopularity { get; }

    public float[] Trending { get; }

    /// <summary>0..1: share of titles less popular than this one.</summary>
    public float[] Percentile { get; }

    public int[] MostPopular { get; }

    public int[] TrendingOrder { get; }

    public int[] RecentOrder { get; }

    public static PopularityModel Train(InteractionMatrix matrix, CatalogIndex catalog, int trendingDays, int newReleaseDays)
    {
        var allTime = new float[matrix.TitleCount];
        var recent = new float[matrix.TitleCount];
        var recentFrom = catalog.AsOf.AddDays(-trendingDays);
        for (var k = 0; k < matrix.Columns.Length; k++)
        {
            allTime[matrix.Columns[k]] += 1f;
            if (matrix.LastAt[k] >= recentFrom)
            {
                recent[matrix.Columns[k]] += 1f;
            }
        }

        var age = new float[matrix.TitleCount];
        for (var t = 0; t < age.Length; t++)
        {
            age[t] = (float)Math.Max(0, (catalog.AsOf - catalog.Titles[t].AddedAt).TotalDays);
        }

        return new PopularityModel(allTime, recent, age, newReleaseDays);
    }

    private static int[] Order(float[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(order, (a, b) => values[b] != values[a] ? values[b].CompareTo(values[a]) : a.CompareTo(b));
        return order;
    }

    private static float[] Percentiles(float[] values)
    {
        var order = Order(values);
        var result = new float[values.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            result[order[rank]] = order.Length <= 1 ? 1f : 1f - rank / (float)(order.Length - 1);
        }

        return result;
    }
}
