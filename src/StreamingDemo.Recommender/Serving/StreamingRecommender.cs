using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Serving;

/// <summary>
/// The recommender pages call (<see cref="IRecommender"/>). Reads the current <see cref="RecommenderModel"/> without locks;
/// <see cref="Swap"/> replaces it atomically. Live feedback is folded into a per-profile state at once and kept until a
/// model trained on data that includes it takes over.
/// </summary>
public sealed class StreamingRecommender : IRecommender
{
    private readonly TimeProvider clock;
    private readonly ILogger<StreamingRecommender> logger;
    private readonly ConcurrentDictionary<int, LiveFeedback> feedback = new();
    private readonly ConcurrentDictionary<int, (RecommenderModel Model, ProfileState State)> liveStates = new();
    private RecommenderModel? model;
    private long sequence;
    private long scoringPasses;
    private string message = "Waiting for the first model";

    public StreamingRecommender(IOptions<RecommenderOptions> options, TimeProvider clock, ILogger<StreamingRecommender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.clock = clock;
        this.logger = logger ?? NullLogger<StreamingRecommender>.Instance;
    }

    internal RecommenderModel? Model => Volatile.Read(ref model);

    /// <summary>The number of feedback events applied so far; a training run records it before reading its snapshot.</summary>
    public long FeedbackSequence => Interlocked.Read(ref sequence);

    /// <summary>
    /// How many scoring passes (the generators over the whole catalogue for one profile) requests have cost so far: a page
    /// should cost one, however many titles it shows.
    /// </summary>
    public long ScoringPasses => Interlocked.Read(ref scoringPasses);

    public RecommenderStatus Status
    {
        get
        {
            var current = Model;
            return new RecommenderStatus(current is not null, current?.ModelVersion ?? string.Empty, current?.TrainedAt, message);
        }
    }

    public IReadOnlyList<CommunitySummary> Communities => Model is { } m
        ? [.. m.Communities.Communities.Select(c => new CommunitySummary(c.Id, c.Name, c.Size,
            [.. c.DistinguishingTags.Select(t => new TagMatch(m.Catalog.MicroGenres[t.Tag].Id, m.Catalog.MicroGenres[t.Tag].Name, t.Strength))],
            c.InfluentialProfileIds))]
        : [];

    /// <summary>Installs a newly trained model. Feedback with a sequence number up to <paramref name="includedThrough"/> is in its data.</summary>
    internal void Swap(RecommenderModel trained, long includedThrough, string status = "Ready")
    {
        foreach (var (_, live) in feedback)
        {
            lock (live)
            {
                live.DropThrough(includedThrough);
            }
        }

        Volatile.Write(ref model, trained);
        liveStates.Clear();
        message = status;
        logger.LogInformation("Recommender model {Version} is live", trained.ModelVersion);
    }

    internal void SetMessage(string status) => message = status;

    public HomePage ComposeHomePage(HomePageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = Model;
        if (current is null)
        {
            return new HomePage(request.ProfileId, request.Device, [], clock.GetUtcNow().UtcDateTime);
        }

        using var scorer = Scorer(current, request.ProfileId);
        return new HomePageBuilder(current).Compose(scorer, request, clock.GetUtcNow().UtcDateTime);
    }

    public IReadOnlyList<RecommendedTitle> Rank(int profileId, int count)
    {
        var current = Model;
        if (current is null || count <= 0)
        {
            return [];
        }

        using var scorer = Scorer(current, profileId);
        var explainer = new MatchExplainer(current);
        return [.. scorer.Ranked(count).Select(s => explainer.Explain(s, scorer.State))];
    }

    public IReadOnlyDictionary<int, RecommendedTitle> ScoreTitles(int profileId, IReadOnlyCollection<int> titleIds)
    {
        ArgumentNullException.ThrowIfNull(titleIds);
        var current = Model;
        var known = new List<int>(titleIds.Count);
        foreach (var id in titleIds)
        {
            if (current is not null && current.Catalog.TryTitle(id, out var index))
            {
                known.Add(index);
            }
        }

        if (current is null || known.Count == 0)
        {
            return new Dictionary<int, RecommendedTitle>();
        }

        using var scorer = Scorer(current, profileId);
        var explainer = new MatchExplainer(current);
        var result = new Dictionary<int, RecommendedTitle>(known.Count);
        foreach (var index in known)
        {
            var match = explainer.Explain(scorer.Score(index), scorer.State);
            result[match.TitleId] = match;
        }

        return result;
    }

    public IReadOnlyList<RecommendedTitle> SimilarTitles(int titleId, int profileId, int count)
    {
        var current = Model;
        if (current is null || !current.Catalog.TryTitle(titleId, out var title))
        {
            return [];
        }

        using var scorer = Scorer(current, profileId);
        var state = scorer.State;
        var explainer = new MatchExplainer(current);
        return [.. current.CoViewing.Neighbours[title].Where(t => !state.ThumbedDown.Contains(t) && !(state.IsKids && !current.Catalog.Titles[t].IsKids))
            .Take(count).Select(t => explainer.Explain(scorer.Score(t), state, title))];
    }

    public ProfileTaste GetTaste(int profileId)
    {
        var current = Model;
        if (current is null)
        {
            return new ProfileTaste(profileId, []);
        }

        return ProfileTasteReader.Read(current, StateOf(current, profileId));
    }

    public void Apply(FeedbackEvent feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var live = this.feedback.GetOrAdd(feedback.ProfileId, _ => new LiveFeedback());
        lock (live)
        {
            live.Add(Interlocked.Increment(ref sequence), feedback);
            var current = Model;
            if (current is not null)
            {
                liveStates[feedback.ProfileId] = (current, Fold(current, feedback.ProfileId, live));
            }
        }
    }

    /// <summary>Starts one scoring pass for the profile over the current model, and counts it.</summary>
    private ProfileScorer Scorer(RecommenderModel current, int profileId)
    {
        Interlocked.Increment(ref scoringPasses);
        return current.Scorer(StateOf(current, profileId));
    }

    private ProfileState StateOf(RecommenderModel current, int profileId)
    {
        if (liveStates.TryGetValue(profileId, out var cached) && ReferenceEquals(cached.Model, current))
        {
            return cached.State;
        }

        if (feedback.TryGetValue(profileId, out var live))
        {
            lock (live)
            {
                if (live.Events.Count > 0)
                {
                    var state = Fold(current, profileId, live);
                    liveStates[profileId] = (current, state);
                    return state;
                }
            }
        }

        return current.Profiles.TryGetValue(profileId, out var trained)
            ? trained
            : current.BuildState(profileId, false, [], [], []);
    }

    private static ProfileState Fold(RecommenderModel current, int profileId, LiveFeedback live) =>
        LiveFeedback.Fold(current, current.Profiles.GetValueOrDefault(profileId), profileId, live.Events.Select(e => e.Event));
}
