using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StreamingDemo.Data;
using StreamingDemo.Web.Features.Notifications;
using StreamingDemo.Web.Features.Profiles;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>
/// M4 in a real browser, on a site of its own (the demo clock is shared by the whole site): an attendee sees the clock
/// read-only; the presenter moves it to Friday 14:30 and a persona watching the viewer app sees the notification arrive
/// in its bell without a reload, opens it and lands on the title. Pages are scanned with axe and captured at desktop and
/// phone width into $STREAMINGDEMO_SCREENSHOTS (else the test output's "screenshots").
/// </summary>
public sealed partial class NotificationTests : IAsyncLifetime
{
    private readonly StreamingApp app = new();
    private readonly string folder = Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } target
        ? target
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright? playwright;
    private IBrowser browser = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        app.Start();
        (playwright, browser) = await Browser.LaunchAsync();
        await app.WhenSiteReadyAsync().WaitAsync(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task MovingTheDemoClockToFridayAtHalfPastTwoDeliversANotificationToAPersonasBell()
    {
        var attendee = await NewPageAsync(Browser.Desktop);
        await attendee.OpenAsync("/studio/notifications");
        await Expect(attendee.GetByText("Only the presenter moves the demo clock.")).ToBeVisibleAsync();
        await Expect(attendee.GetByRole(AriaRole.Button, new() { Name = "Friday 14:30" })).ToBeDisabledAsync();
        await ScanAsync(attendee);

        var presenter = await NewPageAsync(Browser.Desktop);
        await presenter.OpenAsync("/presenter");
        await presenter.GetByLabel("Presenter key").FillAsync(StreamingApp.PresenterKey);
        await presenter.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(presenter.GetByText("You are signed in as the presenter in this browser.")).ToBeVisibleAsync();
        await presenter.OpenAsync("/studio/notifications");
        await presenter.WaitForInteractiveAsync();

        // Bad input changes nothing and says why.
        var clockBefore = await presenter.GetByTestId("demo-time").InnerTextAsync();
        await presenter.GetByLabel("Move to").FillAsync("Funday 25:00");
        await presenter.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Expect(presenter.GetByText("is not a moment the demo clock knows")).ToBeVisibleAsync();
        Assert.Equal(clockBefore, await presenter.GetByTestId("demo-time").InnerTextAsync());

        // Start the week on Monday 00:00, so Friday 14:30 passes Monday to Friday's send times whatever day the test runs.
        await presenter.GetByLabel("Move to").FillAsync("Monday 00:00");
        await presenter.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Expect(presenter.GetByTestId("demo-time")).ToContainTextAsync("Monday");
        var persona = await PersonaDueBeforeFridayAsync();

        var viewer = await NewPageAsync(Browser.Desktop);
        await viewer.OpenAsync("/");
        await viewer.WaitForInteractiveAsync();
        await viewer.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button, new() { Name = persona.Name, Exact = true }).ClickAsync();
        await viewer.WaitForURLAsync("**/browse");
        await viewer.WaitForInteractiveAsync();
        // The bell may already count what the move to Monday fired; what matters is that it changes by itself.
        var bell = viewer.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { NameRegex = BellAnyState() });
        await Expect(bell).ToBeVisibleAsync();
        var before = await bell.GetAttributeAsync("aria-label");

        await presenter.GetByRole(AriaRole.Button, new() { Name = "Friday 14:30" }).ClickAsync();
        await Expect(presenter.GetByTestId("demo-time")).ToContainTextAsync("Friday");
        await Expect(presenter.GetByTestId("demo-time")).ToContainTextAsync("14:30");
        await Expect(presenter.GetByRole(AriaRole.Status)).ToContainTextAsync("fired");
        await Expect(presenter.GetByRole(AriaRole.List, new() { Name = "Fired notifications" }).GetByRole(AriaRole.Link, new() { Name = persona.Name, Exact = true }).First).ToBeVisibleAsync();

        // The open viewer page hears of it: the bell counts the unread notification, no reload.
        await Expect(bell).Not.ToHaveAttributeAsync("aria-label", before!, new() { Timeout = 15_000 });
        await Expect(bell).ToHaveAccessibleNameAsync(UnreadBell());
        await bell.ClickAsync();
        var centre = viewer.GetByRole(AriaRole.Region, new() { Name = "Notifications" });
        var first = centre.GetByRole(AriaRole.Button).Filter(new() { HasText = persona.Subject });
        await Expect(first).ToBeVisibleAsync();
        await ScanAsync(viewer);
        await ShootAsync(viewer, "notifications-bell-desktop", fullPage: false);

        await presenter.OpenAsync($"/studio/notifications?profile={persona.Id}");
        await Expect(presenter.GetByRole(AriaRole.Heading, new() { Name = $"Best send time for {persona.Name}" })).ToBeVisibleAsync();
        await ScanAsync(presenter);
        await ShootAsync(presenter, "studio-notifications-desktop");
        var email = presenter.GetByTestId("email-preview");
        if (await email.CountAsync() > 0)
        {
            await email.ScreenshotAsync(new() { Path = Path.Combine(folder, "notification-email.png"), Animations = ScreenshotAnimations.Disabled });
        }

        var phone = await NewPageAsync(Browser.Phone, presenter.Context);
        await phone.OpenAsync($"/studio/notifications?profile={persona.Id}");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = $"Best send time for {persona.Name}" })).ToBeVisibleAsync();
        await ShootAsync(phone, "studio-notifications-phone", fullPage: false);
        await phone.GetByRole(AriaRole.Heading, new() { Name = "What the next send time holds" }).ScrollIntoViewIfNeededAsync();
        await ShootAsync(phone, "studio-notifications-phone-candidates", fullPage: false);
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Email preview" }).ScrollIntoViewIfNeededAsync();
        await ShootAsync(phone, "studio-notifications-phone-email", fullPage: false);

        // Opening it is logged like a play and takes the viewer to the title.
        await first.ClickAsync();
        await viewer.WaitForURLAsync($"**/title/{persona.TitleId}");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>().CreateDbContextAsync(Cancel))
        {
            var opened = await db.Notifications.AsNoTracking().Where(n => n.ProfileId == persona.Id && n.OpenedSessionId != null).Select(n => n.OpenedSessionId).ToListAsync(Cancel);
            var session = Assert.Single(opened);
            Assert.True(await db.ViewingSessions.AnyAsync(s => s.Id == session && s.ProfileId == persona.Id && s.TitleId == persona.TitleId, Cancel));
        }

        var viewerPhone = await NewPageAsync(Browser.Phone, viewer.Context);
        await viewerPhone.OpenAsync("/browse");
        await viewerPhone.WaitForInteractiveAsync();
        await viewerPhone.GetByRole(AriaRole.Button, new() { NameRegex = BellAnyState() }).ClickAsync();
        await Expect(viewerPhone.GetByRole(AriaRole.Region, new() { Name = "Notifications" })).ToBeVisibleAsync();
        await ShootAsync(viewerPhone, "notifications-bell-phone", fullPage: false);
    }

    /// <summary>A featured persona with a send time between Monday 00:00 and Friday 14:30 of the demo week and something to send then.</summary>
    private async Task<(int Id, string Name, string Subject, int TitleId)> PersonaDueBeforeFridayAsync()
    {
        var clock = app.Services.GetRequiredService<DemoClock>();
        var planner = app.Services.GetRequiredService<NotificationPlanner>();
        var now = clock.GetUtcNow().UtcDateTime;
        var friday = DemoClock.Next(now, DayOfWeek.Friday, new TimeOnly(14, 30));
        foreach (var persona in await app.Services.GetRequiredService<PersonaDirectory>().GetFeaturedAsync(Cancel))
        {
            var sendTime = await planner.SendTimeAsync(persona.Id, Cancel);
            if (sendTime.DueIn(now, friday) is DateTime due && await planner.PlanAsync(persona.Id, due, Cancel) is { } plan
                && plan.Planned.FirstOrDefault(p => p.Channel is not null) is { } first)
            {
                return (persona.Id, persona.Name, first.Candidate.Subject, first.Candidate.TitleId);
            }
        }

        throw new InvalidOperationException("No featured persona has a send time between Monday and Friday 14:30 with something to send.");
    }

    private async Task<IPage> NewPageAsync(ViewportSize viewport, IBrowserContext? shared = null)
    {
        var context = shared ?? await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = viewport, DeviceScaleFactor = 1 });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        return page;
    }

    private static async Task ScanAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}{Environment.NewLine}    " + string.Join(Environment.NewLine + "    ", v.Nodes.Take(5).Select(n => n.Html)))));
    }

    private async Task ShootAsync(IPage page, string name, bool fullPage = true)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
    }

    [GeneratedRegex("^Notifications, \\d+ unread$")]
    private static partial Regex UnreadBell();

    [GeneratedRegex("^Notifications")]
    private static partial Regex BellAnyState();

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
