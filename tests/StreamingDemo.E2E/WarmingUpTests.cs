using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StreamingDemo.Domain;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>
/// The warming-up page with a scripted status (so the test, not the seeder's speed, decides what the page shows),
/// on its own freshly seeding site.
/// </summary>
public sealed class WarmingUpTests : IAsyncLifetime
{
    private readonly FirstRunStatus scripted = new();
    private readonly StreamingApp app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public WarmingUpTests() =>
        app = new StreamingApp(services => services.AddSingleton<IFirstRunStatus>(scripted));

    public async ValueTask InitializeAsync()
    {
        app.Start();
        (playwright, browser) = await Browser.LaunchAsync();
    }

    [Fact]
    public async Task TheWarmingUpPageShowsLiveProgressAndGivesWayToTheSite()
    {
        scripted.Report(FirstRunStage.Seeding, "Writing titles", 20);
        var context = await browser!.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), ViewportSize = Browser.Desktop });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Getting the catalogue ready" })).ToBeVisibleAsync();
        var progress = page.GetByRole(AriaRole.Progressbar, new() { Name = "First-run progress" });
        await Expect(progress).ToHaveAttributeAsync("aria-valuenow", "20");
        await page.EvaluateAsync("() => window.notReloaded = true");

        scripted.Report(FirstRunStage.Seeding, "Writing viewing sessions", 65);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Writing viewing sessions");
        await Expect(progress).ToHaveAttributeAsync("aria-valuenow", "65");

        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        scripted.Report(FirstRunStage.Ready, "Ready", 100);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who's watching?" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the site must appear without a reload");
    }

    [Fact]
    public async Task AFailedFirstRunShowsTheError()
    {
        scripted.Report(FirstRunStage.Failed, "Could not write /data/streaming.db: disk full", 0);
        var context = await browser!.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.OpenAsync("/catalog");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The first run failed" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("disk full");
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await app.DisposeAsync();
    }
}
