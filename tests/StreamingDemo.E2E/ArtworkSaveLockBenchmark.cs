using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Recommender;
using StreamingDemo.Recommender.Artwork;
using StreamingDemo.Web.Features.Artwork;

namespace StreamingDemo.E2E;

/// <summary>
/// Issue 11 (W3): how long one save of the artwork bandit holds the bandit's lock (the lock every home page's artwork
/// picks wait on), on the `demo` site's own warm-started bandit. Before: the old critical section, the whole state
/// serialised to JSON in it (<see cref="LinUcbBandit.Save"/> into a buffer); now: <see cref="LinUcbBandit.Snapshot"/>,
/// a copy of the arms' arrays, with the JSON written after the lock (timed too). The two are interleaved round by round
/// in one process, so both see the same machine. A benchmark: it asserts nothing; runs only with STREAMINGDEMO_BENCH=1 and
/// writes its report to the test output and $STREAMINGDEMO_BENCH_OUT when set. The bytes allocated inside the lock do not
/// depend on the machine's load; the times do (the report gives the load average).
/// </summary>
public sealed class ArtworkSaveLockBenchmark
{
    private const int Rounds = 60;

    [Fact]
    public async Task HowLongASaveHoldsTheBanditsLock()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("STREAMINGDEMO_BENCH") == "1", "Set STREAMINGDEMO_BENCH=1 to run the artwork save benchmark.");
        var cancel = TestContext.Current.CancellationToken;
        await using var app = new StreamingApp(services => services.Configure<RecommenderOptions>(o => o.RetrainInterval = TimeSpan.Zero), preset: "demo");
        app.Start();
        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(20), cancel);
        // The warm start writes the bandit's file: the benchmark's bandit is that file, as the site loads it.
        await app.Services.GetRequiredService<ArtworkService>().WarmAsync(cancel);
        var path = Path.Combine(app.Services.GetRequiredService<StoreLocation>().ModelDirectory, "artwork-bandit.json");
        LinUcbBandit bandit;
        await using (var file = File.OpenRead(path))
        {
            bandit = LinUcbBandit.Load(file) ?? throw new InvalidOperationException($"{path} is not a saved bandit");
        }

        var held = new Lock();
        var before = new Sample();
        var now = new Sample();
        var outside = new Sample();
        long written = 0;
        for (var round = -5; round < Rounds; round++)
        {
            // Before: the buffer outside the lock, the JSON written into it under the lock.
            using (var buffer = new MemoryStream())
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                long start;
                long end;
                lock (held)
                {
                    start = Stopwatch.GetTimestamp();
                    bandit.Save(buffer);
                    end = Stopwatch.GetTimestamp();
                }

                before.Add(round, Stopwatch.GetElapsedTime(start, end), GC.GetAllocatedBytesForCurrentThread() - allocated);
                written = buffer.Length;
            }

            // Now: the arrays copied under the lock, the JSON written after it.
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                LinUcbBanditSnapshot snapshot;
                long start;
                long end;
                lock (held)
                {
                    start = Stopwatch.GetTimestamp();
                    snapshot = bandit.Snapshot();
                    end = Stopwatch.GetTimestamp();
                }

                now.Add(round, Stopwatch.GetElapsedTime(start, end), GC.GetAllocatedBytesForCurrentThread() - allocated);
                using var buffer = new MemoryStream();
                allocated = GC.GetAllocatedBytesForCurrentThread();
                start = Stopwatch.GetTimestamp();
                snapshot.Save(buffer);
                outside.Add(round, Stopwatch.GetElapsedTime(start), GC.GetAllocatedBytesForCurrentThread() - allocated);
            }
        }

        var report = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Artwork bandit save, demo preset: d = {bandit.Dimension}, {bandit.Impressions:N0} impressions, {written / 1024.0:N0} KB of JSON; {Rounds} rounds each, interleaved (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"),
            "| per save | p50 ms | p95 ms | max ms | KB allocated |",
            "| --- | ---: | ---: | ---: | ---: |",
            before.Row("lock held, before: JSON serialised under it (Save)"),
            now.Row("lock held, now: arrays copied under it (Snapshot)"),
            outside.Row("now, after the lock: the snapshot's JSON"),
        };
        foreach (var line in report)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        if (Environment.GetEnvironmentVariable("STREAMINGDEMO_BENCH_OUT") is { Length: > 0 } output)
        {
            await File.AppendAllLinesAsync(output, report, cancel);
        }
    }

    /// <summary>Times and allocations of the measured rounds (the first five, negative, warm the code and are dropped).</summary>
    private sealed class Sample
    {
        private readonly List<double> milliseconds = [];
        private readonly List<long> bytes = [];

        public void Add(int round, TimeSpan elapsed, long allocated)
        {
            if (round >= 0)
            {
                milliseconds.Add(elapsed.TotalMilliseconds);
                bytes.Add(allocated);
            }
        }

        public string Row(string name)
        {
            var sorted = milliseconds.Order().ToList();
            double At(double share) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
            return string.Create(CultureInfo.InvariantCulture, $"| {name} | {At(0.5):0.000} | {At(0.95):0.000} | {sorted[^1]:0.000} | {bytes.Order().ElementAt(bytes.Count / 2) / 1024.0:N0} |");
        }
    }
}
