using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace StreamingDemo.E2E;

/// <summary>
/// What the page-speed benchmarks share (<see cref="StudioPageSpeedBenchmark"/>, <see cref="NotificationPageSpeedBenchmark"/>,
/// <see cref="BillboardPageSpeedBenchmark"/>): the opt-in switch and the pre-seeded store, timing a page's server time (the
/// whole HTTP response) over a number of rounds, and publishing the report. They record numbers and assert nothing about time.
/// </summary>
internal static class PageSpeed
{
    public const int Rounds = 15;

    /// <summary>The store named by STREAMINGDEMO_BENCH_DB; skips the benchmark unless STREAMINGDEMO_BENCH=1 and a store is named.</summary>
    public static string RequireStore(string benchmark)
    {
        var database = Environment.GetEnvironmentVariable("STREAMINGDEMO_BENCH_DB");
        Assert.SkipUnless(Environment.GetEnvironmentVariable("STREAMINGDEMO_BENCH") == "1" && database is { Length: > 0 },
            $"Set STREAMINGDEMO_BENCH=1 and STREAMINGDEMO_BENCH_DB to a seeded store to run the {benchmark} benchmark.");
        return database!;
    }

    /// <summary>
    /// Times each page once to warm JIT and first-use caches, then <see cref="Rounds"/> times (round i opens
    /// <c>Path(i)</c>), and adds a median / p90 / max line per page to <paramref name="report"/>. Every response must
    /// succeed and contain <paramref name="mustContain"/>, so a benchmark never times an error page.
    /// </summary>
    public static async Task TimePagesAsync(HttpClient client, IEnumerable<(string Name, Func<int, string> Path)> pages, string mustContain, StringBuilder report, CancellationToken cancel)
    {
        foreach (var (name, path) in pages)
        {
            await TimeAsync(client, path(0), mustContain, cancel);
            var samples = new List<double>();
            for (var i = 0; i < Rounds; i++)
            {
                samples.Add(await TimeAsync(client, path(i), mustContain, cancel));
            }

            samples.Sort();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{name}: n={samples.Count}, median {samples[samples.Count / 2]:0} ms, p90 {samples[(int)(samples.Count * 0.9)]:0} ms, max {samples[^1]:0} ms");
        }
    }

    /// <summary>Writes the report to the test output, the console and $STREAMINGDEMO_BENCH_OUT when set.</summary>
    public static async Task PublishAsync(StringBuilder report, CancellationToken cancel)
    {
        var text = report.ToString();
        TestContext.Current.SendDiagnosticMessage(text);
        Console.WriteLine(text);
        if (Environment.GetEnvironmentVariable("STREAMINGDEMO_BENCH_OUT") is { Length: > 0 } output)
        {
            await File.WriteAllTextAsync(output, text, cancel);
        }
    }

    private static async Task<double> TimeAsync(HttpClient client, string path, string mustContain, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(path, cancel);
        var body = await response.Content.ReadAsStringAsync(cancel);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Assert.True(response.IsSuccessStatusCode && body.Contains(mustContain, StringComparison.Ordinal), $"{path} answered {(int)response.StatusCode}");
        return elapsed;
    }
}
