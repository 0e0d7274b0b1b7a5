using System.Diagnostics;
using System.Globalization;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;

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

        Report("whole home page (desktop, netflix-style)", Measure(2000, i =>
            recommender.ComposeHomePage(new HomePageRequest(profiles[i % profiles.Length], DeviceType.Desktop, [], i))));
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
            var top = recommender.Rank(profile, 1)[0].TitleId;
            recommender.Apply(new FeedbackEvent(profile, top, FeedbackKind.Thumb, DateTime.UnixEpoch, ThumbRating.Up));
            recommender.ComposeHomePage(new HomePageRequest(profile, DeviceType.Desktop, [], i));
        }));
        return 0;
    }

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
