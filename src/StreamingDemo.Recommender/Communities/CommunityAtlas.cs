using Microsoft.ML;
using Microsoft.ML.Data;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender.Communities;

/// <summary>
/// Describes the live model's taste communities for the studio. Built once per model (the first read after a swap) and
/// kept with it, so pages read finished figures.
/// </summary>
public sealed class CommunityAtlas(StreamingRecommender recommender) : ITasteCommunityAtlas
{
    private const int TopTitles = 12;
    private const int ExampleMembers = 8;

    private Snapshot? current;

    public string ModelVersion => Current?.ModelVersion ?? string.Empty;

    public IReadOnlyList<CommunityProfile> Communities => Current?.Communities ?? [];

    public IReadOnlyDictionary<int, int> DominantCommunities => Current?.Dominant ?? new Dictionary<int, int>();

    public IReadOnlyList<int> MemberIds(int communityId) =>
        Current is { } s && communityId >= 0 && communityId < s.Members.Length ? s.Members[communityId] : [];

    private Snapshot? Current
    {
        get
        {
            var model = recommender.Model;
            if (model is null)
            {
                return null;
            }

            var snapshot = Volatile.Read(ref current);
            if (snapshot is null || !ReferenceEquals(snapshot.Model, model))
            {
                snapshot = Build(model);
                Volatile.Write(ref current, snapshot);
            }

            return snapshot;
        }
    }

    private static Snapshot Build(RecommenderModel model)
    {
        var communities = model.Communities;
        var k = communities.Count;
        var members = new List<(int Profile, float Weight)>[k];
        var reach = new int[k];
        var neighbours = new double[k][];
        for (var c = 0; c < k; c++)
        {
            members[c] = [];
            neighbours[c] = new double[k];
        }

        var dominant = new Dictionary<int, int>();
        foreach (var (profileId, state) in model.Profiles)
        {
            if (state.Communities.Length == 0)
            {
                continue;
            }

            var (top, weight) = state.Communities[0];
            members[top].Add((profileId, weight));
            dominant[profileId] = top;
            foreach (var (c, _) in state.Communities)
            {
                reach[c]++;
                foreach (var (other, w) in state.Communities)
                {
                    if (other != c)
                    {
                        neighbours[c][other] += w;
                    }
                }
            }
        }

        var ordered = members.Select(m => m.OrderByDescending(x => x.Weight).ThenBy(x => x.Profile).Select(x => x.Profile).ToArray()).ToArray();
        var sizes = communities.Communities.Select(c => (float)c.Size).ToArray();
        var map = Project(communities.TasteProfiles, sizes);
        var profiles = new CommunityProfile[k];
        for (var c = 0; c < k; c++)
        {
            var community = communities.Communities[c];
            profiles[c] = new CommunityProfile(
                c,
                community.Name,
                community.Size,
                reach[c],
                map[c].X,
                map[c].Y,
                [.. community.DistinguishingTags.Select(t => new TagMatch(model.Catalog.MicroGenres[t.Tag].Id, model.Catalog.MicroGenres[t.Tag].Name, t.Strength))],
                [.. communities.PopularityOrder[c].Where(t => communities.Popularity[c][t] > 0).Take(TopTitles).Select(t => model.Catalog.Titles[t].Id)],
                [.. ordered[c].Take(ExampleMembers)],
                community.InfluentialProfileIds,
                [.. Enumerable.Range(0, k).Where(o => neighbours[c][o] > 0)
                    .OrderByDescending(o => neighbours[c][o]).ThenBy(o => o)
                    .Select(o => new CommunityWeight(o, communities.Communities[o].Name, neighbours[c][o]))]);
        }

        return new Snapshot(model, model.ModelVersion, profiles, ordered, dominant);
    }

    /// <summary>
    /// Places the centroids on a plane with ML.NET's (randomized, seeded) PCA, each centroid weighted by its size so the
    /// map spreads the communities most people are in. Fewer than three communities have no second axis worth drawing:
    /// they sit on a line.
    /// </summary>
    internal static (double X, double Y)[] Project(float[][] centroids, float[] sizes)
    {
        var k = centroids.Length;
        var dimensions = k == 0 ? 0 : centroids[0].Length;
        if (k < 3 || dimensions < 3)
        {
            return [.. Enumerable.Range(0, k).Select(c => ((double)c, 0d))];
        }

        var ml = new MLContext(seed: 7);
        var schema = SchemaDefinition.Create(typeof(CentroidRow));
        schema[nameof(CentroidRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
        var rows = centroids.Select((c, i) => new CentroidRow { Features = c, Weight = Math.Max(1f, sizes[i]) }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var pca = ml.Transforms.ProjectToPrincipalComponents(nameof(ProjectedRow.Projected), nameof(CentroidRow.Features),
            exampleWeightColumnName: nameof(CentroidRow.Weight), rank: 2, overSampling: Math.Min(20, dimensions - 2), ensureZeroMean: true, seed: 7);
        var projected = pca.Fit(data).Transform(data);
        return [.. ml.Data.CreateEnumerable<ProjectedRow>(projected, reuseRowObject: false).Select(r => ((double)r.Projected[0], (double)r.Projected[1]))];
    }

    private sealed record Snapshot(RecommenderModel Model, string ModelVersion, CommunityProfile[] Communities, int[][] Members, Dictionary<int, int> Dominant);

    private sealed class CentroidRow
    {
        public float[] Features { get; set; } = [];

        public float Weight { get; set; }
    }

    private sealed class ProjectedRow
    {
        [VectorType(2)]
        public float[] Projected { get; set; } = [];
    }
}
