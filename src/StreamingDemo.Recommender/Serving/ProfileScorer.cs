using System.Buffers;
using System.Numerics.Tensors;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Ranking;

namespace StreamingDemo.Recommender.Serving;

/// <summary>
/// A title scored for a profile by the whole system: the ranker's raw score (orders the rows: will it be played), the
/// enjoyment model's raw score and its calibrated probability (the match %: will it be enjoyed once started), and the
/// generator evidence.
/// </summary>
internal readonly record struct ScoredTitle(int Title, float RawScore, float EnjoymentScore, float Match, GeneratorScores Generators)
{
    /// <summary>The one order of scored titles: best raw score first, ties by title index so pages are reproducible.</summary>
    public static readonly Comparison<ScoredTitle> BestFirst =
        (a, b) => a.RawScore != b.RawScore ? b.RawScore.CompareTo(a.RawScore) : a.Title.CompareTo(b.Title);
}

/// <summary>Which single signal ranks the catalogue (for evaluation and the generator-alone baselines).</summary>
public enum Generator
{
    MostPopular,
    Factors,
    CoViewing,
    Community,
    MicroGenre,
    Trending,
    Ease,
}

/// <summary>
/// One scoring pass for one profile: the candidate generators score the whole catalogue once, then any title is scored
/// by the ranker on demand (and remembered), so a page that shows a hundred titles costs one pass, not a hundred.
/// Holds pooled arrays: dispose it.
/// </summary>
internal sealed class ProfileScorer : IDisposable
{
    private readonly RecommenderModel model;
    private readonly int titleCount;
    private readonly float[] factors;
    private readonly float[] coViewing;
    private readonly float[] community;
    private readonly float[] microGenre;
    private readonly float[] ease;
    private readonly bool[] skip;
    private readonly ScoredTitle[] scored;
    private readonly bool[] isScored;
    private readonly GeneratorMaxima max;

    public ProfileScorer(RecommenderModel model, ProfileState state)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(state);
        this.model = model;
        State = state;
        titleCount = model.Catalog.TitleCount;
        factors = ArrayPool<float>.Shared.Rent(titleCount);
        coViewing = ArrayPool<float>.Shared.Rent(titleCount);
        community = ArrayPool<float>.Shared.Rent(titleCount);
        microGenre = ArrayPool<float>.Shared.Rent(titleCount);
        ease = ArrayPool<float>.Shared.Rent(titleCount);
        skip = ArrayPool<bool>.Shared.Rent(titleCount);
        scored = ArrayPool<ScoredTitle>.Shared.Rent(titleCount);
        isScored = ArrayPool<bool>.Shared.Rent(titleCount);
        Array.Clear(skip, 0, titleCount);
        Array.Clear(isScored, 0, titleCount);
        max = Generate();
        MarkSkipped();
    }

    public ProfileState State { get; }

    /// <summary>True for titles never to recommend to this profile (seen, picked, thumbed down; grown-up titles for kids).</summary>
    public bool IsSkipped(int title) => skip[title];

    public GeneratorScores GeneratorsOf(int title) =>
        new(factors[title], coViewing[title], community[title], microGenre[title], model.Popularity.Trending[title], ease[title]);

    public ScoredTitle Score(int title)
    {
        if (!isScored[title])
        {
            Span<float> features = stackalloc float[Ranking.EnjoymentFeatures.Count];
            var generators = GeneratorsOf(title);
            RankerFeatures.Fill(model, State, title, generators, max, features);
            var raw = model.Ranker is null ? RankerFeatures.Blend(features) : model.Ranker.Score(features);
            features[Ranking.EnjoymentFeatures.RankerScore] = raw;
            var enjoyment = model.Enjoyment is null ? raw : model.Enjoyment.Score(features);
            scored[title] = new ScoredTitle(title, raw, enjoyment, model.Calibrator.Calibrate(enjoyment), generators);
            isScored[title] = true;
        }

        return scored[title];
    }

    /// <summary>The given titles scored, best first.</summary>
    public ScoredTitle[] BestFirst(IEnumerable<int> titles)
    {
        var result = titles.Select(Score).ToArray();
        Array.Sort(result, ScoredTitle.BestFirst);
        return result;
    }

    /// <summary>The ranker's feature vector of <paramref name="title"/> for this profile.</summary>
    public void FillFeatures(int title, Span<float> features) => RankerFeatures.Fill(model, State, title, GeneratorsOf(title), max, features);

    /// <summary>
    /// The most promising of <paramref name="titles"/> by the generators' blend (cheap), not yet skipped: rows over
    /// large title sets (a micro-genre, new releases) send only these through the ranker.
    /// </summary>
    public int[] Shortlist(IReadOnlyList<int> titles, int count)
    {
        var open = titles.Where(t => !skip[t]).ToArray();
        if (open.Length <= count)
        {
            return open;
        }

        var blend = new float[open.Length];
        for (var i = 0; i < open.Length; i++)
        {
            var t = open[i];
            blend[i] = RankerFeatures.Blend(factors[t] / max.Factors, coViewing[t] / max.CoViewing, microGenre[t] / max.MicroGenre);
        }

        return [.. TopK.Select(blend, count).Select(i => open[i])];
    }

    /// <summary>The best <paramref name="count"/> titles not skipped, by the whole system, best first.</summary>
    public ScoredTitle[] Ranked(int count)
    {
        var result = BestFirst(Candidates(Math.Max(model.CandidatePool, count)));
        return result.Length > count ? result[..count] : result;
    }

    /// <summary>The ranker's training examples: the feature vectors of the profile's candidate pool.</summary>
    public List<(float[] Features, int Title)> CandidateFeatures()
    {
        var result = new List<(float[], int)>(model.CandidatePool);
        foreach (var title in Candidates(model.CandidatePool))
        {
            var features = new float[RankerFeatures.Count];
            FillFeatures(title, features);
            result.Add((features, title));
        }

        return result;
    }

    /// <summary>The titles of the candidate pool, the ones recommendation rows place (the match calibrator is fitted on these).</summary>
    public HashSet<int> CandidatePool() => [.. Candidates(model.CandidatePool)];

    /// <summary>
    /// Enjoyment-model feature vectors of particular titles (the enjoyment model's training examples); the last slot, the
    /// ranker's score, is left at 0 for the caller, which has the ranker.
    /// </summary>
    public float[][] EnjoymentFeatureVectors(IReadOnlyList<int> titles)
    {
        var result = new float[titles.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new float[Ranking.EnjoymentFeatures.Count];
            FillFeatures(titles[i], result[i]);
        }

        return result;
    }

    /// <summary>Ranks by one signal alone, excluding the profile's seen titles (evaluation baselines).</summary>
    public int[] RankBy(Generator generator, int count)
    {
        var scores = generator switch
        {
            Generator.MostPopular => model.Popularity.AllTime,
            Generator.Trending => model.Popularity.Trending,
            Generator.Factors => factors,
            Generator.CoViewing => coViewing,
            Generator.Community => community,
            Generator.Ease => ease,
            _ => microGenre,
        };
        return TopK.Select(scores.AsSpan(0, titleCount), count, skip.AsSpan(0, titleCount));
    }

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(factors);
        ArrayPool<float>.Shared.Return(coViewing);
        ArrayPool<float>.Shared.Return(community);
        ArrayPool<float>.Shared.Return(microGenre);
        ArrayPool<float>.Shared.Return(ease);
        ArrayPool<bool>.Shared.Return(skip);
        ArrayPool<ScoredTitle>.Shared.Return(scored);
        ArrayPool<bool>.Shared.Return(isScored);
    }

    private GeneratorMaxima Generate()
    {
        var f = factors.AsSpan(0, titleCount);
        var c = coViewing.AsSpan(0, titleCount);
        var tags = microGenre.AsSpan(0, titleCount);
        model.Factors.Score(State.Factors, f);
        model.CoViewing.Score(State.Titles, State.Strengths, c);
        model.CommunityPosterior.Score(State.CommunityMixture, community.AsSpan(0, titleCount));
        model.Tags.Score(State.TagAffinity, tags);
        var e = ease.AsSpan(0, titleCount);
        model.Ease.Score(State.Titles, State.Strengths, e);
        return new GeneratorMaxima(
            Math.Max(1e-6f, TensorPrimitives.Max(f)),
            Math.Max(1e-6f, TensorPrimitives.Max(c)),
            Math.Max(1e-6f, TensorPrimitives.Max(tags)),
            Math.Max(1e-6f, TensorPrimitives.Max(e)));
    }

    private void MarkSkipped()
    {
        foreach (var title in State.Excluded)
        {
            skip[title] = true;
        }

        if (State.IsKids)
        {
            for (var i = 0; i < titleCount; i++)
            {
                skip[i] |= !model.Catalog.Titles[i].IsKids;
            }
        }
    }

    /// <summary>The candidate pool: the best unskipped titles of each generator in fixed shares, first come first kept.</summary>
    private List<int> Candidates(int pool)
    {
        var skipped = skip.AsSpan(0, titleCount);
        var picked = new HashSet<int>();
        var result = new List<int>(pool + 16);
        void Add(IEnumerable<int> titles)
        {
            foreach (var title in titles)
            {
                if (picked.Add(title))
                {
                    result.Add(title);
                }
            }
        }

        Add(TopK.Select(factors.AsSpan(0, titleCount), pool / 2, skipped));
        Add(TopK.Select(ease.AsSpan(0, titleCount), pool / 4, skipped));
        Add(TopK.Select(coViewing.AsSpan(0, titleCount), pool / 4, skipped));
        Add(TopK.Select(microGenre.AsSpan(0, titleCount), pool / 8, skipped));
        Add(TopK.Select(community.AsSpan(0, titleCount), pool / 8, skipped));
        Add(model.Popularity.TrendingOrder.Where(t => !skip[t]).Take(pool / 16));
        return result;
    }
}
