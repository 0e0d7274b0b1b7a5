using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

[Collection(SiteCollection.Name)]
public sealed class PlayerTests(SiteFixture site)
{
    [Fact]
    public async Task WatchingPartOfATitleShowsItInContinueWatchingWithItsProgress()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button).Nth(4).ClickAsync();
        await page.WaitForURLAsync("**/browse");
        await page.WaitForInteractiveAsync();

        // A title from further down the page, so it is not already being watched.
        // Long rows fill in once interactive, so "the last card" can change between two reads: read its link once, then find it by address.
        var href = await page.Locator(".home-row:not([data-row='continue-watching']) a.home-card-link").Last.GetAttributeAsync("href");
        var name = (await page.Locator($".home-row a.home-card-link[href='{href}']").First.InnerTextAsync()).Trim();
        var titleId = href!.Split('/')[^1];

        await page.OpenAsync($"/watch/{titleId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();
        var timeline = page.GetByRole(AriaRole.Slider, new() { Name = "Position" });
        var runtime = int.Parse(await timeline.GetAttributeAsync("max") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await timeline.FillAsync((runtime * 4 / 10 / 10 * 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Play" })).ToBeVisibleAsync();

        await page.OpenAsync("/browse");
        var continueWatching = page.GetByRole(AriaRole.Region, new() { Name = "Continue Watching" });
        var progress = continueWatching.GetByRole(AriaRole.Progressbar, new() { Name = $"Watched of {name}" });
        await Expect(progress).ToBeVisibleAsync();
        var watched = int.Parse(await progress.GetAttributeAsync("aria-valuenow") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(watched, 40, 60);

        // The Continue Watching card resumes where the viewer stopped.
        await continueWatching.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.WaitForURLAsync($"**/watch/{titleId}");
        var resumedAt = int.Parse(await page.GetByRole(AriaRole.Slider, new() { Name = "Position" }).InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(resumedAt, runtime * 38 / 100, runtime);
    }
}
