using StreamingDemo.Domain;
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

public sealed record CalibrationReport(double Ece, IReadOnlyList<ReliabilityBin> Reliability);

public sealed record CommunityReport(double? Ari, int Learned, int? Planted, int Profiles);

public sealed record EvaluationReport(
    string Dataset,
    string Protocol,
    IReadOnlyList<ModelMetrics> Models,
    IReadOnlyList<ModelMetrics> ColdStart,
    CalibrationReport Calibration,
    CommunityReport Communities,
    TimeSpan TrainingTime);

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
    ];

    public static EvaluationReport Evaluate(InteractionSnapshot snapshot, GroundTruth? truth, string dataset, EvaluationProtocol protocol,
        RecommenderOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var kidsById = snapshot.Profiles.ToDictionary(p => p.Id, p => p.IsKids);

        // 1. Split.
        var test = new Dictionary<int, HashSet<int>>();
        var heldOut = new HashSet<(int, int)>();
        var byProfile = snapshot.Interactions.GroupBy(i => i.ProfileId).OrderBy(g => g.Key).ToList();
        var minimum = protocol == EvaluationProtocol.Random8020 ? 5 : 3;
        foreach (var group in byProfile)
        {
            var positives = group.Where(ImplicitSignal.IsPositive).OrderBy(i => i.TitleId).ToList();
            if (positives.Count < minimum)
            {
                continue;
            }

            var held = protocol == EvaluationProtocol.LeaveLastOut
                ? [positives.OrderByDescending(i => i.LastAt).ThenBy(i => i.TitleId).First()]
                : positives.OrderBy(_ => random.Next()).Take(Math.Max(1, (int)Math.Round(positives.Count * 0.2))).ToList();
            test[group.Key] = [.. held.Select(i => i.TitleId)];
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
        }

        var training = snapshot with
        {
            Interactions = [.. snapshot.Interactions.Where(i => !heldOut.Contains((i.ProfileId, i.TitleId)) && !cohort.ContainsKey(i.ProfileId))],
        };

        // 3. Train the system on the training part only, holding out labels the same way the protocol does.
        var started = TimeProvider.System.GetTimestamp();
        var model = RecommenderTrainer.Train(training, options,
            protocol == EvaluationProtocol.LeaveLastOut ? HoldoutProtocol.LeaveLastOut : HoldoutProtocol.Random, progress, ct: ct);
        var trainingTime = TimeProvider.System.GetElapsedTime(started);
        var oracle = truth is null ? null : new PlantedOracle(truth, model);
        var catalogue = model.Catalog.TitleCount;
        int Id(int index) => model.Catalog.Titles[index].Id;

        // 4. Warm profiles.
        var warm = test.Keys.Where(id => !cohort.ContainsKey(id)).Order().ToArray();
        var names = Baselines.Select(b => b.Name).Append("system").Concat(oracle is null ? [] : ["oracle"]).ToArray();
        var lists = new int[warm.Length][][];
        var calibration = new (float Match, bool Hit)[warm.Length][];
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
            calibration[w] = [.. pool.Select(s => (s.Match, relevant.Contains(Id(s.Title))))];
        });

        var models = names.Select(n => new RankingMetrics(n, catalogue)).ToArray();
        for (var w = 0; w < warm.Length; w++)
        {
            for (var m = 0; m < models.Length; m++)
            {
                models[m].Add(lists[w][m], test[warm[w]]);
            }
        }

        // 5. Cold start: fold-in from the three picks, no retraining.
        var coldModels = names.Select(n => new RankingMetrics(n, catalogue)).ToArray();
        foreach (var (profileId, (picks, relevant)) in cohort)
        {
            var evidence = picks.Where(p => model.Catalog.TryTitle(p.TitleId, out _))
                .Select(p => (Title: model.Catalog.TryTitle(p.TitleId, out var t) ? t : -1, Strength: ImplicitSignal.Strength(p), p.LastAt)).ToList();
            var state = model.BuildState(profileId, kidsById.GetValueOrDefault(profileId), evidence, [], []);
            using var scorer = model.Scorer(state);
            for (var b = 0; b < Baselines.Length; b++)
            {
                coldModels[b].Add([.. scorer.RankBy(Baselines[b].Generator, 20).Select(Id)], relevant);
            }

            coldModels[Baselines.Length].Add([.. scorer.Ranked(20).Select(s => Id(s.Title))], relevant);
            if (oracle is not null)
            {
                coldModels[^1].Add([.. oracle.Rank(profileId, state, 20).Select(Id)], relevant);
            }
        }

        // 6. Calibration of the match % over every scored candidate of the warm profiles.
        var report = Calibrate(calibration.SelectMany(c => c));

        // 7. Learned vs planted communities: dominant community per profile.
        CommunityReport communities;
        if (truth is null)
        {
            communities = new CommunityReport(null, model.Communities.Count, null, 0);
        }
        else
        {
            var planted = truth.Memberships.Where(m => m.Rank == 1).ToDictionary(m => m.ProfileId, m => m.CommunityId);
            var pairs = model.Profiles.Values.Where(s => s.Communities.Length > 0 && planted.ContainsKey(s.ProfileId)).OrderBy(s => s.ProfileId)
                .Select(s => (Learned: s.Communities[0].Community, Planted: planted[s.ProfileId])).ToList();
            communities = new CommunityReport(AdjustedRandIndex.Compute([.. pairs.Select(p => p.Learned)], [.. pairs.Select(p => p.Planted)]),
                model.Communities.Count, truth.Communities.Count, pairs.Count);
        }

        return new EvaluationReport(dataset, protocol == EvaluationProtocol.Random8020 ? "random-80-20" : "leave-last-out",
            [.. models.Select(m => m.Result())], [.. coldModels.Select(m => m.Result())], report, communities, trainingTime);
    }

    private static CalibrationReport Calibrate(IEnumerable<(float Match, bool Hit)> points)
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
            bins.Add(new ReliabilityBin(b / (double)CalibrationBins, (b + 1) / (double)CalibrationBins, count[b], p, o));
        }

        return new CalibrationReport(ece, bins);
    }
}
