using System.Buffers;
using System.Numerics.Tensors;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Communities;
using StreamingDemo.Recommender.Ranking;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Serving;

/// <summary>
/// A title scored for a profile by the whole system: the ranker's raw score (orders the rows: will it be played), the
/// enjoyment model's raw score and its calibrated probability (the match %: will it be enjoyed once started), and the
/// generator evidence.
/// </summary>
internal readonly record struct ScoredTitle(int Title, float RawScore, float EnjoymentScore, float Match, GeneratorScores Generators);

/// <summary>Which single signal ranks the catalogue (for evaluation and the generator-alone baselines).</summary>
public enum Generator
{
    MostPopular,
    Factors,
    CoViewing,
    Community,
    MicroGenre,
    Trending,
}

/// <summary>
/// One trained generation of the recommender: candidate generators, communities, ranker and calibrator, plus the state of
/// every trained profile. Immutable once built, so requests read it without locks and retraining swaps it atomically.
/// </summary>
internal sealed class RecommenderModel
{
    public required CatalogIndex Catalog { get; init; }

    public required PopularityModel Popularity { get; init; }

    public required ImplicitFactorModel Factors { get; init; }

    public required CoViewingNeighbours CoViewing { get; init; }

    public required MicroGenreAffinity Tags { get; init; }

    public required TasteCommunityModel Communities { get; init; }

    /// <summary>Null when there was too little data to train one; a fixed blend of generator scores stands in.</summary>
    public CompiledTreeEnsemble? Ranker { get; init; }

    /// <summary>P(enjoy | starts) before calibration; null when there was too little data (the calibrator then reads the ranker score).</summary>
    public CompiledTreeEnsemble? Enjoyment { get; init; }

    /// <summary>Maps the enjoyment model's raw score to the match probability.</summary>
    public required MatchCalibrator Calibrator { get; init; }

    public required IReadOnlyDictionary<int, ProfileState> Profiles { get; init; }

    public required string DataVersion { get; init; }

    public required DateTime TrainedAt { get; init; }

    public required int CandidatePool { get; init; }

    public string ModelVersion => $"{DataVersion}@{TrainedAt:yyyyMMddHHmmss}";

    /// <summary>Builds a profile's serving state from its evidence; reuses trained factors when given.</summary>
    public ProfileState BuildState(int profileId, bool isKids, IReadOnlyList<(int Title, float Strength, DateTime LastAt)> evidence,
        IEnumerable<int> excluded, IEnumerable<int> thumbedDown, float[]? factors = null)
    {
        var titles = evidence.Select(e => e.Title).ToArray();
        var strengths = evidence.Select(e => e.Strength).ToArray();
        var affinity = Tags.ProfileAffinity(titles, strengths);
        return new ProfileState
        {
            ProfileId = profileId,
            IsKids = isKids,
            Titles = titles,
            Strengths = strengths,
            LastAt = [.. evidence.Select(e => e.LastAt)],
            Excluded = [.. excluded.Concat(titles).Distinct().Order()],
            ThumbedDown = [.. thumbedDown.Distinct().Order()],
            Factors = factors ?? Factors.FoldIn(titles, strengths),
            TagAffinity = affinity,
            Communities = titles.Length == 0 ? [] : Communities.Memberships(TasteCommunityModel.TasteVector(affinity)),
        };
    }

    /// <summary>The best <paramref name="count"/> titles for the profile by the whole system, best first.</summary>
    public ScoredTitle[] Rank(ProfileState state, int count, ReadOnlySpan<bool> alsoSkip = default)
    {
        var t = Catalog.TitleCount;
        using var work = new Workspace(t);
        Generate(state, work);
        var skip = work.Skip;
        MarkSkipped(state, skip);
        if (!alsoSkip.IsEmpty)
        {
            for (var i = 0; i < t; i++)
            {
                skip[i] |= alsoSkip[i];
            }
        }

        var pool = CandidatesFrom(work, Math.Max(CandidatePool, count));
        var scored = new ScoredTitle[pool.Count];
        Span<float> features = stackalloc float[EnjoymentFeatures.Count];
        for (var i = 0; i < pool.Count; i++)
        {
            scored[i] = ScoreWith(state, work, pool[i], features);
        }

        Array.Sort(scored, (a, b) => a.RawScore != b.RawScore ? b.RawScore.CompareTo(a.RawScore) : a.Title.CompareTo(b.Title));
        return scored.Length > count ? scored[..count] : scored;
    }

    /// <summary>Feature vectors of every title for the profile (the PredictionEngine comparison in the benchmarks).</summary>
    public float[][] AllFeatures(ProfileState state) => FeaturesFor(state, [.. Enumerable.Range(0, Catalog.TitleCount)], RankerFeatures.Count);

    /// <summary>
    /// Feature vectors of particular titles for the profile, by default enjoyment-model vectors whose last slot (the ranker's
    /// score) is left at 0 for the caller; the ranker reads the leading <see cref="RankerFeatures.Count"/> slots.
    /// </summary>
    public float[][] FeaturesFor(ProfileState state, IReadOnlyList<int> titles, int length = EnjoymentFeatures.Count)
    {
        using var work = new Workspace(Catalog.TitleCount);
        Generate(state, work);
        var result = new float[titles.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            var title = titles[i];
            var g = new GeneratorScores(work.Factors[title], work.CoViewing[title], work.Community[title], work.MicroGenre[title], Popularity.Trending[title]);
            result[i] = new float[length];
            FillFeatures(state, work, title, g, result[i]);
        }

        return result;
    }

    /// <summary>The ranker's feature vectors for the profile's candidate pool (training examples).</summary>
    public IEnumerable<(float[] Features, int Title)> CandidateFeatures(ProfileState state)
    {
        var result = new List<(float[], int)>(CandidatePool);
        using (var work = new Workspace(Catalog.TitleCount))
        {
            Generate(state, work);
            MarkSkipped(state, work.Skip);
            foreach (var title in CandidatesFrom(work, CandidatePool))
            {
                var g = new GeneratorScores(work.Factors[title], work.CoViewing[title], work.Community[title], work.MicroGenre[title], Popularity.Trending[title]);
                var features = new float[RankerFeatures.Count];
                FillFeatures(state, work, title, g, features);
                result.Add((features, title));
            }
        }

        return result;
    }

    /// <summary>
    /// Computes the profile's generator scores once and then scores any title on demand (page composition scores the
    /// ranked pool plus the titles of other rows without recomputing).
    /// </summary>
    public ProfileScorer Scorer(ProfileState state)
    {
        var work = new Workspace(Catalog.TitleCount);
        Generate(state, work);
        MarkSkipped(state, work.Skip);
        return new ProfileScorer(this, state, work);
    }

    internal sealed class ProfileScorer(RecommenderModel model, ProfileState state, Workspace work) : IDisposable
    {
        private readonly Dictionary<int, ScoredTitle> cache = [];

        public ProfileState State => state;

        public bool IsSkipped(int title) => work.Skip[title];

        public ScoredTitle Score(int title)
        {
            if (!cache.TryGetValue(title, out var scored))
            {
                Span<float> features = stackalloc float[EnjoymentFeatures.Count];
                cache[title] = scored = model.ScoreWith(state, work, title, features);
            }

            return scored;
        }

        /// <summary>
        /// The most promising of <paramref name="titles"/> by the generators' blend (cheap), not yet skipped: rows over
        /// large title sets (a micro-genre, new releases) send only these through the ranker.
        /// </summary>
        public int[] Shortlist(IReadOnlyList<int> titles, int count)
        {
            var open = titles.Where(t => !work.Skip[t]).ToArray();
            if (open.Length <= count)
            {
                return open;
            }

            var blend = new float[open.Length];
            for (var i = 0; i < open.Length; i++)
            {
                var t = open[i];
                blend[i] = 0.5f * work.Factors[t] / work.FactorsMax + 0.3f * work.CoViewing[t] / work.CoViewingMax + 0.2f * work.MicroGenre[t] / work.MicroGenreMax;
            }

            return [.. TopK.Select(blend, count).Select(i => open[i])];
        }

        /// <summary>The ranked candidate pool, best first.</summary>
        public ScoredTitle[] Ranked(int count)
        {
            var pool = model.CandidatesFrom(work, Math.Max(model.CandidatePool, count));
            var scored = pool.Select(Score).ToArray();
            Array.Sort(scored, (a, b) => a.RawScore != b.RawScore ? b.RawScore.CompareTo(a.RawScore) : a.Title.CompareTo(b.Title));
            return scored.Length > count ? scored[..count] : scored;
        }

        public void Dispose() => work.Dispose();
    }

    /// <summary>Scores particular titles for the profile (detail pages, rows built from other sources).</summary>
    public ScoredTitle[] ScoreTitles(ProfileState state, IReadOnlyList<int> titles)
    {
        using var work = new Workspace(Catalog.TitleCount);
        Generate(state, work);
        var result = new ScoredTitle[titles.Count];
        Span<float> features = stackalloc float[EnjoymentFeatures.Count];
        for (var i = 0; i < titles.Count; i++)
        {
            result[i] = ScoreWith(state, work, titles[i], features);
        }

        return result;
    }

    /// <summary>Ranks by one signal alone, excluding the profile's seen titles (evaluation baselines).</summary>
    public int[] RankBy(Generator generator, ProfileState state, int count)
    {
        using var work = new Workspace(Catalog.TitleCount);
        var skip = work.Skip;
        MarkSkipped(state, skip);
        var scores = generator switch
        {
            Generator.MostPopular => Popularity.AllTime,
            Generator.Trending => Popularity.Trending,
            _ => null,
        };
        if (scores is null)
        {
            Generate(state, work);
            scores = generator switch
            {
                Generator.Factors => work.Factors,
                Generator.CoViewing => work.CoViewing,
                Generator.Community => work.Community,
                _ => work.MicroGenre,
            };
        }

        return TopK.Select(scores.AsSpan(0, Catalog.TitleCount), count, skip.AsSpan(0, Catalog.TitleCount));
    }

    private void MarkSkipped(ProfileState state, bool[] skip)
    {
        foreach (var title in state.Excluded)
        {
            skip[title] = true;
        }

        if (state.IsKids)
        {
            for (var i = 0; i < Catalog.TitleCount; i++)
            {
                skip[i] |= !Catalog.Titles[i].IsKids;
            }
        }
    }

    private void Generate(ProfileState state, Workspace work)
    {
        var t = Catalog.TitleCount;
        var factors = work.Factors.AsSpan(0, t);
        var coViewing = work.CoViewing.AsSpan(0, t);
        var community = work.Community.AsSpan(0, t);
        var tags = work.MicroGenre.AsSpan(0, t);
        Factors.Score(state.Factors, factors);
        CoViewing.Score(state.Titles, state.Strengths, coViewing);
        Communities.Score(state.Communities, community);
        Tags.Score(state.TagAffinity, tags);
        work.FactorsMax = Math.Max(1e-6f, TensorPrimitives.Max(factors));
        work.CoViewingMax = Math.Max(1e-6f, TensorPrimitives.Max(coViewing));
        work.MicroGenreMax = Math.Max(1e-6f, TensorPrimitives.Max(tags));
    }

    private List<int> CandidatesFrom(Workspace work, int pool)
    {
        var t = Catalog.TitleCount;
        var skip = work.Skip.AsSpan(0, t);
        var picked = new HashSet<int>();
        var result = new List<int>(pool + 16);
        void Add(int[] titles)
        {
            foreach (var title in titles)
            {
                if (picked.Add(title))
                {
                    result.Add(title);
                }
            }
        }

        Add(TopK.Select(work.Factors.AsSpan(0, t), pool / 2, skip));
        Add(TopK.Select(work.CoViewing.AsSpan(0, t), pool / 4, skip));
        Add(TopK.Select(work.MicroGenre.AsSpan(0, t), pool / 8, skip));
        Add(TopK.Select(work.Community.AsSpan(0, t), pool / 8, skip));
        var trending = new List<int>(pool / 16);
        foreach (var title in Popularity.TrendingOrder)
        {
            if (trending.Count >= pool / 16)
            {
                break;
            }

            if (!skip[title])
            {
                trending.Add(title);
            }
        }

        Add([.. trending]);
        return result;
    }

    private ScoredTitle ScoreWith(ProfileState state, Workspace work, int title, Span<float> features)
    {
        var generators = new GeneratorScores(work.Factors[title], work.CoViewing[title], work.Community[title], work.MicroGenre[title], Popularity.Trending[title]);
        FillFeatures(state, work, title, generators, features);
        var raw = Ranker is null ? Fallback(features) : Ranker.Score(features);
        features[EnjoymentFeatures.RankerScore] = raw;
        var enjoyment = Enjoyment is null ? raw : Enjoyment.Score(features);
        return new ScoredTitle(title, raw, enjoyment, Calibrator.Calibrate(enjoyment), generators);
    }

    /// <summary>Without a trained ranker: an even blend of the relative generator scores.</summary>
    private static float Fallback(ReadOnlySpan<float> f) => 0.5f * f[1] + 0.3f * f[3] + 0.2f * f[6];

    internal void FillFeatures(ProfileState state, Workspace work, int title, GeneratorScores g, Span<float> f)
    {
        var info = Catalog.Titles[title];
        f[0] = g.Factors;
        f[1] = g.Factors / work.FactorsMax;
        f[2] = g.CoViewing;
        f[3] = g.CoViewing / work.CoViewingMax;
        f[4] = g.Community;
        f[5] = g.MicroGenre;
        f[6] = g.MicroGenre / work.MicroGenreMax;
        f[7] = g.Trending;
        f[8] = Popularity.LogPopularity[title];
        f[9] = Popularity.AgeDays[title] / 365f;
        f[10] = info.Kind == TitleKind.Series ? 1f : 0f;
        f[11] = MathF.Log(1 + state.Titles.Length);
        f[12] = state.IsKids ? (info.IsKids ? 1f : -1f) : (info.IsKids ? 0.5f : 0f);
    }

    /// <summary>Pooled per-request arrays over the catalogue.</summary>
    internal sealed class Workspace : IDisposable
    {
        public Workspace(int titles)
        {
            Factors = ArrayPool<float>.Shared.Rent(titles);
            CoViewing = ArrayPool<float>.Shared.Rent(titles);
            Community = ArrayPool<float>.Shared.Rent(titles);
            MicroGenre = ArrayPool<float>.Shared.Rent(titles);
            Skip = ArrayPool<bool>.Shared.Rent(titles);
            Array.Clear(Skip, 0, titles);
        }

        public float[] Factors { get; }

        public float[] CoViewing { get; }

        public float[] Community { get; }

        public float[] MicroGenre { get; }

        public bool[] Skip { get; }

        public float FactorsMax { get; set; } = 1;

        public float CoViewingMax { get; set; } = 1;

        public float MicroGenreMax { get; set; } = 1;

        public void Dispose()
        {
            ArrayPool<float>.Shared.Return(Factors);
            ArrayPool<float>.Shared.Return(CoViewing);
            ArrayPool<float>.Shared.Return(Community);
            ArrayPool<float>.Shared.Return(MicroGenre);
            ArrayPool<bool>.Shared.Return(Skip);
        }
    }
}
