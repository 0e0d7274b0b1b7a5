using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StreamingDemo.Domain;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>
/// Takes the README screenshots (warming-up, Who's watching, home, catalogue, title, player, onboarding; desktop, tablet and phone, plus the TV home) so they can be looked at.
/// They go to $STREAMINGDEMO_SCREENSHOTS when set (e.g. docs/screenshots), else to a folder in the test output.
/// </summary>
public sealed class ScreenshotTour : IAsyncLifetime
{
    private readonly FirstRunStatus scripted = new();
    private readonly StreamingApp app;
    private readonly string folder = Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } target
        ? target
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? playwright;
    private IBrowser? browser;

    public ScreenshotTour() =>
        app = new StreamingApp(services => services.AddSingleton<IFirstRunStatus>(scripted));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        app.Start();
        (playwright, browser) = await Browser.LaunchAsync();
    }

    [Fact]
    public async Task EveryFirstPhasePageIsCapturedAtDesktopAndPhoneWidths()
    {
        scripted.Report(FirstRunStage.Seeding, "Writing viewing sessions", 62);
        foreach (var (device, viewport) in new[] { ("desktop", Browser.Desktop), ("phone", Browser.Phone) })
        {
            var page = await NewPageAsync(viewport);
            await page.OpenAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Getting the catalogue ready" })).ToBeVisibleAsync();
            await ShootAsync(page, $"warming-up-{device}");
        }

        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        scripted.Report(FirstRunStage.Ready, "Ready", 100);

        foreach (var (device, viewport) in new[] { ("desktop", Browser.Desktop), ("tablet", Browser.Tablet), ("phone", Browser.Phone) })
        {
            var page = await NewPageAsync(viewport);
            await page.OpenAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who's watching?" })).ToBeVisibleAsync();
            await WaitForImagesAsync(page);
            await ShootAsync(page, $"whos-watching-{device}");
            Assert.True(await page.EvaluateAsync<bool>("() => [...document.fonts].some(f => f.family.includes('Inter') && f.status === 'loaded')"), "the bundled Inter font is served and used");

            await page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/browse$"));
            await page.WaitForInteractiveAsync();
            await Expect(page.Locator(".home-row").First).ToBeVisibleAsync();
            await WaitForImagesAsync(page);
            await ShootAsync(page, $"home-{device}");
            if (device == "desktop")
            {
                // On desktop the match % and thumbs of a card appear on hover or keyboard focus (the shot parks the mouse, so focus).
                var card = page.Locator(".home-row").Nth(1).Locator(".home-card").First;
                await card.ScrollIntoViewIfNeededAsync();
                await card.Locator("a.home-card-link").FocusAsync();
                await page.WaitForTimeoutAsync(400); // let the fade-in finish
                await ShootAsync(page, "home-hover-desktop");
            }

            await page.OpenAsync("/catalog");
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Titles" }).GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
            await WaitForImagesAsync(page);
            await ShootAsync(page, $"catalog-{device}");

            // A series the persona is part-way through makes the fuller title page (episodes with progress).
            await page.OpenAsync("/title/" + await SeriesTitleIdAsync(page));
            await Expect(page.Locator("h1.title-heading")).ToBeVisibleAsync();
            await WaitForImagesAsync(page);
            await ShootAsync(page, $"title-{device}");

            await page.GetByRole(AriaRole.Link, new() { Name = "Play" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Slider, new() { Name = "Position" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
            await ShootAsync(page, $"player-{device}");

            await page.OpenAsync("/profiles/new");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync("Workshop Wendy");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            var picks = page.Locator(".pick-group");
            await Expect(picks.First).ToBeVisibleAsync();
            await picks.Nth(0).GetByRole(AriaRole.Button).Nth(1).ClickAsync();
            await picks.Nth(0).GetByRole(AriaRole.Button).Nth(2).ClickAsync();
            await WaitForImagesAsync(page);
            await ShootAsync(page, $"onboarding-{device}");
        }

        // Choosing a persona by clicking is tested elsewhere; the tour goes straight through the choose endpoint
        // (the second featured persona, as "Who's watching" would) so a slow circuit start cannot lose the click.
        var tv = await NewPageAsync(Browser.Desktop);
        await tv.OpenAsync("/profiles/2/choose?returnUrl=" + Uri.EscapeDataString("/browse?device=tv"));
        await Expect(tv.Locator(".home-row").First).ToBeVisibleAsync();
        await WaitForImagesAsync(tv);
        await ShootAsync(tv, "home-tv");
    }

    private static async Task<string> SeriesTitleIdAsync(IPage page)
    {
        await page.OpenAsync("/browse");
        await Expect(page.Locator(".home-row").First).ToBeVisibleAsync();
        var series = page.Locator(".home-card:has(.resume-episode) a.home-card-link");
        var href = await (await series.CountAsync() > 0 ? series.First : page.Locator(".home-row a.home-card-link").First).GetAttributeAsync("href");
        return href!.Split('/')[^1];
    }

    private async Task<IPage> NewPageAsync(ViewportSize viewport)
    {
        var context = await browser!.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), ViewportSize = viewport, DeviceScaleFactor = 1 });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static async Task WaitForImagesAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => [...document.images].filter(i => { const r = i.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 && r.left < innerWidth && r.right > 0; }).every(i => i.complete)");

    private async Task ShootAsync(IPage page, string name)
    {
        // Let the font swap and MudBlazor's transitions settle before capturing.
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = false, Animations = ScreenshotAnimations.Disabled });
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
