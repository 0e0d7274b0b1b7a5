using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Recommender;
using StreamingDemo.Web.Features.Onboarding;

namespace StreamingDemo.E2E;

/// <summary>
/// Issue 11 (W3): what one home-page visit allocates on the `demo` preset, in KB, and by which types (the runtime's
/// allocation-tick events, one sample per ~100 KB, so the split is an estimate and the total is exact). Two modes: the
/// prerendered page alone, and the page with its circuit. A benchmark: it asserts nothing; runs only with
/// STREAMINGDEMO_BENCH=1 and writes its report to the test output and $STREAMINGDEMO_BENCH_OUT when set. Allocation does
/// not depend on the machine's load, so the figures compare across runs.
/// </summary>
/// <remarks>
/// Retraining is off and the benchmark waits for the artwork warm-up, so no background work lands in the window; what
/// remains besides the page is the benchmark's own HTTP and SignalR client in the same process.
/// </remarks>
public sealed class HomePageAllocationBenchmark
{
    private const int Visits = 20;

    [Fact]
    public async Task WhatAHomePageVisitAllocates()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("STREAMINGDEMO_BENCH") == "1", "Set STREAMINGDEMO_BENCH=1 to run the allocation benchmark.");
        var cancel = TestContext.Current.CancellationToken;
        await using var app = new StreamingApp(services => services.Configure<RecommenderOptions>(o => o.RetrainInterval = TimeSpan.Zero), preset: "demo");
        app.Start();
        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(20), cancel);
        var onboarding = app.Services.GetRequiredService<OnboardingService>();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();
        List<int> titles;
        await using (var db = await contexts.CreateDbContextAsync(cancel))
        {
            titles = await db.Titles.Where(t => !t.IsKids && t.Kind == TitleKind.Movie).OrderBy(t => t.Id).Select(t => t.Id).Take(20).ToListAsync(cancel);
        }

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        var profile = await onboarding.CreateAsync(new NewProfile("Allocations", "fox", [titles[0], titles[5], titles[9]], [DeviceType.Phone]), cancel);
        var cookie = $"streamingdemo-profile={profile}";
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        async Task VisitAsync(bool circuit)
        {
            var html = await http.GetStringAsync("/browse", cancel);
            if (circuit)
            {
                await using (await BlazorCircuitClient.OpenAsync(app.BaseAddress, new Uri(app.BaseAddress, "/browse"), html, cookie, cancel))
                {
                }
            }
        }

        // Warm: the first visits compile and cache what a process compiles once; the artwork warm-up and replay finish.
        await VisitAsync(circuit: true);
        await VisitAsync(circuit: true);
        await Task.Delay(TimeSpan.FromSeconds(20), cancel);

        var report = new List<string> { $"Home page allocation, demo preset, {Visits} visits each (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})" };
        foreach (var circuit in new[] { false, true })
        {
            using var listener = new AllocationTickListener();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            listener.Listening = true;
            for (var i = 0; i < Visits; i++)
            {
                await VisitAsync(circuit);
            }

            listener.Listening = false;
            var total = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / Visits;
            report.Add(string.Create(CultureInfo.InvariantCulture, $"{(circuit ? "page and circuit" : "prerender alone")}: {total:F0} KB per visit; largest types (sampled):"));
            report.AddRange(listener.Bytes.OrderByDescending(kv => kv.Value).Take(15)
                .Select(kv => string.Create(CultureInfo.InvariantCulture, $"  {kv.Value / 1024.0 / Visits,8:F0} KB  {kv.Key}")));
        }

        foreach (var line in report)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        if (Environment.GetEnvironmentVariable("STREAMINGDEMO_BENCH_OUT") is { Length: > 0 } output)
        {
            await File.AppendAllLinesAsync(output, report, cancel);
        }
    }

    /// <summary>The runtime's GCAllocationTick events (about one per 100 KB allocated), summed by the type that crossed the tick.</summary>
    private sealed class AllocationTickListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;

        public ConcurrentDictionary<string, long> Bytes { get; } = new();

        public bool Listening { get; set; }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            ArgumentNullException.ThrowIfNull(eventSource);
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            if (!Listening || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
            {
                return;
            }

            var type = payload[names.IndexOf("TypeName")]?.ToString() ?? "?";
            var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            Bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
