using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>Workshop operations in a real browser: the CSP leaves the site interactive, slow circuits lose no typing.</summary>
[Collection(SiteCollection.Name)]
public sealed class WorkshopTests(SiteFixture site)
{
    [Fact]
    public async Task TheSiteStaysInteractiveUnderTheContentSecurityPolicy()
    {
        var page = await site.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        page.PageError += (_, error) => violations.Add(error);

        var response = await page.GotoAsync("/catalog");
        await page.WaitForInteractiveAsync();
        Assert.StartsWith("default-src 'self'", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);

        // MudBlazor's select (popover, JS interop) and the search box both work through the circuit.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Genre", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option).Nth(1).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("genre=\\d+"));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search titles" }).FillAsync("the");
        await Expect(page).ToHaveURLAsync(new Regex("q=the"));
        await page.GetByRole(AriaRole.List, new() { Name = "Titles" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/title/\\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        Assert.Empty(violations);
    }

    [Fact]
    public async Task OnASlowCircuitTheNameFieldWaitsUntilTypingWillStick()
    {
        var page = await site.NewPageAsync();
        // The circuit takes three seconds to come up, like a busy workshop server.
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await Task.Delay(3000);
            await route.ContinueAsync();
        });

        await page.GotoAsync("/profiles/new");
        var name = page.GetByRole(AriaRole.Textbox, new() { Name = "Name" });
        await Expect(name).ToBeDisabledAsync();
        await Expect(name).ToHaveAttributeAsync("placeholder", "Getting ready…");

        await Expect(name).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await name.FillAsync("Slow Sam");
        var next = page.GetByRole(AriaRole.Button, new() { Name = "Continue" });
        await Expect(next).ToBeEnabledAsync();
        await next.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pick three or more shows you love" })).ToBeVisibleAsync();
    }
}

/// <summary>The presenter's day: sign in once, show the join code, reset while an attendee is on the site.</summary>
public sealed class PresenterTests : IAsyncLifetime
{
    private readonly StreamingApp app = new();
    private IPlaywright? playwright;
    private IBrowser browser = null!;

    public async ValueTask InitializeAsync()
    {
        app.Start();
        (playwright, browser) = await Browser.LaunchAsync();
        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(5));
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = Browser.Desktop });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task ThePresenterSignsInOnceAndResetsWhileAnAttendeeIsConnected()
    {
        var attendee = await NewPageAsync();
        await attendee.OpenAsync("/catalog");
        await attendee.EvaluateAsync("() => window.beforeReset = true");

        var presenter = await NewPageAsync();
        await presenter.OpenAsync("/presenter");
        await Expect(presenter.GetByRole(AriaRole.Button, new() { Name = "Reset the demo…" })).ToBeDisabledAsync();
        await presenter.GetByLabel("Presenter key").FillAsync(StreamingApp.PresenterKey);
        await presenter.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(presenter.GetByText("You are signed in as the presenter in this browser.")).ToBeVisibleAsync();

        // Signed in once per browser: a new tab is still the presenter.
        var secondTab = await presenter.Context.NewPageAsync();
        await secondTab.OpenAsync("/presenter");
        await Expect(secondTab.GetByText("You are signed in as the presenter in this browser.")).ToBeVisibleAsync();
        await secondTab.CloseAsync();

        await presenter.WaitForInteractiveAsync();
        await presenter.GetByRole(AriaRole.Button, new() { Name = "Reset the demo…" }).ClickAsync();
        await presenter.GetByRole(AriaRole.Button, new() { Name = "Reset now" }).ClickAsync();
        await Expect(presenter.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reset done in" })).ToBeVisibleAsync(new() { Timeout = 120_000 });

        // The attendee's page reloaded onto the fresh store and works.
        await attendee.WaitForFunctionAsync("() => window.beforeReset === undefined", null, new() { Timeout = 30_000 });
        await attendee.WaitForInteractiveAsync();
        await Expect(attendee.GetByRole(AriaRole.Heading, new() { Name = "Catalogue" })).ToBeVisibleAsync();
        await attendee.GetByRole(AriaRole.Textbox, new() { Name = "Search titles" }).FillAsync("the");
        await Expect(attendee).ToHaveURLAsync(new Regex("q=the"));
    }

    [Fact]
    public async Task TheJoinPageShowsAScannableCodeAndTheShortLinkOpensOnboarding()
    {
        var page = await NewPageAsync();
        await page.OpenAsync("/join");

        var code = page.GetByRole(AriaRole.Img, new() { Name = "QR code for http" });
        await Expect(code).ToBeVisibleAsync();
        Assert.True(await code.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        var address = new Uri(await page.Locator(".join-url a").InnerTextAsync());
        Assert.Equal("/j", address.AbsolutePath);
        Assert.Equal($"QR code for {address}", await code.GetAttributeAsync("alt"));

        await page.GotoAsync(new Uri(app.BaseAddress, address.AbsolutePath).ToString());

        await Expect(page).ToHaveURLAsync(new Regex("/profiles/new$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who's watching?" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// The presenter's pages as they look (to $STREAMINGDEMO_SCREENSHOTS, e.g. docs/screenshots): /presenter signed out
    /// and signed in, /join and its full-screen projector view, at desktop and phone widths, with what each must show.
    /// </summary>
    [Fact]
    public async Task ThePresenterAndJoinPagesAreCapturedSignedOutSignedInAndFullScreenAtDesktopAndPhoneWidths()
    {
        var folder = Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } target
            ? target
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (device, viewport) in new[] { ("desktop", Browser.Desktop), ("phone", Browser.Phone) })
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = viewport, DeviceScaleFactor = 1 });
            context.SetDefaultTimeout(20_000);
            var page = await context.NewPageAsync();

            await page.OpenAsync("/presenter");
            await page.WaitForInteractiveAsync();
            await Expect(page.GetByLabel("Presenter key")).ToBeEnabledAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reset the demo…" })).ToBeDisabledAsync();
            await ShootAsync(page, folder, $"presenter-signed-out-{device}");

            await page.GetByLabel("Presenter key").FillAsync(StreamingApp.PresenterKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByText("You are signed in as the presenter in this browser.")).ToBeVisibleAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reset the demo…" })).ToBeEnabledAsync();
            await ShootAsync(page, folder, $"presenter-signed-in-{device}");

            await page.OpenAsync("/join");
            await page.WaitForInteractiveAsync();
            var code = page.GetByRole(AriaRole.Img, new() { Name = "QR code for http" });
            await Expect(code).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
            await AssertFitsAsync(page, ".join-qr");
            await AssertFitsAsync(page, ".join-url");
            Assert.Equal(1, await page.Locator(".join-url a").EvaluateAsync<int>("a => a.getClientRects().length"));
            await ShootAsync(page, folder, $"join-{device}");

            await page.GetByRole(AriaRole.Button, new() { Name = "Show full screen" }).ClickAsync();
            await page.WaitForFunctionAsync("() => document.fullscreenElement?.classList.contains('join') === true");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show full screen" })).ToBeHiddenAsync();
            await Expect(page.Locator(".join-note")).ToBeHiddenAsync();
            await AssertFitsAsync(page, ".join-qr");
            await AssertFitsAsync(page, ".join-url");
            Assert.Equal(1, await page.Locator(".join-url a").EvaluateAsync<int>("a => a.getClientRects().length"));
            await ShootAsync(page, folder, $"join-fullscreen-{device}");
            await page.EvaluateAsync("() => document.exitFullscreen()");
            await context.CloseAsync();
        }
    }

    /// <summary>The element is wholly inside the viewport (nothing cut off or scrolled away at this width).</summary>
    private static async Task AssertFitsAsync(IPage page, string selector)
    {
        var fits = await page.Locator(selector).EvaluateAsync<bool>(
            "e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight; }");
        Assert.True(fits, $"{selector} does not fit in the viewport");
    }

    private static async Task ShootAsync(IPage page, string folder, string name)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), Animations = ScreenshotAnimations.Disabled });
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
    }
}

/// <summary>Writes through a Blazor circuit have a budget per profile; past it the viewer is told, kindly, and nothing is half-saved.</summary>
public sealed class FeedbackBudgetTests : IAsyncLifetime
{
    // Two thumbs at once, then one a minute: the third quick click is over the budget.
    private readonly StreamingApp app = new(services => services.Configure<StreamingDemo.Web.Features.Security.RateLimitOptions>(o =>
    {
        o.FeedbackBurstPerProfile = 2;
        o.FeedbackPerProfilePerMinute = 1;
    }));

    private IPlaywright? playwright;
    private IBrowser browser = null!;

    public async ValueTask InitializeAsync()
    {
        app.Start();
        (playwright, browser) = await Browser.LaunchAsync();
        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task AViewerClickingThumbsFasterThanTheBudgetIsAskedToWaitAndTheRefusedThumbIsNotShownAsGiven()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = Browser.Desktop });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/profiles/1/choose?returnUrl=/title/5");
        await page.WaitForInteractiveAsync();
        var up = page.GetByRole(AriaRole.Button, new() { Name = "I like this" });
        var down = page.GetByRole(AriaRole.Button, new() { Name = "Not for me" });
        var love = page.GetByRole(AriaRole.Button, new() { Name = "Love this!" });

        await up.ClickAsync();
        await Expect(up).ToHaveAttributeAsync("aria-pressed", "true");
        await down.ClickAsync();
        await Expect(down).ToHaveAttributeAsync("aria-pressed", "true");
        await love.ClickAsync();

        await Expect(page.GetByText(new Regex(@"^That was a lot of clicks at once, so this one was not saved\. Try again in \d+ s\.$"))).ToBeVisibleAsync();
        await Expect(love).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(down).ToHaveAttributeAsync("aria-pressed", "true");
        await context.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
    }
}
