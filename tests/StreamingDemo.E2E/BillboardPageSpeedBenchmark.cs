using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Data.Studio;
using StreamingDemo.Web.Features.Profiles;
using StreamingDemo.Web.Features.Studio;

namespace StreamingDemo.E2E;

/// <summary>
/// Issue 9's speed bar for the data billboards (M5): the counts over the whole store once, then the page and its exports
/// from the cached board, on a store seeded beforehand (usually `large`). A benchmark, not a test: it records numbers and
/// asserts nothing about time. Runs only when STREAMINGDEMO_BENCH=1 and STREAMINGDEMO_BENCH_DB names the store; results
/// go to the test output and to $STREAMINGDEMO_BENCH_OUT when set.
/// </summary>
public sealed class BillboardPageSpeedBenchmark
{
    [Fact]
    public async Task BillboardPagesOnAPreSeededStore()
    {
        var database = PageSpeed.RequireStore("billboard");
        var cancel = TestContext.Current.CancellationToken;
        await using var app = new StreamingApp(databasePath: database);
        app.Start();
        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(30), cancel);
        var billboards = app.Services.GetRequiredService<BillboardService>();
        var warm = Stopwatch.StartNew();
        var board = await billboards.GetAsync(cancel);
        var warmWait = warm.Elapsed;

        // The same counts again, uncached, straight from the store: what every page view would cost without the board.
        var facts = new BillboardFacts(app.Services.GetRequiredService<StoreLocation>());
        var queries = new List<(string Name, double Ms)>();
        async Task Time(string name, Func<Task> query)
        {
            var clock = Stopwatch.StartNew();
            await query();
            queries.Add((name, clock.Elapsed.TotalMilliseconds));
        }

        var span = await facts.SessionSpanAsync(cancel);
        var holidays = BillboardTemplates.HolidaysBetween(span!.Value.First, span.Value.Last);
        await Time("repeat viewing on holidays", () => facts.RepeatOnDaysAsync([.. holidays.Select(h => h.Day)], cancel));
        await Time("late-night genres", () => facts.LateNightGenresAsync(cancel));
        await Time("binge days", () => facts.BingeDaysAsync(cancel));
        await Time("phone marathons", () => facts.PhoneMarathonsAsync(cancel));
        await Time("thumbs down, then a play", () => facts.ThumbsDownRewatchesAsync(cancel));
        await Time("version check (newest session, thumbs)", () => facts.VersionAsync(cancel));

        IReadOnlyList<PersonaModel> featured;
        using (var scope = app.Services.CreateScope())
        {
            featured = await scope.ServiceProvider.GetRequiredService<PersonaDirectory>().GetFeaturedAsync(cancel);
        }

        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var found = board.Billboards.Where(b => b.Found).ToList();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"store {Path.GetFileName(database)}: {board.Sessions:N0} sessions; {found.Count} of {board.Billboards.Count} templates found an instance");
        report.AppendLine(CultureInfo.InvariantCulture, $"board ready {warmWait.TotalSeconds:0.0} s after the site (counted by the studio warm-up)");
        foreach (var (name, ms) in queries)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"uncached query, {name}: {ms:0} ms");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"uncached total: {queries.Sum(q => q.Ms):0} ms");
        var pages = new (string Name, Func<int, string> Path)[]
        {
            ("/studio/billboards (board, year in review of a persona)", i => $"/studio/billboards?profile={featured[i % featured.Count].Id}"),
            ("billboard SVG", i => $"/studio/billboards/{found[i % found.Count].Key}.svg"),
            ("year-in-review SVG", i => $"/studio/year-in-review/{featured[i % featured.Count].Id}.svg"),
            ("/guide", _ => "/guide"),
        };
        await PageSpeed.TimePagesAsync(client, pages, "<", report, cancel);

        await PageSpeed.PublishAsync(report, cancel);
    }
}
