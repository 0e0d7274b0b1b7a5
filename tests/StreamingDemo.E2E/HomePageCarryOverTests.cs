using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Recommender;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Web.Features.Browse;

namespace StreamingDemo.E2E;

/// <summary>
/// ADR 0031: the home page prerendering composed is carried into the circuit, which commits it instead of composing
/// it again. Counted by the recommender's scoring passes (one per composed home page) and the visits counted; the held
/// page is taken by its circuit.
/// </summary>
public sealed class HomePageCarryOverTests
{
    [Fact]
    public async Task TheCircuitCommitsThePrerenderedHomePageWithoutComposingItAgain()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var app = new StreamingApp(services => services.Configure<RecommenderOptions>(o => o.RetrainInterval = TimeSpan.Zero));
        app.Start();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        await app.WhenHealthyAsync(http).WaitAsync(TimeSpan.FromMinutes(5), cancel);
        var recommender = app.Services.GetRequiredService<StreamingRecommender>();
        var visits = app.Services.GetRequiredService<HomeVisits>();
        int profile;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>().CreateDbContextAsync(cancel))
        {
            // Not the profile the warm-up previewed: no visit of it is counted yet.
            profile = await db.Profiles.Where(p => !p.IsKids).OrderBy(p => p.Id).Select(p => p.Id).Skip(2).FirstAsync(cancel);
        }

        var cookie = $"streamingdemo-profile={profile}";
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(0, visits.Visit(profile, commit: false, newVisit: true));

        var pages = app.Services.GetRequiredService<PrerenderedPages>();
        var held = pages.Count;
        var before = recommender.ScoringPasses;
        var html = await http.GetStringAsync("/browse", cancel);
        var prerendered = recommender.ScoringPasses - before;
        Assert.Equal(0, visits.Visit(profile, commit: false, newVisit: true));
        Assert.Equal(held + 1, pages.Count);

        await using (await BlazorCircuitClient.OpenAsync(app.BaseAddress, new Uri(app.BaseAddress, "/browse"), html, cookie, cancel))
        {
            // The circuit commits visit 0 (the one prerendering previewed); the next one to compose is 1.
            while (visits.Visit(profile, commit: false, newVisit: true) == 0)
            {
                await Task.Delay(20, cancel);
            }

            // Composing counts the visit and scores in one synchronous step; let a composition that began finish.
            await Task.Delay(200, cancel);
            var live = recommender.ScoringPasses - before - prerendered;
            Assert.Equal((1L, 0L), (prerendered, live));
            Assert.Equal(1, visits.Visit(profile, commit: false, newVisit: true));
            Assert.Equal(held, pages.Count);
        }
    }
}
