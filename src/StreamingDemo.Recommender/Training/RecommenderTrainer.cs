using StreamingDemo.Domain;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Communities;
using StreamingDemo.Recommender.Ranking;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender.Training;

/// <summary>How the trainer holds out labels for the ranker: a random share per profile, or each profile's latest title.</summary>
public enum HoldoutProtocol
{
    Random,
    LeaveLastOut,
}

/// <summary>Progress of a training run: a stage label and 0..1.</summary>
public readonly record struct TrainingProgress(string Stage, double Fraction);

/// <summary>
/// Trains a whole <see cref="RecommenderModel"/> from a snapshot. The ranker needs labels its features have not seen, so
/// training runs twice: generators on the data minus a per-profile holdout → ranker examples (half of the sampled profiles
/// train LightGBM, the other half fit the calibrator); then generators on all data for serving.
/// </summary>
internal static class RecommenderTrainer
{
    /// <summary>Share of a sampled profile's positives held out as ranker labels.</summary>
    public const double RandomHoldout = 0.25;

    private const int ColdStartPicks = 3;

    public static RecommenderModel Train(InteractionSnapshot snapshot, RecommenderOptions options, HoldoutProtocol protocol = HoldoutProtocol.Random,
        IProgress<TrainingProgress>? progress = null, TimeProvider? clock = null, CancellationToken ct = default) =>
        TrainWithRanker(snapshot, options, protocol, progress, clock, ct).Model;

    public static (RecommenderModel Model, TrainedRanker? Ranker) TrainWithRanker(InteractionSnapshot snapshot, RecommenderOptions options,
        HoldoutProtocol protocol = HoldoutProtocol.Random, IProgress<TrainingProgress>? progress = null, TimeProvider? clock = null,
        CancellationToken ct = default)
    {
        var trainedAt = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var catalog = new CatalogIndex(snapshot.Titles, snapshot.MicroGenres, snapshot.AsOf);

        // 1. Hold out labels for a sample of profiles.
        var random = new Random(options.Seed);
        var byProfile = snapshot.Interactions.GroupBy(i => i.ProfileId).ToDictionary(g => g.Key, g => g.ToList());
        var eligible = snapshot.Profiles.Select(p => p.Id).Order()
            .Where(id => byProfile.TryGetValue(id, out var list) && list.Count(ImplicitSignal.IsPositive) >= 5).ToArray();
        random.Shuffle(eligible);
        var sampled = eligible.Take(options.RankerProfiles).ToArray();
        var heldOut = new HashSet<(int, int)>();
        foreach (var profileId in sampled)
        {
            var positives = byProfile[profileId].Where(ImplicitSignal.IsPositive).OrderBy(i => i.TitleId).ToList();
            if (protocol == HoldoutProtocol.LeaveLastOut)
            {
                var last = positives.OrderByDescending(i => i.LastAt).ThenBy(i => i.TitleId).First();
                heldOut.Add((profileId, last.TitleId));
            }
            else
            {
                var count = Math.Max(1, (int)Math.Round(positives.Count * RandomHoldout));
                foreach (var i in positives.OrderBy(_ => random.Next()).Take(count))
                {
                    heldOut.Add((profileId, i.TitleId));
                }
            }
        }

        TrainedRanker? ranker = null;
        MatchCalibrator? calibrator = null;
        RecommenderModel? baseModel = null;
        if (sampled.Length >= 20)
        {
            progress?.Report(new TrainingProgress("Learning candidate generators (holdout)", 0.0));
            var baseInteractions = snapshot.Interactions.Where(i => !heldOut.Contains((i.ProfileId, i.TitleId)));
            baseModel = TrainGenerators(snapshot, catalog, baseInteractions, options, null, null, trainedAt, p => progress?.Report(p with { Fraction = p.Fraction * 0.4 }), ct);

            progress?.Report(new TrainingProgress("Building ranker examples", 0.4));
            var trainFeatures = new List<float[]>();
            var trainLabels = new List<bool>();
            var calibrationScores = new List<float[]>();
            var calibrationLabels = new List<bool>();
            for (var s = 0; s < sampled.Length; s++)
            {
                ct.ThrowIfCancellationRequested();
                var state = baseModel.Profiles[sampled[s]];
                var target = s % 2 == 0 ? (trainFeatures, trainLabels) : (calibrationScores, calibrationLabels);
                foreach (var (features, title) in CandidateFeatures(baseModel, state))
                {
                    target.Item1.Add(features);
                    target.Item2.Add(heldOut.Contains((sampled[s], catalog.Titles[title].Id)));
                }

                // Half of the sampled profiles also come back as newcomers with their three strongest titles, so the ranker
                // learns how much to trust each generator when evidence is thin (cold start, V2).
                if (s % 4 < 2 && state.Titles.Length > ColdStartPicks)
                {
                    var order = Enumerable.Range(0, state.Titles.Length).OrderByDescending(i => state.Strengths[i]).ThenBy(_ => random.Next()).ToArray();
                    var picks = order.Take(ColdStartPicks).Select(i => (state.Titles[i], state.Strengths[i], state.LastAt[i])).ToList();
                    var hidden = order.Skip(ColdStartPicks).Select(i => state.Titles[i]).ToHashSet();
                    var newcomer = baseModel.BuildState(state.ProfileId, state.IsKids, picks, [], state.ThumbedDown);
                    foreach (var (features, title) in CandidateFeatures(baseModel, newcomer))
                    {
                        target.Item1.Add(features);
                        target.Item2.Add(hidden.Contains(title) || heldOut.Contains((sampled[s], catalog.Titles[title].Id)));
                    }
                }
            }

            if (trainLabels.Contains(true) && trainLabels.Contains(false))
            {
                progress?.Report(new TrainingProgress("Training the LightGBM ranker", 0.45));
                ranker = RankerTrainer.Train(trainFeatures, trainLabels, options);
                progress?.Report(new TrainingProgress("Calibrating match scores", 0.55));
                calibrator = MatchCalibrator.Fit([.. calibrationScores.Select(f => ranker.Compiled.Score(f))], calibrationLabels);
            }
        }

        progress?.Report(new TrainingProgress("Learning candidate generators", 0.6));
        // The holdout pass saw nearly all the data: its communities are kept (memberships and popularity are recomputed on
        // everything) and its item factors warm-start ALS.
        var model = TrainGenerators(snapshot, catalog, snapshot.Interactions, options, ranker?.Compiled, calibrator, trainedAt,
            p => progress?.Report(p with { Fraction = 0.6 + p.Fraction * 0.4 }), ct, reuse: baseModel);
        progress?.Report(new TrainingProgress("Trained", 1.0));
        return (model, ranker);
    }

    private static List<(float[] Features, int Title)> CandidateFeatures(RecommenderModel model, ProfileState state)
    {
        using var scorer = model.Scorer(state);
        return scorer.CandidateFeatures();
    }

    /// <summary>Rebuilds a model from persisted learned parts and the snapshot they were trained on (no training).</summary>
    public static RecommenderModel Assemble(InteractionSnapshot snapshot, RecommenderOptions options, PersistedModel parts) =>
        TrainGenerators(snapshot, new CatalogIndex(snapshot.Titles, snapshot.MicroGenres, snapshot.AsOf), snapshot.Interactions, options,
            parts.Ranker, parts.Calibrator, parts.TrainedAt, _ => { }, CancellationToken.None, parts);

    private static RecommenderModel TrainGenerators(InteractionSnapshot snapshot, CatalogIndex catalog, IEnumerable<ProfileTitleInteraction> interactions,
        RecommenderOptions options, CompiledTreeEnsemble? ranker, MatchCalibrator? calibrator, DateTime trainedAt, Action<TrainingProgress> report, CancellationToken ct,
        PersistedModel? parts = null, RecommenderModel? reuse = null)
    {
        var list = interactions as IReadOnlyCollection<ProfileTitleInteraction> ?? [.. interactions];
        var matrix = InteractionMatrix.Build(catalog, snapshot.Profiles, list);
        report(new TrainingProgress("Counting popularity", 0.02));
        var popularity = PopularityModel.Train(matrix, catalog, options.TrendingDays, options.NewReleaseDays);
        report(new TrainingProgress("Finding co-viewed titles", 0.05));
        var coViewing = parts?.CoViewing ?? CoViewingNeighbours.Train(matrix, options.Neighbours, ct);
        report(new TrainingProgress("Learning latent taste factors", 0.2));
        var factors = parts?.Factors ?? ImplicitFactorModel.Train(matrix, options,
            new InlineProgress<double>(f => report(new TrainingProgress("Learning latent taste factors", 0.2 + 0.5 * f))), reuse?.Factors.ItemFactors, ct);
        report(new TrainingProgress("Learning taste communities", 0.7));
        var tags = new MicroGenreAffinity(catalog);
        (int Community, float Weight)[][] memberships;
        var centroids = parts?.Centroids ?? reuse?.Communities.Centroids;
        var communities = centroids is null
            ? TasteCommunityModel.Train(matrix, catalog, tags, snapshot.InfluenceEdges, options, out memberships)
            : TasteCommunityModel.FromCentroids(matrix, catalog, tags, snapshot.InfluenceEdges, options, centroids,
                parts?.Temperature ?? reuse!.Communities.Temperature, out memberships);

        report(new TrainingProgress("Preparing profiles", 0.9));
        var thumbedDown = list.Where(i => i.Thumb == ThumbRating.Down).GroupBy(i => i.ProfileId)
            .ToDictionary(g => g.Key, g => g.Select(i => catalog.TryTitle(i.TitleId, out var t) ? t : -1).Where(t => t >= 0).ToArray());
        var profiles = new Dictionary<int, ProfileState>(matrix.ProfileCount);
        var k = factors.Factors;
        foreach (var info in snapshot.Profiles)
        {
            var u = matrix.ProfileIndex[info.Id];
            var titles = matrix.Row(u).ToArray();
            var strengths = matrix.RowStrengths(u).ToArray();
            profiles[info.Id] = new ProfileState
            {
                ProfileId = info.Id,
                IsKids = info.IsKids,
                Titles = titles,
                Strengths = strengths,
                LastAt = matrix.LastAt.AsSpan(matrix.RowStart[u], titles.Length).ToArray(),
                Excluded = matrix.Seen[u],
                ThumbedDown = thumbedDown.GetValueOrDefault(info.Id, []),
                Factors = factors.UserFactors.AsSpan(u * k, k).ToArray(),
                TagAffinity = tags.ProfileAffinity(titles, strengths),
                Communities = memberships[u],
            };
        }

        return new RecommenderModel
        {
            Catalog = catalog,
            Popularity = popularity,
            Factors = factors,
            CoViewing = coViewing,
            Tags = tags,
            Communities = communities,
            Ranker = ranker,
            Calibrator = calibrator ?? new MatchCalibrator([0f, 1f], [0f, 1f]),
            Profiles = profiles,
            DataVersion = snapshot.DataVersion,
            TrainedAt = trainedAt,
            CandidatePool = options.CandidatePool,
        };
    }
}

/// <summary>Reports on the calling thread, in order (System.Progress posts to the thread pool and can reorder).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
