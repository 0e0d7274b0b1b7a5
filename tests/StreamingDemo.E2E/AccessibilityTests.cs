using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>Automated WCAG checks (axe-core) of each page as a viewer first sees it.</summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    [Theory]
    [InlineData("/", "Who's watching?")]
    [InlineData("/catalog", "Catalogue")]
    public async Task PagePassesAnAutomatedAccessibilityScan(string path, string heading)
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => document.fonts.ready");

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    [Theory]
    [InlineData("/browse", "Top Picks for You")]
    [InlineData("/browse?device=tv", "Top Picks for You")]
    [InlineData("/profiles/new", "Who's watching?")]
    public async Task ViewerPagePassesAnAutomatedAccessibilityScan(string path, string heading)
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button).First.ClickAsync();
        await page.WaitForURLAsync("**/browse");
        await page.OpenAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        await page.EvaluateAsync("() => document.fonts.ready");

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    [Fact]
    public async Task TitlePagePassesAnAutomatedAccessibilityScan()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button).First.ClickAsync();
        await page.WaitForURLAsync("**/browse");
        await page.WaitForInteractiveAsync();
        var href = await page.Locator(".home-row a[href^='/title/']").First.GetAttributeAsync("href");
        await page.OpenAsync(href!);
        await Expect(page.Locator("h1.title-heading")).ToBeVisibleAsync();

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    private static string Describe(AxeResultItem[] violations) =>
        string.Join(Environment.NewLine, violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}{Environment.NewLine}    " +
            string.Join(Environment.NewLine + "    ", v.Nodes.Take(5).Select(n => n.Html + " :: " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))))));
}
