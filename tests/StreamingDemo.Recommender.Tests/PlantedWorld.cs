using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Tests;

/// <summary>
/// A small synthetic world with planted taste communities: each profile mixes three communities, each community prefers a
/// few micro-genres, viewing follows taste × a long-tail popularity, and enjoyment (finishing, thumbs) follows taste. Built in
/// code so unit tests need no database.
/// </summary>
public sealed class PlantedWorld
{
    private PlantedWorld(InteractionSnapshot snapshot, Dictionary<int, int> dominant, Dictionary<int, (int Community, float Weight)[]> mixtures, float[,] affinity)
    {
        Snapshot = snapshot;
        DominantCommunity = dominant;
        Mixtures = mixtures;
        CommunityTagAffinity = affinity;
    }

    public InteractionSnapshot Snapshot { get; }

    /// <summary>The planted community with the largest weight per profile.</summary>
    public Dictionary<int, int> DominantCommunity { get; }

    public Dictionary<int, (int Community, float Weight)[]> Mixtures { get; }

    public float[,] CommunityTagAffinity { get; }

    public static PlantedWorld Create(int titles = 240, int profiles = 800, int communities = 6, int tagsPerCommunity = 4,
        int viewsPerProfile = 30, int seed = 7, bool withKids = false)
    {
        var random = new Random(seed);
        var asOf = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var tagCount = communities * tagsPerCommunity;
        var genres = new List<GenreInfo> { new(1, "drama", "Drama", false), new(2, "kids", "Kids", true) };
        var microGenres = Enumerable.Range(1, tagCount)
            .Select(i => new MicroGenreInfo(i, $"tag-{i}", $"Micro-genre {i}", i <= tagsPerCommunity ? 2 : 1)).ToList();

        var titleList = new List<TitleInfo>();
        var popularity = new double[titles];
        for (var t = 0; t < titles; t++)
        {
            var tags = new HashSet<int> { 1 + random.Next(tagCount) };
            while (tags.Count < 2 + random.Next(2))
            {
                tags.Add(1 + random.Next(tagCount));
            }

            popularity[t] = 1.0 / Math.Pow(1 + random.Next(titles), 0.8);
            // With kids: every fifth title is a kids title (and only kids profiles watch those).
            var isKids = withKids && t % 5 == 0;
            titleList.Add(new TitleInfo(t + 1, $"Title {t + 1}", t % 3 == 0 ? TitleKind.Series : TitleKind.Movie, 2000 + t % 26, 90, isKids ? "7+" : "13+",
                isKids ? 2 : 1, [.. tags.Order()], asOf.AddDays(-random.Next(900)), isKids));
        }

        var affinity = new float[communities, tagCount];
        for (var c = 0; c < communities; c++)
        {
            for (var j = 0; j < tagsPerCommunity; j++)
            {
                affinity[c, c * tagsPerCommunity + j] = 1f;
            }
        }

        var profileList = new List<ProfileInfo>();
        var interactions = new List<ProfileTitleInteraction>();
        var dominant = new Dictionary<int, int>();
        var mixtures = new Dictionary<int, (int, float)[]>();
        for (var p = 1; p <= profiles; p++)
        {
            var kidsProfile = withKids && p % 10 == 0;
            profileList.Add(new ProfileInfo(p, $"Profile {p}", kidsProfile, asOf.AddDays(-400)));
            var chosen = Enumerable.Range(0, communities).OrderBy(_ => random.Next()).Take(3).ToArray();
            var weights = new[] { 0.6f + 0.2f * (float)random.NextDouble(), 0.25f, 0.1f };
            var sum = weights.Sum();
            var mixture = chosen.Select((c, i) => (c, weights[i] / sum)).ToArray();
            mixtures[p] = mixture;
            dominant[p] = chosen[0];

            var taste = new double[titles];
            var tasteMatch = new double[titles];
            for (var t = 0; t < titles; t++)
            {
                var match = 0.0;
                foreach (var (c, w) in mixture)
                {
                    match += w * titleList[t].MicroGenreIds.Sum(tag => affinity[c, tag - 1]);
                }

                tasteMatch[t] = match;
                taste[t] = titleList[t].IsKids == kidsProfile ? (0.03 + match * match) * popularity[t] : 0;
            }

            var seen = new HashSet<int>();
            var views = viewsPerProfile / 2 + random.Next(viewsPerProfile);
            while (seen.Count < Math.Min(views, taste.Count(x => x > 0)))
            {
                var t = Sample(taste, random);
                if (!seen.Add(t))
                {
                    continue;
                }

                // Planted enjoyment: the closer a title is to the profile's taste, the likelier it is finished and thumbed up.
                var liking = tasteMatch[t] / (tasteMatch[t] + 0.5);
                var enjoyed = random.NextDouble() < 0.15 + 0.75 * liking;
                var completion = enjoyed ? 1f : (float)(0.05 + 0.6 * random.NextDouble());
                ThumbRating? thumb = random.NextDouble() switch
                {
                    < 0.08 => enjoyed ? ThumbRating.Up : ThumbRating.Down,
                    < 0.11 => enjoyed ? ThumbRating.Love : null,
                    < 0.13 => enjoyed ? null : ThumbRating.Down,
                    _ => null,
                };
                var at = asOf.AddDays(-random.Next(365)).AddMinutes(random.Next(1440));
                interactions.Add(new ProfileTitleInteraction(p, t + 1, 1 + random.Next(3), completion, at, at, thumb));
            }
        }

        var edges = new List<InfluenceEdgeInfo>();
        for (var p = 1; p <= profiles; p++)
        {
            for (var e = 0; e < 3; e++)
            {
                var q = 1 + random.Next(profiles);
                if (q != p && dominant[q] == dominant[p])
                {
                    edges.Add(new InfluenceEdgeInfo(p, q, (float)random.NextDouble()));
                }
            }
        }

        var snapshot = new InteractionSnapshot(asOf, $"planted-{seed}-{titles}-{profiles}", genres, microGenres, titleList, profileList,
            [.. interactions.OrderBy(i => i.ProfileId).ThenBy(i => i.TitleId)], edges.DistinctBy(e => (e.FromProfileId, e.ToProfileId)).ToList());
        return new PlantedWorld(snapshot, dominant, mixtures, affinity);
    }

    private static int Sample(double[] weights, Random random)
    {
        var total = weights.Sum();
        var x = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
