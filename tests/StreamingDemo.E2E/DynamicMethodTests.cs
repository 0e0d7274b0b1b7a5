using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Recommender;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Notifications;
using StreamingDemo.Web.Features.Onboarding;

namespace StreamingDemo.E2E;

/// <summary>
/// Issue 11 (W3): once warm, serving an attendee's visit compiles no expression trees or regexes (an uncached
/// <c>Expression.Compile</c>, an EF query rebuilt per call, a regex built per request). Each one costs a JIT on the
/// request and a finalizer run later (<c>DynamicResolver.Finalize</c> in traces). The runtime's own JIT events
/// (MethodLoadVerbose with the Dynamic flag) name them; no timing is involved.
/// </summary>
/// <remarks>
/// Its own site with retraining off: a retrain (ML.NET) or another test's first query in the listening window would
/// compile methods that no visit asked for.
/// </remarks>
public sealed class DynamicMethodTests
{
    [Fact]
    public async Task AWarmVisitCompilesNoExpressionTreesOrRegexes()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var app = new StreamingApp(services => services.Configure<RecommenderOptions>(o => o.RetrainInterval = TimeSpan.Zero));
        app.Start();
        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(5), cancel);
        var onboarding = app.Services.GetRequiredService<OnboardingService>();
        var feedback = app.Services.GetRequiredService<FeedbackService>();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();
        List<int> titles;
        await using (var db = await contexts.CreateDbContextAsync(cancel))
        {
            titles = await db.Titles.Where(t => !t.IsKids && t.Kind == TitleKind.Movie).OrderBy(t => t.Id).Select(t => t.Id).Take(20).ToListAsync(cancel);
        }

        async Task VisitAsync(int i)
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
            var join = await http.GetStringAsync("/profiles/new", cancel);
            await using (await BlazorCircuitClient.OpenAsync(app.BaseAddress, new Uri(app.BaseAddress, "/profiles/new"), join, null, cancel))
            {
            }

            var profile = await onboarding.CreateAsync(new NewProfile($"Dynamic {i}", "fox", [titles[i % titles.Count], titles[(i + 1) % titles.Count], titles[(i + 2) % titles.Count]], [DeviceType.Phone]), cancel);
            var cookie = $"streamingdemo-profile={profile}";
            http.DefaultRequestHeaders.Add("Cookie", cookie);
            var home = await http.GetStringAsync("/browse", cancel);
            await using (await BlazorCircuitClient.OpenAsync(app.BaseAddress, new Uri(app.BaseAddress, "/browse"), home, cookie, cancel))
            {
            }

            (await http.GetAsync("/catalog?page=2", cancel)).EnsureSuccessStatusCode();
            (await http.GetAsync($"/title/{titles[(i + 3) % titles.Count]}", cancel)).EnsureSuccessStatusCode();
            await feedback.ThumbAsync(profile, titles[(i + 4) % titles.Count], ThumbRating.Up, cancel);
            var session = await feedback.StartViewingAsync(profile, titles[(i + 5) % titles.Count], null, DeviceType.Phone, 0, cancel);
            await feedback.RecordProgressAsync(session.SessionId!.Value, 60, cancel);
        }

        // Two warm-up visits: the first compiles what is compiled once per process (EF's shapers, DI, Blazor's
        // component activators), the second anything cached on second use.
        await VisitAsync(0);
        await VisitAsync(1);
        // The notification ticker's check runs every 30 s: run it once here, so its first run is not in the window.
        await app.Services.GetRequiredService<NotificationDispatcher>().CatchUpAsync(cancel);

        using var listener = new DynamicMethodListener();
        await VisitAsync(2);
        await VisitAsync(3);

        // Compiled expression trees (EF queries not reused, Expression.Compile) are named lambda_method*, compiled regexes
        // Regex*. A warm visit also compiles two or three framework reflection stubs (InvokeStub_*: ASP.NET Core's
        // form-mapping converters, System.Text.Json metadata), which are not this site's code; a cold visit compiles
        // about 800 dynamic methods, 570 of them expression trees.
        Assert.Equal([], listener.Compiled.Where(name => name.Contains("::lambda_method", StringComparison.Ordinal) || name.Contains("::Regex", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Issue 11 (W3): the site warms itself before <c>/health/ready</c> says Healthy, so the first real visit after it
    /// (onboarding, a home page, the catalogue, a film's and a series' pages) compiles no expression trees or regexes.
    /// Without the warm-up that first visit compiles some 570 expression trees.
    /// </summary>
    [Fact]
    public async Task TheFirstVisitAfterReadyCompilesNoExpressionTreesOrRegexes()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var app = new StreamingApp(services => services.Configure<RecommenderOptions>(o => o.RetrainInterval = TimeSpan.Zero));
        app.Start();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        await app.WhenHealthyAsync(http).WaitAsync(TimeSpan.FromMinutes(5), cancel);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();
        int profile;
        List<int> titles;
        await using (var db = await contexts.CreateDbContextAsync(cancel))
        {
            // Not the profile or titles the warm-up used (the first of each): another attendee's pages.
            profile = await db.Profiles.Where(p => !p.IsKids).OrderBy(p => p.Id).Select(p => p.Id).Skip(1).FirstAsync(cancel);
            titles = [.. await db.Titles.Where(t => !t.IsKids && t.Kind == TitleKind.Movie).OrderBy(t => t.Id).Select(t => t.Id).Skip(3).Take(1).ToListAsync(cancel),
                .. await db.Titles.Where(t => !t.IsKids && t.Kind == TitleKind.Series).OrderBy(t => t.Id).Select(t => t.Id).Skip(3).Take(1).ToListAsync(cancel)];
        }

        using var listener = new DynamicMethodListener();
        (await http.GetAsync("/profiles/new", cancel)).EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Add("Cookie", $"streamingdemo-profile={profile}");
        (await http.GetAsync("/browse", cancel)).EnsureSuccessStatusCode();
        (await http.GetAsync("/catalog?page=2", cancel)).EnsureSuccessStatusCode();
        foreach (var title in titles)
        {
            (await http.GetAsync($"/title/{title}", cancel)).EnsureSuccessStatusCode();
        }

        Assert.Equal(2, titles.Count);
        Assert.Equal([], listener.Compiled.Where(name => name.Contains("::lambda_method", StringComparison.Ordinal) || name.Contains("::Regex", StringComparison.Ordinal)));
    }
}
