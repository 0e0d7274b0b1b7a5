using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Studio;

namespace StreamingDemo.E2E;

/// <summary>
/// Issue 8's speed bar: each studio page's server time (the prerendered HTTP response, which runs the page's whole data
/// path) on a store seeded beforehand, usually `large`. A benchmark, not a test: it records numbers and asserts nothing
/// about time. Runs only when STREAMINGDEMO_BENCH=1 and STREAMINGDEMO_BENCH_DB names the store; results go to the test
/// output and to $STREAMINGDEMO_BENCH_OUT when set.
/// </summary>
public sealed class StudioPageSpeedBenchmark
{
    [Fact]
    public async Task EveryStudioPageOnAPreSeededStore()
    {
        var database = PageSpeed.RequireStore("studio");
        var cancel = TestContext.Current.CancellationToken;
        await using var app = new StreamingApp(databasePath: database);
        app.Start();
        var started = Stopwatch.StartNew();
        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(30), cancel);
        var ready = started.Elapsed;
        var insights = app.Services.GetRequiredService<InsightsService>();
        var aggregation = Stopwatch.StartNew();
        var aggregated = await insights.GetAsync(cancel);
        var aggregationTime = aggregation.Elapsed;

        IReadOnlyList<StreamingDemo.Web.Features.Profiles.PersonaModel> featured;
        using (var scope = app.Services.CreateScope())
        {
            featured = await scope.ServiceProvider.GetRequiredService<CompareService>().FeaturedAsync(cancel);
        }

        var atlas = app.Services.GetRequiredService<ITasteCommunityAtlas>();
        var communities = atlas.Communities.OrderByDescending(c => c.Size).Take(PageSpeed.Rounds).ToList();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"store {Path.GetFileName(database)}: {aggregated.Sessions:N0} sessions, {atlas.Communities.Count} communities, {atlas.DominantCommunities.Count:N0} profiles in them");
        report.AppendLine(CultureInfo.InvariantCulture, $"site ready (load or train the model) {ready.TotalSeconds:0.0} s; insights aggregated ahead of pages in {aggregationTime.TotalSeconds:0.0} s (one pass, started by the warm-up)");

        // The warm-up goes on to every community's influence spread; wait for it the same way (a cache hit when it is done).
        var spreads = Stopwatch.StartNew();
        var communityService = app.Services.GetRequiredService<CommunityService>();
        foreach (var community in atlas.Communities)
        {
            await communityService.DetailAsync(community.Id, cancel);
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"influence spread of all {atlas.Communities.Count} communities ready {spreads.Elapsed.TotalSeconds:0.0} s after the insights");
        var pages = new (string Name, Func<int, string> Path)[]
        {
            ("compare, 2 personas, desktop", i => $"/studio/compare?profiles={featured[i % featured.Count].Id},{featured[(i + 1) % featured.Count].Id}"),
            ("compare, 3 personas, tv/desktop/phone", i => $"/studio/compare?profiles={featured[i % featured.Count].Id},{featured[(i + 1) % featured.Count].Id},{featured[(i + 2) % featured.Count].Id}&device=tv,desktop,phone"),
            ("communities (map and cards)", _ => "/studio/communities"),
            ("community page", i => $"/studio/communities/{communities[i % communities.Count].Id}"),
            ("profile communities", i => $"/studio/profiles/{featured[i % featured.Count].Id}"),
            ("insights (heatmap, segments, pause chart)", _ => "/studio/insights"),
        };
        await PageSpeed.TimePagesAsync(client, pages, "<h1", report, cancel);

        await PageSpeed.PublishAsync(report, cancel);
    }
}
