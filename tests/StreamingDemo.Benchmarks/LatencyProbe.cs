using System.Diagnostics;
using System.Globalization;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Communities;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Benchmarks;

/// <summary>Per-request latency percentiles (p50/p95/p99/max) of a whole home page and of feedback-to-page, warm.</summary>
internal static class LatencyProbe
{
    public static int Run(string[] args)
    {
        var world = BenchmarkWorld.Instance;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained on {world.Snapshot.Titles.Count:N0} titles, {world.Snapshot.Profiles.Count:N0} profiles, {world.Snapshot.Interactions.Count:N0} pairs in {world.TrainingTime.TotalSeconds:0.0} s"));
        var recommender = world.Recommender;
        var profiles = world.ProfileIds;
        for (var i = 0; i < 200; i++)
        {
            recommender.ComposeHomePage(new HomePageRequest(profiles[i % profiles.Length], DeviceType.Desktop, [], i));
        }

        // The same pages with everything, without the enjoyment model behind the match % (issue 7), without the EASE
        // generator and without the community mixture (their scores left at 0), requests in turn so all four see the same
        // machine load: what the second tree walk, the EASE pass and the mixture's multiply-add cost per page (the mixture itself
        // is read off the titles when the profile's state is built, docs/decisions/0034).
        var rankerOnly = new StreamingRecommender(Microsoft.Extensions.Options.Options.Create(world.Options), TimeProvider.System);
        rankerOnly.Swap(Without(world.Model, enjoyment: false, ease: true, mixture: true), 0);
        var noEase = new StreamingRecommender(Microsoft.Extensions.Options.Options.Create(world.Options), TimeProvider.System);
        noEase.Swap(Without(world.Model, enjoyment: true, ease: false, mixture: true), 0);
        var noMixture = new StreamingRecommender(Microsoft.Extensions.Options.Options.Create(world.Options), TimeProvider.System);
        noMixture.Swap(Without(world.Model, enjoyment: true, ease: true, mixture: false), 0);
        StreamingRecommender[] targets = [recommender, rankerOnly, noEase, noMixture];
        var times = new double[targets.Length][];
        for (var t = 0; t < targets.Length; t++)
        {
            times[t] = new double[2000];
        }

        for (var i = 0; i < 2000 * targets.Length; i++)
        {
            var t = i % targets.Length;
            var start = Stopwatch.GetTimestamp();
            targets[t].ComposeHomePage(new HomePageRequest(profiles[(i / targets.Length) % profiles.Length], DeviceType.Desktop, [], i / targets.Length));
            times[t][i / targets.Length] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        foreach (var column in times)
        {
            Array.Sort(column);
        }

        Report("whole home page (desktop, netflix-style)", times[0]);
        Report("same, without the enjoyment model", times[1]);
        Report("same, without the EASE generator", times[2]);
        Report("same, without the community mixture", times[3]);
        foreach (var (slug, layout) in BuiltInLayouts.All.Skip(1))
        {
            Report($"home page, {slug} layout", Measure(2000, i =>
                recommender.ComposeHomePage(new HomePageRequest(profiles[i % profiles.Length], DeviceType.Desktop, [], i, layout))));
        }

        Report("full ranking (all titles)", Measure(2000, i =>
        {
            using var scorer = world.Model.Scorer(world.Model.Profiles[profiles[i % profiles.Length]]);
            scorer.Ranked(world.Model.Catalog.TitleCount);
        }));
        Report("thumb folded in + new home page", Measure(1000, i =>
        {
            var profile = profiles[i % profiles.Length];
            // Each thumbed title becomes evidence and leaves the ranking: on a small store a kids profile can run out of titles.
            if (recommender.Rank(profile, 1) is [var top, ..])
            {
                recommender.Apply(new FeedbackEvent(profile, top.TitleId, FeedbackKind.Thumb, DateTime.UnixEpoch, ThumbRating.Up));
            }

            recommender.ComposeHomePage(new HomePageRequest(profile, DeviceType.Desktop, [], i));
        }));
        return 0;
    }

    private static RecommenderModel Without(RecommenderModel m, bool enjoyment, bool ease, bool mixture) => new()
    {
        Catalog = m.Catalog,
        Popularity = m.Popularity,
        Factors = m.Factors,
        CoViewing = m.CoViewing,
        Ease = ease ? m.Ease : new EaseItemModel(m.Catalog.TitleCount, [], []),
        Tags = m.Tags,
        Communities = m.Communities,
        CommunityPosterior = mixture ? m.CommunityPosterior : new CommunityPosterior(new TasteCommunityModel([], 1f, [], [], []), m.Catalog.TitleCount),
        Ranker = m.Ranker,
        Enjoyment = enjoyment ? m.Enjoyment : null,
        Calibrator = m.Calibrator,
        Profiles = m.Profiles,
        DataVersion = m.DataVersion,
        TrainedAt = m.TrainedAt,
        CandidatePool = m.CandidatePool,
    };

    private static double[] Measure(int count, Action<int> action)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action(i);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static void Report(string name, double[] sorted)
    {
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} n={sorted.Length}  p50 {P(0.5):0.00} ms  p95 {P(0.95):0.00} ms  p99 {P(0.99):0.00} ms  max {sorted[^1]:0.00} ms"));
    }
}
