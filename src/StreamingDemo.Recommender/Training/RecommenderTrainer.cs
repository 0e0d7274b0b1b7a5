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
/// Trains a whole <see cref="RecommenderModel"/> from a snapshot. The ranker and the enjoyment model need labels their
/// features have not seen, so training runs twice: generators on the data minus a per-profile holdout → examples (half of the
/// ranker's sampled profiles train the LightGBM ranker on "played"; the rest, and <see cref="RecommenderOptions.EnjoymentProfiles"/>
/// more, are split between the enjoyment model ("enjoyed what it started") and the match calibrator); then generators on all
/// data for serving.
/// </summary>
internal static class RecommenderTrainer
{
    /// <summary>Share of a sampled profile's titles held out as labels.</summary>
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

        // 1. Hold out a share of each sampled profile's titles, liked or not: the ranker learns which it played, the
        //    enjoyment model which of the started ones it enjoyed.
        var random = new Random(options.Seed);
        var byProfile = snapshot.Interactions.GroupBy(i => i.ProfileId).ToDictionary(g => g.Key, g => g.ToList());
        var eligible = snapshot.Profiles.Select(p => p.Id).Order()
            .Where(id => byProfile.TryGetValue(id, out var list) && list.Count(ImplicitSignal.IsPositive) >= 5).ToArray();
        random.Shuffle(eligible);
        var sampled = eligible.Take(options.RankerProfiles + options.EnjoymentProfiles).ToArray();
        var heldOut = new Dictionary<(int, int), ProfileTitleInteraction>();
        foreach (var profileId in sampled)
        {
            var all = byProfile[profileId].OrderBy(i => i.TitleId).ToList();
            var held = protocol == HoldoutProtocol.LeaveLastOut
                ? [all.OrderByDescending(i => i.LastAt).ThenBy(i => i.TitleId).First()]
                : all.OrderBy(_ => random.Next()).Take(Math.Max(1, (int)Math.Round(all.Count * RandomHoldout))).ToList();
            foreach (var i in held)
            {
                heldOut[(profileId, i.TitleId)] = i;
            }
        }

        bool Played(int profileId, int titleId) => heldOut.TryGetValue((profileId, titleId), out var i) && ImplicitSignal.IsPositive(i);

        TrainedRanker? ranker = null;
        CompiledTreeEnsemble? enjoyment = null;
        MatchCalibrator? calibrator = null;
        RecommenderModel? baseModel = null;
        if (sampled.Length >= 20)
        {
            progress?.Report(new TrainingProgress("Learning candidate generators (holdout)", 0.0));
            var baseInteractions = snapshot.Interactions.Where(i => !heldOut.ContainsKey((i.ProfileId, i.TitleId)));
            baseModel = TrainGenerators(snapshot, catalog, baseInteractions, options, null, null, null, trainedAt, p => progress?.Report(p with { Fraction = p.Fraction * 0.4 }), ct);

            // A quarter of the sampled profiles each: ranker examples (two quarters), enjoyment-model examples, calibration
            // examples. Half of every quarter also comes back as newcomers with their three strongest titles, so both the
            // ranker and the match % learn what thin evidence is worth (cold start, V2).
            progress?.Report(new TrainingProgress("Building ranker examples", 0.4));
            var rankerFeatures = new List<float[]>();
            var rankerLabels = new List<bool>();
            var rankerGroups = new List<uint>();
            uint group = 0;
            var starts = new (List<float[]> Features, List<bool> Labels)[] { ([], []), ([], []) };
            for (var s = 0; s < sampled.Length; s++)
            {
                ct.ThrowIfCancellationRequested();
                var profileId = sampled[s];
                var state = baseModel.Profiles[profileId];
                // Roles: within the ranker's share 0 and 2 train the ranker, 1 the enjoyment model, 3 the calibrator; beyond it
                // the profiles alternate between the enjoyment model and the calibrator.
                var role = s < options.RankerProfiles ? s % 4 : s % 2 == 0 ? 1 : 3;
                var interactions = byProfile[profileId].ToDictionary(i => i.TitleId);

                void AddStarts(ProfileState who, IEnumerable<int> titles)
                {
                    var target = starts[role == 1 ? 0 : 1];
                    using var scorer = baseModel.Scorer(who);
                    // The calibrator learns from the starts among the profile's candidates, the titles recommendation cards are
                    // placed from: on a large catalogue most held-out starts lie far outside them, are enjoyed less often at the
                    // same enjoyment score, and pulled the low end of the map below what placed cards came true at (0029).
                    var pool = role == 1 ? null : scorer.CandidatePool();
                    var started = titles.Where(t => interactions.TryGetValue(catalog.Titles[t].Id, out var i) && ImplicitSignal.IsStart(i)
                        && (pool is null || pool.Contains(t))).ToArray();
                    target.Features.AddRange(scorer.EnjoymentFeatureVectors(started));

                    target.Labels.AddRange(started.Select(t => ImplicitSignal.Enjoyed(interactions[catalog.Titles[t].Id], catalog.Titles[t].Kind == TitleKind.Series)));
                }

                var heldTitles = interactions.Keys.Where(id => heldOut.ContainsKey((profileId, id)) && catalog.TryTitle(id, out _))
                    .Select(id => catalog.TryTitle(id, out var t) ? t : -1).Order().ToArray();
                if (role is 0 or 2)
                {
                    group++;
                    foreach (var (features, title) in CandidateFeatures(baseModel, state))
                    {
                        rankerFeatures.Add(features);
                        rankerLabels.Add(Played(profileId, catalog.Titles[title].Id));
                        rankerGroups.Add(group);
                    }
                }
                else
                {
                    AddStarts(state, heldTitles);
                }

                if ((s / 4) % 2 == 0 && state.Titles.Length > ColdStartPicks)
                {
                    var order = Enumerable.Range(0, state.Titles.Length).OrderByDescending(i => state.Strengths[i]).ThenBy(_ => random.Next()).ToArray();
                    var picks = order.Take(ColdStartPicks).Select(i => (state.Titles[i], state.Strengths[i], state.LastAt[i])).ToList();
                    var hidden = order.Skip(ColdStartPicks).Select(i => state.Titles[i]).ToHashSet();
                    var newcomer = baseModel.BuildState(state.ProfileId, state.IsKids, picks, [], state.ThumbedDown);
                    if (role is 0 or 2)
                    {
                        group++;
                        foreach (var (features, title) in CandidateFeatures(baseModel, newcomer))
                        {
                            rankerFeatures.Add(features);
                            rankerLabels.Add(hidden.Contains(title) || Played(profileId, catalog.Titles[title].Id));
                            rankerGroups.Add(group);
                        }
                    }
                    else
                    {
                        var picked = picks.Select(p => p.Item1).ToHashSet();
                        AddStarts(newcomer, [.. interactions.Keys.Select(id => catalog.TryTitle(id, out var t) ? t : -1).Where(t => t >= 0 && !picked.Contains(t)).Order()]);
                    }
                }
            }

            if (rankerLabels.Contains(true) && rankerLabels.Contains(false))
            {
                progress?.Report(new TrainingProgress("Training the LightGBM ranker", 0.45));
                ranker = RankerTrainer.Train(rankerFeatures, rankerLabels, options, rankerGroups);
                foreach (var features in starts.SelectMany(x => x.Features))
                {
                    features[EnjoymentFeatures.RankerScore] = ranker.Compiled.Score(features);
                }

                var (fit, fitLabels) = starts[0];
                var (held, heldLabels) = starts[1];
                if (fitLabels.Contains(true) && fitLabels.Contains(false) && heldLabels.Count > 0)
                {
                    progress?.Report(new TrainingProgress("Training the enjoyment model", 0.5));
                    enjoyment = EnjoymentTrainer.Train(fit, fitLabels, options.Seed);
                    progress?.Report(new TrainingProgress("Calibrating match scores", 0.55));
                    calibrator = MatchCalibrator.Fit([.. held.Select(f => enjoyment.Score(f))], heldLabels);
                }
            }
        }

        progress?.Report(new TrainingProgress("Learning candidate generators", 0.6));
        // The holdout pass saw nearly all the data: its communities are kept (memberships and popularity are recomputed on
        // everything) and its item factors warm-start ALS.
        var model = TrainGenerators(snapshot, catalog, snapshot.Interactions, options, ranker?.Compiled, enjoyment, calibrator, trainedAt,
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
            parts.Ranker, parts.Enjoyment, parts.Calibrator, parts.TrainedAt, _ => { }, CancellationToken.None, parts);

    private static RecommenderModel TrainGenerators(InteractionSnapshot snapshot, CatalogIndex catalog, IEnumerable<ProfileTitleInteraction> interactions,
        RecommenderOptions options, CompiledTreeEnsemble? ranker, CompiledTreeEnsemble? enjoyment, MatchCalibrator? calibrator, DateTime trainedAt, Action<TrainingProgress> report, CancellationToken ct,
        PersistedModel? parts = null, RecommenderModel? reuse = null)
    {
        var list = interactions as IReadOnlyCollection<ProfileTitleInteraction> ?? [.. interactions];
        var matrix = InteractionMatrix.Build(catalog, snapshot.Profiles, list);
        report(new TrainingProgress("Counting popularity", 0.02));
        var popularity = PopularityModel.Train(matrix, catalog, options.TrendingDays, options.NewReleaseDays);
        report(new TrainingProgress("Finding co-viewed titles", 0.05));
        var coViewing = parts?.CoViewing ?? CoViewingNeighbours.Train(matrix, options.Neighbours, ct);
        report(new TrainingProgress("Fitting the EASE item–item model", 0.1));
        var ease = parts?.Ease ?? EaseItemModel.Train(matrix, options.EaseTitles, options.EaseRegularization, ct);
        report(new TrainingProgress("Learning latent taste factors", 0.2));
        var factors = parts?.Factors ?? ImplicitFactorModel.Train(matrix, options,
            new SynchronousProgress<double>(f => report(new TrainingProgress("Learning latent taste factors", 0.2 + 0.5 * f))), reuse?.Factors.ItemFactors, ct);
        report(new TrainingProgress("Learning taste communities", 0.7));
        var tags = new MicroGenreAffinity(catalog);
        (int Community, float Weight)[][] memberships;
        var centroids = parts?.Centroids ?? reuse?.Communities.Centroids;
        var communities = centroids is null
            ? TasteCommunityModel.Train(matrix, catalog, tags, snapshot.InfluenceEdges, options, out memberships)
            : TasteCommunityModel.FromCentroids(matrix, catalog, tags, snapshot.InfluenceEdges, options, centroids,
                parts?.Temperature ?? reuse!.Communities.Temperature, out memberships);
        var posterior = CommunityPosterior.Train(matrix, communities, CommunityPosterior.RefinementPasses, ct);

        // One reading of a profile's communities (docs/decisions/0034): its mixture over the communities read off its titles,
        // the same the community generator scores with; sizes, popularity, trending and names follow that grouping.
        var mixtures = new float[matrix.ProfileCount][];
        Parallel.For(0, matrix.ProfileCount, new ParallelOptions { CancellationToken = ct }, u =>
        {
            mixtures[u] = posterior.Weights(matrix.Row(u), matrix.RowStrengths(u));
            memberships[u] = CommunityPosterior.Strongest(mixtures[u], matrix.RowStart[u + 1] > matrix.RowStart[u]);
        });
        communities = communities.Regroup(matrix, catalog, tags, snapshot.InfluenceEdges, options, memberships);

        report(new TrainingProgress("Preparing profiles", 0.9));
        var thumbedDown = list.Where(i => i.Thumb == ThumbRating.Down).GroupBy(i => i.ProfileId)
            .ToDictionary(g => g.Key, g => g.Select(i => catalog.TryTitle(i.TitleId, out var t) ? t : -1).Where(t => t >= 0).ToArray());
        var leanings = snapshot.ChoiceLeanings.GroupBy(l => l.ProfileId).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<int, float>)g.Select(l => (Tag: catalog.TagIndexOf(l.MicroGenreId), l.Weight)).Where(l => l.Tag >= 0).ToDictionary(l => l.Tag, l => l.Weight));
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
                TagAffinity = tags.ProfileAffinity(titles, strengths, leanings.GetValueOrDefault(info.Id)),
                Leanings = leanings.GetValueOrDefault(info.Id) ?? MicroGenreAffinity.EmptyLeanings,
                CommunityMixture = mixtures[u],
                Communities = memberships[u].Length > 0 || !leanings.TryGetValue(info.Id, out var leaning) ? memberships[u]
                    : communities.NearestToLeanings(tags, leaning),
            };
        }

        return new RecommenderModel
        {
            Catalog = catalog,
            Popularity = popularity,
            Factors = factors,
            CoViewing = coViewing,
            Ease = ease,
            Tags = tags,
            Communities = communities,
            CommunityPosterior = posterior,
            Ranker = ranker,
            Enjoyment = enjoyment,
            Calibrator = calibrator ?? new MatchCalibrator([0f, 1f], [0f, 1f]),
            Profiles = profiles,
            DataVersion = snapshot.DataVersion,
            TrainedAt = trainedAt,
            CandidatePool = options.CandidatePool,
        };
    }
}
