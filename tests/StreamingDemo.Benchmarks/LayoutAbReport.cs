using System.Globalization;
using StreamingDemo.Data;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Recommender;
using StreamingDemo.Recommender.Evaluation;

namespace StreamingDemo.Benchmarks;

/// <summary>
/// The offline A/B figures of the built-in layouts (L3) for docs/BENCHMARKS.md: Netflix-style against each other built-in,
/// on STREAMINGDEMO_BENCH_DB, with the sample size and seed given (default 1000 profiles, seed 42).
/// </summary>
internal static class LayoutAbReport
{
    public static int Run(string[] args)
    {
        var path = Environment.GetEnvironmentVariable("STREAMINGDEMO_BENCH_DB") ?? Path.Combine("data", "demo-42.db");
        var sample = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 42;
        var snapshot = new SqliteInteractionSource(new StoreLocation(Path.GetFullPath(path))).LoadSnapshotAsync().GetAwaiter().GetResult();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {snapshot.Titles.Count:N0} titles, {snapshot.Profiles.Count:N0} profiles; sample {sample}, seed {seed}, desktop"));
        Console.WriteLine("| layout | expected plays / page [95% CI] | pages with a held-out title | coverage | intra-page diversity | novelty (bits) | titles on screen |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var other in BuiltInLayouts.All.Skip(1))
        {
            var started = TimeProvider.System.GetTimestamp();
            var result = LayoutExperiment.Run(snapshot, new LayoutExperimentRequest(BuiltInLayouts.NetflixStyle, other.Layout, sample, seed), new RecommenderOptions());
            foreach (var m in new[] { result.A, result.B })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {m.Layout} | {m.ExpectedPlays.Mean:0.000} [{m.ExpectedPlays.Low:0.000}, {m.ExpectedPlays.High:0.000}] | {m.HitRate.Mean:P1} | {m.Coverage:P1} | {m.IntraPageDiversity.Mean:0.000} | {m.Novelty.Mean:0.00} | {m.VisibleTitlesPerPage:0.0} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| A − B ({other.Slug}) | {result.ExpectedPlaysDifference.Mean:+0.000;-0.000} [{result.ExpectedPlaysDifference.Low:+0.000;-0.000}, {result.ExpectedPlaysDifference.High:+0.000;-0.000}] | {result.HeldOutTitles:N0} held-out titles | | | | {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0} s |"));
        }

        return 0;
    }
}
