using System.Numerics.Tensors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Communities;

/// <summary>One learned taste community: its centroid over micro-genres and what makes it readable.</summary>
internal sealed record TasteCommunity(int Id, string Name, int Size, (int Tag, float Strength)[] DistinguishingTags, int[] InfluentialProfileIds);

/// <summary>
/// Taste communities learned with ML.NET KMeans (k-means++ init, seeded) over each profile's micro-genre taste (its tag shares
/// at unit length). A profile belongs to its three nearest communities, weighted by a softmax of distance.
/// Community popularity (all-time and recent) is the membership-weighted viewing of members.
/// </summary>
internal sealed class TasteCommunityModel
{
    public TasteCommunityModel(float[][] centroids, float temperature, TasteCommunity[] communities, float[][] popularity, float[][] trending)
    {
        Centroids = centroids;
        Temperature = temperature;
        Communities = communities;
        Popularity = popularity;
        Trending = trending;
        PopularityOrder = [.. popularity.Select(Order)];
        TrendingOrder = [.. trending.Select(Order)];
    }

    public float[][] Centroids { get; }

    public float Temperature { get; }

    public TasteCommunity[] Communities { get; }

    /// <summary>Per community: share of members' positive evidence per title, scaled so the top title is 1.</summary>
    public float[][] Popularity { get; }

    /// <summary>Per community: like <see cref="Popularity"/> over the recent window only.</summary>
    public float[][] Trending { get; }

    public int[][] PopularityOrder { get; }

    public int[][] TrendingOrder { get; }

    public int Count => Centroids.Length;

    /// <summary>
    /// The taste vector KMeans clusters: the profile's share of evidence per micro-genre at unit length, so clusters follow the
    /// mix of micro-genres rather than how much a profile watches. (Measured against planted data, this beat square-root and
    /// lift transforms: docs/decisions/0012-recommender-taste-communities.md.)
    /// </summary>
    public static float[] TasteVector(float[] affinity)
    {
        var v = (float[])affinity.Clone();
        var norm = TensorPrimitives.Norm(v);
        if (norm > 0)
        {
            TensorPrimitives.Divide(v, norm, v);
        }

        return v;
    }

    /// <summary>The three strongest communities of a taste vector with weights summing to 1.</summary>
    public (int Community, float Weight)[] Memberships(float[] taste) => Memberships(taste, Centroids, Temperature);

    public int Nearest(float[] taste) => Memberships(taste)[0].Community;

    private static (int, float)[] Memberships(float[] taste, float[][] centroids, float temperature)
    {
        var distances = new float[centroids.Length];
        for (var c = 0; c < centroids.Length; c++)
        {
            distances[c] = TensorPrimitives.Distance(taste, centroids[c]);
            distances[c] *= distances[c];
        }

        var order = Enumerable.Range(0, centroids.Length).OrderBy(c => distances[c]).ThenBy(c => c).Take(3).ToArray();
        var min = distances[order[0]];
        var weights = order.Select(c => MathF.Exp(-(distances[c] - min) / temperature)).ToArray();
        var sum = weights.Sum();
        return [.. order.Select((c, i) => (c, weights[i] / sum))];
    }

    public static TasteCommunityModel Train(InteractionMatrix matrix, CatalogIndex catalog, MicroGenreAffinity tags,
        IReadOnlyList<InfluenceEdgeInfo> edges, RecommenderOptions options, out (int Community, float Weight)[][] memberships)
    {
        var tagCount = catalog.TagCount;
        var tastes = new float[matrix.ProfileCount][];
        for (var u = 0; u < matrix.ProfileCount; u++)
        {
            tastes[u] = TasteVector(tags.ProfileAffinity(matrix.Row(u), matrix.RowStrengths(u)));
        }

        var active = Enumerable.Range(0, matrix.ProfileCount).Where(u => matrix.RowStart[u + 1] > matrix.RowStart[u]).ToArray();
        var k = options.Communities > 0 ? options.Communities : ChooseCount(active.Length, tagCount);
        k = Math.Max(1, Math.Min(k, Math.Max(1, active.Length)));

        // k-means++ depends on its start; like scikit-learn's n_init, keep the best of a few seeded restarts (lowest
        // within-community squared distance).
        float[][] centroids = [];
        var best = double.MaxValue;
        for (var restart = 0; restart < Math.Max(1, options.CommunityRestarts); restart++)
        {
            var ml = new MLContext(seed: options.Seed + restart);
            var schema = SchemaDefinition.Create(typeof(TasteRow));
            schema[nameof(TasteRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, tagCount);
            var data = ml.Data.LoadFromEnumerable(active.Select(u => new TasteRow { Features = tastes[u] }), schema);
            var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = nameof(TasteRow.Features),
                NumberOfClusters = k,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                MaximumNumberOfIterations = 200,
                NumberOfThreads = 1, // one thread keeps the result reproducible
            });
            var model = trainer.Fit(data).Model;
            VBuffer<float>[] buffers = [];
            model.GetClusterCentroids(ref buffers, out var clusters);
            var candidate = buffers.Take(clusters).Select(b => b.DenseValues().ToArray()).ToArray();
            var inertia = active.Sum(u => (double)candidate.Min(c => { var d = TensorPrimitives.Distance(tastes[u], c); return d * d; }));
            if (inertia < best)
            {
                best = inertia;
                centroids = candidate;
            }
        }

        return FromCentroids(matrix, catalog, edges, options, tastes, active, centroids, null, out memberships);
    }

    /// <summary>Rebuilds memberships, popularity and descriptions from known centroids (a persisted model).</summary>
    public static TasteCommunityModel FromCentroids(InteractionMatrix matrix, CatalogIndex catalog, MicroGenreAffinity tags,
        IReadOnlyList<InfluenceEdgeInfo> edges, RecommenderOptions options, float[][] centroids, float temperature, out (int Community, float Weight)[][] memberships)
    {
        var tastes = new float[matrix.ProfileCount][];
        for (var u = 0; u < matrix.ProfileCount; u++)
        {
            tastes[u] = TasteVector(tags.ProfileAffinity(matrix.Row(u), matrix.RowStrengths(u)));
        }

        var active = Enumerable.Range(0, matrix.ProfileCount).Where(u => matrix.RowStart[u + 1] > matrix.RowStart[u]).ToArray();
        return FromCentroids(matrix, catalog, edges, options, tastes, active, centroids, temperature, out memberships);
    }

    private static TasteCommunityModel FromCentroids(InteractionMatrix matrix, CatalogIndex catalog, IReadOnlyList<InfluenceEdgeInfo> edges,
        RecommenderOptions options, float[][] tastes, int[] active, float[][] centroids, float? knownTemperature, out (int Community, float Weight)[][] memberships)
    {
        var clusters = centroids.Length;

        // Temperature: the typical squared distance to the nearest centroid, so weights are scale-free.
        var nearest = knownTemperature is not null ? [] : active.Select(u => centroids.Min(c => { var d = TensorPrimitives.Distance(tastes[u], c); return d * d; })).Order().ToArray();
        var temperature = knownTemperature ?? (nearest.Length == 0 ? 1f : Math.Max(1e-4f, nearest[nearest.Length / 2]));

        memberships = new (int, float)[matrix.ProfileCount][];
        var sizes = new int[clusters];
        var population = new float[clusters][];
        var recent = new float[clusters][];
        for (var c = 0; c < clusters; c++)
        {
            population[c] = new float[catalog.TitleCount];
            recent[c] = new float[catalog.TitleCount];
        }

        var recentFrom = catalog.AsOf.AddDays(-options.TrendingDays);
        for (var u = 0; u < matrix.ProfileCount; u++)
        {
            if (matrix.RowStart[u + 1] == matrix.RowStart[u])
            {
                memberships[u] = [];
                continue;
            }

            memberships[u] = Memberships(tastes[u], centroids, temperature);
            sizes[memberships[u][0].Item1]++;
            foreach (var (c, w) in memberships[u])
            {
                for (var j = matrix.RowStart[u]; j < matrix.RowStart[u + 1]; j++)
                {
                    population[c][matrix.Columns[j]] += w;
                    if (matrix.LastAt[j] >= recentFrom)
                    {
                        recent[c][matrix.Columns[j]] += w;
                    }
                }
            }
        }

        foreach (var array in population.Concat(recent))
        {
            var max = array.Length == 0 ? 0 : TensorPrimitives.Max(array);
            if (max > 0)
            {
                TensorPrimitives.Divide(array, max, array);
            }
        }

        var communities = Describe(centroids, sizes, catalog, memberships, matrix, edges);
        return new TasteCommunityModel(centroids, temperature, communities, population, recent);
    }

    /// <summary>
    /// Without a configured count: about one community per hundred active profiles (big enough to describe and to have
    /// influencers), at most 64 so names stay distinct and the page can say "Trending in …" meaningfully.
    /// </summary>
    private static int ChooseCount(int profiles, int tags) => Math.Clamp(profiles / 100, 4, Math.Max(4, Math.Min(64, tags)));

    private static TasteCommunity[] Describe(float[][] centroids, int[] sizes, CatalogIndex catalog, (int, float)[][] memberships,
        InteractionMatrix matrix, IReadOnlyList<InfluenceEdgeInfo> edges)
    {
        var tagCount = catalog.TagCount;
        var mean = new float[tagCount];
        var total = 0;
        for (var c = 0; c < centroids.Length; c++)
        {
            TensorPrimitives.MultiplyAdd(centroids[c], sizes[c], mean, mean);
            total += sizes[c];
        }

        if (total > 0)
        {
            TensorPrimitives.Divide(mean, total, mean);
        }

        // Influence: weighted out-edges towards fellow members, counted per community of the influencer's dominant taste.
        var influence = new Dictionary<int, float>();
        var dominant = new Dictionary<int, int>();
        for (var u = 0; u < matrix.ProfileCount; u++)
        {
            if (memberships[u].Length > 0)
            {
                dominant[matrix.ProfileIds[u]] = memberships[u][0].Item1;
            }
        }

        foreach (var edge in edges)
        {
            if (dominant.TryGetValue(edge.FromProfileId, out var from) && dominant.TryGetValue(edge.ToProfileId, out var to) && from == to)
            {
                influence[edge.FromProfileId] = influence.GetValueOrDefault(edge.FromProfileId) + edge.Weight;
            }
        }

        var influential = influence.GroupBy(p => dominant[p.Key])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(5).Select(p => p.Key).ToArray());

        var result = new TasteCommunity[centroids.Length];
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < centroids.Length; c++)
        {
            var distinguishing = Enumerable.Range(0, tagCount)
                .Select(m => (Tag: m, Strength: centroids[c][m] * centroids[c][m] * MathF.Log(Math.Max(1.0001f, (centroids[c][m] + 1e-3f) / (mean[m] + 1e-3f)))))
                .Where(x => x.Strength > 0)
                .OrderByDescending(x => x.Strength).ThenBy(x => x.Tag).Take(3).ToArray();
            var name = distinguishing.Length == 0 ? $"Community {c + 1}" : catalog.MicroGenres[distinguishing[0].Tag].Name;
            if (!usedNames.Add(name) && distinguishing.Length > 1)
            {
                name = $"{name} & {catalog.MicroGenres[distinguishing[1].Tag].Name}";
                usedNames.Add(name);
            }

            result[c] = new TasteCommunity(c, name, sizes[c], distinguishing, influential.GetValueOrDefault(c, []));
        }

        return result;
    }

    private static int[] Order(float[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(order, (a, b) => values[b] != values[a] ? values[b].CompareTo(values[a]) : a.CompareTo(b));
        return order;
    }

    private sealed class TasteRow
    {
        public float[] Features { get; set; } = [];
    }
}
