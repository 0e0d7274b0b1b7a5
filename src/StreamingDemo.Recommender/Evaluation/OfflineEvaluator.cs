using StreamingDemo.Domain;
using StreamingDemo.Recommender.Artwork;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Evaluation;

public enum EvaluationProtocol
{
    /// <summary>Per profile, a random 20% of its positive titles are held out.</summary>
    Random8020,

    /// <summary>Per profile, its most recent positive title is held out.</summary>
    LeaveLastOut,
}

public sealed record ReliabilityBin(double From, double To, int Count, double Predicted, double Observed);

/// <summary>
/// Reliability of the match % over a set of (predicted, enjoyed) pairs: ECE, the ten-bin table, how many pairs, and the largest
/// |predicted − observed| in any bin holding at least 1 % of them.
/// </summary>
public sealed record CalibrationReport(double Ece, IReadOnlyList<ReliabilityBin> Reliability, int Count = 0, double LargestGap = 0);

/// <summary>What <see cref="OfflineEvaluator.Split"/> holds out and what the system may train on.</summary>
internal sealed record EvaluationSplit(
    InteractionSnapshot Training,
    Dictionary<int, HashSet<int>> Relevant,
    Dictionary<int, Dictionary<int, ProfileTitleInteraction>> HeldOutStarts,
    Dictionary<int, (List<ProfileTitleInteraction> Picks, HashSet<int> Relevant)> Cohort);

/// <summary>
/// Learned vs planted communities: the adjusted Rand index of each profile's dominant community, how many there are, over how
/// many profiles, and (seeded data) the index reached reading the planted communities themselves off the same titles.
/// </summary>
public sealed record CommunityReport(double? Ari, int Learned, int? Planted, int Profiles, double? PlantedReadingAri = null);

public sealed record EvaluationReport(
    string Dataset,
    string Protocol,
    IReadOnlyList<ModelMetrics> Models,
    IReadOnlyList<ModelMetrics> ColdStart,
    CalibrationReport Calibration,
    CommunityReport Communities,
    TimeSpan TrainingTime,
    CalibrationReport? PlacedCalibration = null,
    CalibrationReport? NewcomerCalibration = null,
    int PlacedCards = 0,
    ArtworkReplayReport? Artwork = null);

/// <summary>
/// Offline evaluation (issue 3 item 7): split each profile's positives, train the whole system on the rest, rank the full
/// catalogue excluding training titles, and score most-popular, each generator alone, the system and (seeded data) the
/// oracle. A cohort of profiles is removed from training entirely and comes back with only three picks (cold start).
/// </summary>
public static class OfflineEvaluator
{
    private const int ColdStartPicks = 3;
    private const int CalibrationBins = 10;

    private static readonly (string Name, Generator Generator)[] Baselines =
    [
        ("most-popular", Generator.MostPopular),
        ("co-viewing", Generator.CoViewing),
        ("latent-factors", Generator.Factors),
        ("community-popularity", Generator.Community),
        ("micro-genre-affinity", Generator.MicroGenre),
        ("new-and-trending", Generator.Trending),
        ("ease-item-item", Generator.Ease),
    ];

    public static EvaluationReport Evaluate(InteractionSnapshot snapshot, GroundTruth? truth, string dataset, EvaluationProtocol protocol,
        RecommenderOptions options, IProgress<TrainingProgress>? progress = null,
        IReadOnlyList<LoggedImpression>? artworkLog = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var kidsById = snapshot.Profiles.ToDictionary(p => p.Id, p => p.IsKids);
        // 1. Split: held-out titles per profile and the cold-start cohort.
        var (training, test, startsHeld, cohort) = Split(snapshot, protocol, options.Seed);

        // 2. Train the system on the training part only, holding out labels the same way the protocol does.
        var started = TimeProvider.System.GetTimestamp();
        var model = RecommenderTrainer.Train(training, options,
            protocol == EvaluationProtocol.LeaveLastOut ? HoldoutProtocol.LeaveLastOut : HoldoutProtocol.Random, progress, ct: ct);
        var trainingTime = TimeProvider.System.GetElapsedTime(started);
        var oracle = truth is null ? null : new PlantedOracle(truth, model);
        var catalogue = model.Catalog.TitleCount;
        int Id(int index) => model.Catalog.Titles[index].Id;

        // 3. Warm profiles.
        var warm = test.Keys.Where(id => !cohort.ContainsKey(id)).Order().ToArray();
        var names = Baselines.Select(b => b.Name).Append("system").Concat(oracle is null ? [] : ["oracle"]).ToArray();
        var lists = new int[warm.Length][][];
        var calibration = new (float Match, bool Enjoyed)[warm.Length][];
        var placed = new (float Match, bool Enjoyed)[warm.Length][];
        var placedCounts = new int[warm.Length];
        var pages = new HomePageBuilder(model);
        var seriesById = model.Catalog.Titles.Where(t => t.Kind == TitleKind.Series).Select(t => t.Id).ToHashSet();
        bool Enjoyed(ProfileTitleInteraction i) => ImplicitSignal.Enjoyed(i, seriesById.Contains(i.TitleId));

        // The cards a home page places with a match % (recommendation rows; not Continue Watching, not exploration cards), and
        // the outcome of each the profile went on to start.
        (float Match, bool Enjoyed)[] Placed(ProfileScorer scorer, IReadOnlyDictionary<int, ProfileTitleInteraction> starts, out int count)
        {
            var page = pages.Compose(scorer, new HomePageRequest(scorer.State.ProfileId, DeviceType.Desktop, []), snapshot.AsOf);
            var cards = page.Rows.Where(r => r.Kind != RowKind.ContinueWatching).SelectMany(r => r.Items)
                .Where(c => !c.Explanation.IsExploration).DistinctBy(c => c.TitleId).ToList();
            count = cards.Count;
            return [.. cards.Where(c => starts.ContainsKey(c.TitleId)).Select(c => ((float)c.Match, Enjoyed(starts[c.TitleId])))];
        }

        progress?.Report(new TrainingProgress("Ranking held-out profiles", 0));
        Parallel.For(0, warm.Length, new ParallelOptions { CancellationToken = ct }, w =>
        {
            var state = model.Profiles[warm[w]];
            var relevant = test[warm[w]];
            var result = new int[names.Length][];
            using var scorer = model.Scorer(state);
            for (var b = 0; b < Baselines.Length; b++)
            {
                result[b] = [.. scorer.RankBy(Baselines[b].Generator, 20).Select(Id)];
            }

            var pool = scorer.Ranked(model.CandidatePool);
            result[Baselines.Length] = [.. pool.Take(20).Select(s => Id(s.Title))];
            if (oracle is not null)
            {
                result[^1] = [.. oracle.Rank(warm[w], state, 20).Select(Id)];
            }

            lists[w] = result;
            var starts = startsHeld[warm[w]];
            calibration[w] = [.. pool.Where(s => starts.ContainsKey(Id(s.Title))).Select(s => (s.Match, Enjoyed(starts[Id(s.Title)])))];
            placed[w] = Placed(scorer, starts, out placedCounts[w]);
        });

        var models = names.Select(n => new RankingMetrics(n, catalogue)).ToArray();
        for (var w = 0; w < warm.Length; w++)
        {
            for (var m = 0; m < models.Length; m++)
            {
                models[m].Add(lists[w][m], test[warm[w]]);
            }
        }

        // 4. Cold start: fold-in from the three picks, no retraining. With the planted truth, two references: the oracle that
        //    knows the newcomer's memberships, and the planted model's reading of the three picks alone.
        var coldNames = oracle is null ? names : [.. names, "oracle-from-picks"];
        var coldModels = coldNames.Select(n => new RankingMetrics(n, catalogue)).ToArray();
        var newcomerIds = cohort.Keys.Order().ToArray();
        var coldLists = new int[newcomerIds.Length][][];
        var newcomerPlaced = new (float Match, bool Enjoyed)[newcomerIds.Length][];
        Parallel.For(0, newcomerIds.Length, new ParallelOptions { CancellationToken = ct }, n =>
        {
            var profileId = newcomerIds[n];
            var evidence = cohort[profileId].Picks.Where(p => model.Catalog.TryTitle(p.TitleId, out _))
                .Select(p => (Title: model.Catalog.TryTitle(p.TitleId, out var t) ? t : -1, Strength: ImplicitSignal.Strength(p), p.LastAt)).ToList();
            var state = model.BuildState(profileId, kidsById.GetValueOrDefault(profileId), evidence, [], []);
            using var scorer = model.Scorer(state);
            newcomerPlaced[n] = Placed(scorer, startsHeld[profileId], out _);
            var result = new int[coldNames.Length][];
            for (var b = 0; b < Baselines.Length; b++)
            {
                result[b] = [.. scorer.RankBy(Baselines[b].Generator, 20).Select(Id)];
            }

            result[Baselines.Length] = [.. scorer.Ranked(20).Select(s => Id(s.Title))];
            if (oracle is not null)
            {
                result[^2] = [.. oracle.Rank(profileId, state, 20).Select(Id)];
                result[^1] = [.. oracle.RankFromPicks(state, [.. evidence.Select(e => e.Title)], 20).Select(Id)];
            }

            coldLists[n] = result;
        });

        for (var n = 0; n < newcomerIds.Length; n++)
        {
            for (var m = 0; m < coldModels.Length; m++)
            {
                coldModels[m].Add(coldLists[n][m], cohort[newcomerIds[n]].Relevant);
            }
        }

        var newcomers = newcomerPlaced.SelectMany(p => p);

        // 5. Calibration of the match % (P(enjoy | starts)) over every scored candidate the warm profiles went on to start,
        //    over the cards placed on their home pages, and over newcomers' pages after three picks.
        var report = Calibrate(calibration.SelectMany(c => c));
        var placedReport = Calibrate(placed.SelectMany(c => c));
        var newcomerReport = Calibrate(newcomers);

        // 6. Learned vs planted communities: dominant community per profile (the heaviest of its mixture read off its titles),
        //    and as a reference, the planted community its titles point to when the planted communities are known.
        CommunityReport communities;
        if (truth is null)
        {
            communities = new CommunityReport(null, model.Communities.Count, null, 0, null);
        }
        else
        {
            var planted = truth.Memberships.Where(m => m.Rank == 1).ToDictionary(m => m.ProfileId, m => m.CommunityId);
            var read = model.Profiles.Values.Where(s => s.HasEvidence && planted.ContainsKey(s.ProfileId)).OrderBy(s => s.ProfileId).ToArray();
            var plantedReading = new int[read.Length];
            Parallel.For(0, read.Length, new ParallelOptions { CancellationToken = ct }, i => plantedReading[i] = oracle!.Dominant(read[i].Titles));
            int[] plantedLabels = [.. read.Select(s => planted[s.ProfileId])];
            communities = new CommunityReport(AdjustedRandIndex.Compute([.. read.Select(s => s.Communities[0].Community)], plantedLabels),
                model.Communities.Count, truth.Communities.Count, read.Length, AdjustedRandIndex.Compute(plantedReading, plantedLabels));
        }

        return new EvaluationReport(dataset, protocol == EvaluationProtocol.Random8020 ? "random-80-20" : "leave-last-out",
            [.. models.Select(m => m.Result())], [.. coldModels.Select(m => m.Result())], report, communities, trainingTime,
            placedReport, newcomerReport, placedCounts.Sum(),
            artworkLog is not { Count: > 0 } ? null : ReplayArtwork(model, snapshot, artworkLog));
    }

    /// <summary>
    /// V10: replays the store's logged artwork impressions (seeded with planted theme preferences and random exploration)
    /// against the artwork policies, with each profile's context (communities, recent micro-genres) from this model.
    /// </summary>
    private static ArtworkReplayReport ReplayArtwork(RecommenderModel model, InteractionSnapshot snapshot, IReadOnlyList<LoggedImpression> log)
    {
        var context = new ArtworkContext(Enumerable.Range(0, model.Communities.Count), snapshot.Genres.Select(g => g.Id));
        var tastes = new Dictionary<int, ProfileTaste>();
        ProfileTaste Taste(int profileId) => tastes.TryGetValue(profileId, out var known) ? known
            : tastes[profileId] = model.Profiles.TryGetValue(profileId, out var state) ? ProfileTasteReader.Read(model, state) : new ProfileTaste(profileId, []);
        return ArtworkReplay.Run(log, (profile, device) => context.For(Taste(profile), device), context.Dimension, ArtworkLearning.DefaultAlpha);
    }

    /// <summary>
    /// The evaluation split: held-out titles per profile (liked or not; relevant = the ones not thumbed down), the held-out starts
    /// whose enjoyment the match % is judged on, the cold-start cohort (out of training entirely, back with three favourite
    /// picks), and the snapshot the system is trained on, which holds none of them.
    /// </summary>
    internal static EvaluationSplit Split(InteractionSnapshot snapshot, EvaluationProtocol protocol, int seed)
    {
        var random = new Random(seed);

        // 1. Split.
        var test = new Dictionary<int, HashSet<int>>();
        var heldOut = new HashSet<(int, int)>();
        var byProfile = snapshot.Interactions.GroupBy(i => i.ProfileId).OrderBy(g => g.Key).ToList();
        var minimum = protocol == EvaluationProtocol.Random8020 ? 5 : 3;
        // Titles are held out liked or not (a thumbs-down or an abandon is a start too); relevant for ranking are the held-out
        // titles that were not thumbed down, and every held-out start is an outcome for the match % (enjoyed or not).
        var startsHeld = new Dictionary<int, Dictionary<int, ProfileTitleInteraction>>();
        foreach (var group in byProfile)
        {
            var all = group.OrderBy(i => i.TitleId).ToList();
            if (all.Count(ImplicitSignal.IsPositive) < minimum)
            {
                continue;
            }

            var held = protocol == EvaluationProtocol.LeaveLastOut
                ? [all.Where(ImplicitSignal.IsPositive).OrderByDescending(i => i.LastAt).ThenBy(i => i.TitleId).First()]
                : all.OrderBy(_ => random.Next()).Take(Math.Max(1, (int)Math.Round(all.Count * 0.2))).ToList();
            test[group.Key] = [.. held.Where(ImplicitSignal.IsPositive).Select(i => i.TitleId)];
            startsHeld[group.Key] = held.Where(ImplicitSignal.IsStart).ToDictionary(i => i.TitleId);
            foreach (var i in held)
            {
                heldOut.Add((group.Key, i.TitleId));
            }
        }

        // 2. Cold-start cohort: out of training entirely, back with three favourite picks.
        var eligible = test.Keys.Order().ToArray();
        random.Shuffle(eligible);
        var cohortSize = Math.Min(500, Math.Max(1, eligible.Length / 10));
        var cohort = new Dictionary<int, (List<ProfileTitleInteraction> Picks, HashSet<int> Relevant)>();
        var grouped = byProfile.ToDictionary(g => g.Key, g => g.ToList());
        foreach (var profileId in eligible.Take(cohortSize).Order())
        {
            var positives = grouped[profileId].Where(ImplicitSignal.IsPositive).OrderBy(i => i.TitleId).ToList();
            var favourites = positives.Where(i => i.Thumb is ThumbRating.Up or ThumbRating.Love || i.Completion >= 0.8f).ToList();
            var pool = favourites.Count >= ColdStartPicks ? favourites : positives;
            var picks = pool.OrderBy(_ => random.Next()).Take(ColdStartPicks).ToList();
            var picked = picks.Select(p => p.TitleId).ToHashSet();
            cohort[profileId] = (picks, [.. positives.Select(p => p.TitleId).Where(t => !picked.Contains(t))]);
            startsHeld[profileId] = grouped[profileId].Where(i => ImplicitSignal.IsStart(i) && !picked.Contains(i.TitleId)).ToDictionary(i => i.TitleId);
        }

        var training = snapshot with
        {
            Interactions = [.. snapshot.Interactions.Where(i => !heldOut.Contains((i.ProfileId, i.TitleId)) && !cohort.ContainsKey(i.ProfileId))],
            ChoiceLeanings = [.. snapshot.ChoiceLeanings.Where(l => !cohort.ContainsKey(l.ProfileId))],
        };
        return new EvaluationSplit(training, test, startsHeld, cohort);

    }

    internal static CalibrationReport Calibrate(IEnumerable<(float Match, bool Hit)> points)
    {
        var count = new int[CalibrationBins];
        var predicted = new double[CalibrationBins];
        var observed = new double[CalibrationBins];
        var total = 0;
        foreach (var (match, hit) in points)
        {
            var bin = Math.Clamp((int)(match * CalibrationBins), 0, CalibrationBins - 1);
            count[bin]++;
            predicted[bin] += match;
            observed[bin] += hit ? 1 : 0;
            total++;
        }

        var ece = 0.0;
        var gap = 0.0;
        var bins = new List<ReliabilityBin>();
        for (var b = 0; b < CalibrationBins; b++)
        {
            if (count[b] == 0)
            {
                continue;
            }

            var p = predicted[b] / count[b];
            var o = observed[b] / count[b];
            ece += count[b] / (double)total * Math.Abs(p - o);
            if (count[b] >= 0.01 * total)
            {
                gap = Math.Max(gap, Math.Abs(p - o));
            }

            bins.Add(new ReliabilityBin(b / (double)CalibrationBins, (b + 1) / (double)CalibrationBins, count[b], p, o));
        }

        return new CalibrationReport(ece, bins, total, gap);
    }
}
