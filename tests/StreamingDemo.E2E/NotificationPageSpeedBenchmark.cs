using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Web.Features.Notifications;
using StreamingDemo.Web.Features.Profiles;
using StreamingDemo.Web.Features.Studio;

namespace StreamingDemo.E2E;

/// <summary>
/// Issue 9's speed bar for M4, the same way as <see cref="StudioPageSpeedBenchmark"/>: /studio/notifications' server time
/// (the prerendered HTTP response: send-time learning, candidates, match scoring, previews, what fired) on a store seeded
/// beforehand, usually `large`, and the time to fire a demo week for the live audience. A benchmark, not a test: it
/// records numbers and asserts nothing about time. Runs only when STREAMINGDEMO_BENCH=1 and STREAMINGDEMO_BENCH_DB names
/// the store; results go to the test output and to $STREAMINGDEMO_BENCH_OUT when set.
/// </summary>
public sealed class NotificationPageSpeedBenchmark
{
    [Fact]
    public async Task TheNotificationsPageAndAWeekOfFiringOnAPreSeededStore()
    {
        var database = PageSpeed.RequireStore("notifications");
        var cancel = TestContext.Current.CancellationToken;
        await using var app = new StreamingApp(databasePath: database);
        app.Start();
        var started = Stopwatch.StartNew();
        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(40), cancel);
        var ready = started.Elapsed;
        var prior = Stopwatch.StartNew();
        var insights = await app.Services.GetRequiredService<InsightsService>().GetAsync(cancel);
        var priorTime = prior.Elapsed;

        var featured = await app.Services.GetRequiredService<PersonaDirectory>().GetFeaturedAsync(cancel);
        List<int> heavy;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>().CreateDbContextAsync(cancel))
        {
            // Seeded viewers with the longest histories: the most sessions, thumbs and titles to weigh.
            heavy = await db.ViewingSessions.AsNoTracking().Where(s => s.ProfileId <= 2000).GroupBy(s => s.ProfileId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).Take(PageSpeed.Rounds).ToListAsync(cancel);
        }

        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"store {Path.GetFileName(database)}: {insights.Sessions:N0} sessions");
        report.AppendLine(CultureInfo.InvariantCulture, $"site ready (load or train the model) {ready.TotalSeconds:0.0} s; everyone's starts (the insights pass, the send-time prior) ready {priorTime.TotalSeconds:0.0} s later");
        var pages = new (string Name, Func<int, string> Path)[]
        {
            ("notifications, featured persona", i => $"/studio/notifications?profile={featured[i % featured.Count].Id}"),
            ("notifications, seeded viewer with a long history", i => $"/studio/notifications?profile={heavy[i % heavy.Count]}"),
        };
        await PageSpeed.TimePagesAsync(client, pages, "Best send time for", report, cancel);

        // Firing: the first check sets the checkpoint; a week on, every send time of the audience has passed once.
        var clock = app.Services.GetRequiredService<DemoClock>();
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();
        await dispatcher.CatchUpAsync(cancel);
        clock.Jump(TimeSpan.FromDays(7));
        var firing = Stopwatch.StartNew();
        var fired = await dispatcher.CatchUpAsync(cancel);
        report.AppendLine(CultureInfo.InvariantCulture,
            $"a demo week fired: {fired.Count} notifications for {fired.Select(f => f.ProfileId).Distinct().Count()} profiles in {firing.Elapsed.TotalMilliseconds:0} ms");
        clock.Reset();

        await PageSpeed.PublishAsync(report, cancel);
    }
}
