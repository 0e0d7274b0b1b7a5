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
/// at unit length). KMeans places a profile in its three nearest communities, weighted by a softmax of distance; the trained
/// model then regroups every profile by its mixture read off its titles (<see cref="Candidates.CommunityPosterior"/>,
/// docs/decisions/0034), and a profile with no titles keeps the KMeans placement.
/// Community popularity (all-time and recent) is the membership-weighted viewing of members.
/// </summary>
internal sealed class TasteCommunityModel
{
    public TasteCommunityModel(float[][] centroids, float temperature, TasteCommunity[] communities, float[][] popularity, float[][] trending,
        float[][]? tasteProfiles = null)
    {
        Centroids = centroids;
        TasteProfiles = tasteProfiles ?? centroids;
        Temperature = temperature;
        Communities = communities;
        Popularity = popularity;
        Trending = trending;
        PopularityOrder = [.. popularity.Select(Order)];
        TrendingOrder = [.. trending.Select(Order)];
    }

    /// <summary>KMeans centroids: how a profile with no titles (story choices only) is placed, and what a saved model keeps.</summary>
    public float[][] Centroids { get; }

    /// <summary>Per community: its members' membership-weighted mean taste vector (unit length), which names and maps it.</summary>
    public float[][] TasteProfiles { get; }

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

    /// <summary>The KMeans communities nearest a profile's story-choice leanings: how a profile with no titles is placed (0034).</summary>
    public (int Community, float Weight)[] NearestToLeanings(MicroGenreAffinity tags, IReadOnlyDictionary<int, float> leanings)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return Memberships(TasteVector(tags.ProfileAffinity([], [], leanings)), Centroids, Temperature);
    }

    /// <summary>The three nearest centroids of a taste vector, weighted by a softmax of distance (summing to 1).</summary>
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
        // Temperature: the typical squared distance to the nearest centroid, so weights are scale-free.
        var nearest = knownTemperature is not null ? [] : active.Select(u => centroids.Min(c => { var d = TensorPrimitives.Distance(tastes[u], c); return d * d; })).Order().ToArray();
        var temperature = knownTemperature ?? (nearest.Length == 0 ? 1f : Math.Max(1e-4f, nearest[nearest.Length / 2]));

        memberships = new (int, float)[matrix.ProfileCount][];
        for (var u = 0; u < matrix.ProfileCount; u++)
        {
            memberships[u] = matrix.RowStart[u + 1] == matrix.RowStart[u] ? [] : Memberships(tastes[u], centroids, temperature);
        }

        return Summarise(matrix, catalog, edges, options, tastes, centroids, temperature, memberships);
    }

    /// <summary>
    /// The same communities (centroids, temperature) with the profiles regrouped by other memberships: sizes, popularity,
    /// trending, names and influencers follow the given memberships (docs/decisions/0034: the mixture read off the titles).
    /// </summary>
    public TasteCommunityModel Regroup(InteractionMatrix matrix, CatalogIndex catalog, MicroGenreAffinity tags, IReadOnlyList<InfluenceEdgeInfo> edges,
        RecommenderOptions options, (int Community, float Weight)[][] memberships)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(memberships);
        var tastes = new float[matrix.ProfileCount][];
        for (var u = 0; u < matrix.ProfileCount; u++)
        {
            tastes[u] = TasteVector(tags.ProfileAffinity(matrix.Row(u), matrix.RowStrengths(u)));
        }

        return Summarise(matrix, catalog, edges, options, tastes, Centroids, Temperature, memberships);
    }

    private static TasteCommunityModel Summarise(InteractionMatrix matrix, CatalogIndex catalog, IReadOnlyList<InfluenceEdgeInfo> edges,
        RecommenderOptions options, float[][] tastes, float[][] centroids, float temperature, (int Community, float Weight)[][] memberships)
    {
        var clusters = centroids.Length;
        var sizes = new int[clusters];
        var population = new float[clusters][];
        var recent = new float[clusters][];
        // What the members' tastes look like (membership-weighted mean taste vector): names and the atlas describe the
        // profiles a community holds, whichever reading grouped them.
        var profile = new float[clusters][];
        for (var c = 0; c < clusters; c++)
        {
            population[c] = new float[catalog.TitleCount];
            recent[c] = new float[catalog.TitleCount];
            profile[c] = new float[catalog.TagCount];
        }

        var recentFrom = catalog.AsOf.AddDays(-options.TrendingDays);
        for (var u = 0; u < matrix.ProfileCount; u++)
        {
            if (memberships[u].Length == 0)
            {
                continue;
            }

            sizes[memberships[u][0].Community]++;
            foreach (var (c, w) in memberships[u])
            {
                TensorPrimitives.MultiplyAdd(tastes[u], w, profile[c], profile[c]);
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

        for (var c = 0; c < clusters; c++)
        {
            // A community no profile holds keeps its centroid as its description.
            profile[c] = TensorPrimitives.Norm(profile[c]) > 0 ? TasteVector(profile[c]) : centroids[c];
        }

        var communities = Describe(profile, sizes, catalog, memberships, matrix, edges);
        return new TasteCommunityModel(centroids, temperature, communities, population, recent, profile);
    }

    /// <summary>
    /// Without a configured count: about one community per hundred active profiles (big enough to describe and to have
    /// influencers), at most 64 so names stay distinct and the page can say "Trending in …" meaningfully.
    /// </summary>
    private static int ChooseCount(int profiles, int tags) => Math.Clamp(profiles / 100, 4, Math.Max(4, Math.Min(64, tags)));

    private static TasteCommunity[] Describe(float[][] centroids, int[] sizes, CatalogIndex catalog, (int Community, float Weight)[][] memberships,
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
                dominant[matrix.ProfileIds[u]] = memberships[u][0].Community;
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
