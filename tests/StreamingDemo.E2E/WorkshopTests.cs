using System.Text.RegularExpressions;
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

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
    }
}
