using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StreamingDemo.Data;
using StreamingDemo.Data.Interactive;
using StreamingDemo.Domain.Interactive;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>
/// Interactive titles (V11) as a viewer plays them and a marketer reads them: a story played to an ending, a replay,
/// endings found on the title page, the countdown's default, and the studio's graph; scanned by axe and photographed.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class InteractiveTests(SiteFixture site)
{
    private static readonly string Folder = Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } target
        ? target
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task AViewerPlaysAStoryToAnEndingThenReplaysAndTheTitlePageCountsTheEndingsFound()
    {
        var (profile, title, story) = await FreshViewerAsync(kids: true, skip: 0);
        var page = await site.NewPageAsync();
        await page.OpenAsync($"/profiles/{profile}/choose?returnUrl=" + Uri.EscapeDataString($"/watch/{title}"));
        await page.WaitForURLAsync($"**/watch/{title}");
        await page.WaitForInteractiveAsync();

        var first = await PlayToAnEndingAsync(page, story, pick: 0);
        await Expect(page.GetByText($"Endings found: 1 of {story.Endings.Count()}")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Play again and choose differently" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = story.Scene(story.Start).Title, Level = 1 })).ToBeVisibleAsync();
        var second = await PlayToAnEndingAsync(page, story, pick: 1);
        Assert.NotEqual(first, second);
        await Expect(page.GetByText($"Endings found: 2 of {story.Endings.Count()}")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to details" }).ClickAsync();
        await page.WaitForURLAsync($"**/title/{title}");
        await Expect(page.GetByText($"Endings found: 2 of {story.Endings.Count()}")).ToBeVisibleAsync();
        await Expect(page.GetByText(story.Scene(first).Ending!, new() { Exact = false })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await using var db = await Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var saved = await db.StoryPlays.Where(p => p.ProfileId == profile && p.TitleId == title).OrderBy(p => p.Id).Select(p => p.EndingSceneId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([first, second], saved);
    }

    [Fact]
    public async Task WhenTheCountdownRunsOutTheDefaultChoiceIsTaken()
    {
        var (profile, title, story) = await FreshViewerAsync(kids: true, skip: 1);
        var page = await site.NewPageAsync();
        await page.OpenAsync($"/profiles/{profile}/choose?returnUrl=" + Uri.EscapeDataString($"/watch/{title}"));
        await page.WaitForURLAsync($"**/watch/{title}");
        await page.WaitForInteractiveAsync();
        var start = story.Scene(story.Start);

        await page.GetByRole(AriaRole.Button, new() { Name = "Skip to the choice" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Timer, new() { Name = "Time left to choose" })).ToBeVisibleAsync();
        await Expect(page.GetByText($"then “{start.DefaultChoice!.Label}”")).ToBeVisibleAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = story.Scene(start.DefaultChoice.Next).Title, Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task ThePlayerAtADecisionPointPassesAnAccessibilityScanAndIsPhotographed()
    {
        var (profile, title, story) = await FreshViewerAsync(kids: false, skip: 0);
        foreach (var (device, viewport) in new[] { ("desktop", Browser.Desktop), ("phone", Browser.Phone) })
        {
            var page = await site.NewPageAsync(viewport);
            await page.OpenAsync($"/profiles/{profile}/choose?returnUrl=" + Uri.EscapeDataString($"/watch/{title}"));
            await page.WaitForURLAsync($"**/watch/{title}");
            await page.WaitForInteractiveAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Skip to the choice" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "What happens next?" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Pause the countdown" }).ClickAsync();

            await AssertAccessibleAsync(page);
            await ShootAsync(page, $"interactive-player-{device}");
        }
    }

    [Fact]
    public async Task TheStudioShowsEachBranchsShareAndTheFragmentationPerCommunity()
    {
        foreach (var (device, viewport) in new[] { ("desktop", Browser.Desktop), ("phone", Browser.Phone) })
        {
            var page = await site.NewPageAsync(viewport);
            await page.OpenAsync("/studio/interactive");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Which way do viewers go?" })).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);
            await ShootAsync(page, $"studio-interactive-{device}");

            var table = page.GetByRole(AriaRole.Table, new() { Name = "Interactive titles, their viewers and how far their endings split them" });
            await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
            await table.GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/studio/interactive/\d+$"));
            await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Story graph of") })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fragmentation" })).ToBeVisibleAsync();
            await Expect(page.GetByText("ending entropy, normalised")).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);
            await ShootAsync(page, $"studio-interactive-title-{device}");

            var filters = page.GetByRole(AriaRole.Navigation, new() { Name = "Taste community" });
            await filters.GetByRole(AriaRole.Link).Nth(1).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/studio/interactive/\d+\?community=\d+$"));
            await Expect(filters.Locator("[aria-current=page]")).Not.ToHaveTextAsync("All viewers");
        }
    }

    [Fact]
    public async Task AStudioAddressForATitleThatIsNotInteractiveIsNotFound()
    {
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync("/studio/interactive/999999?community=abc");

        Assert.Equal(404, response!.Status);
    }

    private IDbContextFactory<StreamingDbContext> Contexts => site.App.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();

    /// <summary>Plays on, taking choice <paramref name="pick"/> (or the last offered) at each decision, until an ending; returns its scene id.</summary>
    private static async Task<string> PlayToAnEndingAsync(IPage page, StoryGraph story, int pick)
    {
        var scene = story.Scene(story.Start);
        while (!scene.IsEnding)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = scene.Title, Level = 1 })).ToBeVisibleAsync();
            if (scene.Choices.Count == 1)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Skip to the choice" }).ClickAsync();
                scene = story.Scene(scene.Choices[0].Next);
                continue;
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Skip to the choice" }).ClickAsync();
            var choice = scene.Choices[Math.Min(pick, scene.Choices.Count - 1)];
            await page.GetByRole(AriaRole.Group, new() { Name = "What happens next?" }).GetByRole(AriaRole.Button, new() { Name = choice.Label }).ClickAsync();
            scene = story.Scene(choice.Next);
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"The end: {scene.Ending}", Level = 1 })).ToBeVisibleAsync();
        return scene.Id;
    }

    /// <summary>An interactive title of the audience and a seeded profile who has never played it (the <paramref name="skip"/>-th such).</summary>
    private async Task<(int Profile, int Title, StoryGraph Story)> FreshViewerAsync(bool kids, int skip)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Contexts.CreateDbContextAsync(ct);
        var attached = await db.InteractiveTitles.Join(db.Titles, i => i.TitleId, t => t.Id, (i, t) => new { i.TitleId, i.StoryKey, t.IsKids })
            .Where(t => t.IsKids == kids).OrderBy(t => t.TitleId).FirstAsync(ct);
        var profile = await db.Profiles.Where(p => p.IsSeeded && !p.IsFeatured && !db.StoryPlays.Any(s => s.ProfileId == p.Id && s.TitleId == attached.TitleId))
            .OrderByDescending(p => p.Id).Skip(skip).Select(p => p.Id).FirstAsync(ct);
        return (profile, attached.TitleId, InteractiveStories.Default.Find(attached.StoryKey)!);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}{Environment.NewLine}    " + string.Join(Environment.NewLine + "    ", v.Nodes.Take(5).Select(n => n.Html)))));
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }
}
