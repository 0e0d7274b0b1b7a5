using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>The product lab (L1, L2): editing a layout with its live preview, unsaved-change warnings, comparing layouts.</summary>
[Collection(SiteCollection.Name)]
public sealed class LabTests(SiteFixture site)
{
    private static ILocator Preview(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Preview", Exact = true });

    private static async Task<IPage> CloneNetflixStyleAsync(SiteFixture site)
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/lab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clone Netflix-style", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/lab/layouts/\\d+$"));
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task RemovingARowChangesTheLivePreviewAndSavingKeepsIt()
    {
        var page = await CloneNetflixStyleAsync(site);
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Netflix-style \\(copy( \\d+)?\\)$"), Level = 1 })).ToBeVisibleAsync();
        await Expect(Preview(page).GetByRole(AriaRole.Heading, new() { Name = "Top Picks for You" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Row 2: Top Picks" }).ClickAsync();

        await Expect(Preview(page).GetByRole(AriaRole.Heading, new() { Name = "Top Picks for You" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Unsaved changes" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved · version 2" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Row 2: Because you watched" })).ToBeVisibleAsync();
        await Expect(Preview(page).GetByRole(AriaRole.Heading, new() { Name = "Top Picks for You" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task MovingARowUpWithFixedOrderMovesItUpInThePreview()
    {
        var page = await CloneNetflixStyleAsync(site);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Row order" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Fixed: the order below" }).ClickAsync();
        // Top 10 is row 7; four moves up put it third, above the because-you-watched rows.
        for (var row = 7; row > 3; row--)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Move Row {row}: Top 10 up" }).ClickAsync();
        }

        var titles = Preview(page).Locator(".preview-row-title");
        await Expect(titles.Filter(new() { HasText = "Top 10 Today" })).ToBeVisibleAsync();
        var order = await titles.AllInnerTextsAsync();
        var top10 = order.ToList().FindIndex(t => t.Contains("Top 10 Today", StringComparison.Ordinal));
        var firstBecause = order.ToList().FindIndex(t => t.StartsWith("Because you watched", StringComparison.Ordinal));
        Assert.True(top10 >= 0 && (firstBecause < 0 || top10 < firstBecause), string.Join(" | ", order));
    }

    [Fact]
    public async Task LeavingWithUnsavedChangesAsksFirstAndStayingKeepsThem()
    {
        var page = await CloneNetflixStyleAsync(site);
        var editor = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Row 8: Something Different" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Unsaved changes" })).ToBeVisibleAsync();

        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Dismiss(object? sender, IDialog dialog)
        {
            asked.TrySetResult(dialog.Message);
            _ = dialog.DismissAsync();
        }

        page.Dialog += Dismiss;
        await page.GetByRole(AriaRole.Link, new() { Name = "Layouts", Exact = true }).ClickAsync();
        Assert.Contains("unsaved changes", await asked.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Unsaved changes" })).ToBeVisibleAsync();
        Assert.Equal(editor, page.Url);
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Row 8: Something Different" })).ToHaveCountAsync(0);

        page.Dialog -= Dismiss;
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Layouts", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/lab$"));
    }

    [Fact]
    public async Task ANewLayoutWithoutANameIsNotCreatedAndSaysWhy()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/lab/layouts/new");
        await Expect(Preview(page)).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create layout" }).ClickAsync();

        await Expect(page.GetByText("Give the layout a name.")).ToBeVisibleAsync();
        Assert.EndsWith("/lab/layouts/new", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuiltInLayoutsAreReadOnlyInTheEditor()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/lab");
        await page.GetByRole(AriaRole.Link, new() { Name = "Genre shelves", Exact = true }).ClickAsync();
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByText("Built-in layouts cannot be changed.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Clone to edit" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        await Expect(Preview(page).GetByRole(AriaRole.Heading, new() { Name = "Top 10 of All Time" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ComparingTwoLayoutsShowsBothPagesAndOutlinesWhatDiffers()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/lab/compare?a=netflix-style&b=genre-shelves");

        var left = page.GetByRole(AriaRole.Region, new() { Name = "Layout A: Netflix-style" });
        var right = page.GetByRole(AriaRole.Region, new() { Name = "Layout B: Genre shelves" });
        await Expect(left.GetByRole(AriaRole.Heading, new() { Name = "Top Picks for You" })).ToBeVisibleAsync();
        await Expect(right.GetByRole(AriaRole.Heading, new() { Name = "Top 10 of All Time" })).ToBeVisibleAsync();
        // Top Picks is not on the shelves page, so its row is outlined on the left only.
        await Expect(left.Locator(".preview-row.differs").Filter(new() { HasText = "Top Picks for You" })).ToBeVisibleAsync();
        Assert.True(await left.Locator(".preview-card.differs").CountAsync() > 0);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "only in Netflix-style" })).ToBeVisibleAsync();
    }
}

/// <summary>Screenshots of the lab and the API reference at 1280, 1920 and phone widths, to be looked at.</summary>
[Collection(SiteCollection.Name)]
public sealed class LabScreenshots(SiteFixture site)
{
    private readonly string folder = Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } target
        ? target
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task TheLabIsCapturedAtDesktopWidthsAndOnAPhone()
    {
        Directory.CreateDirectory(folder);
        var sizes = new[] { ("1280", new ViewportSize { Width = 1280, Height = 800 }), ("1920", new ViewportSize { Width = 1920, Height = 1080 }), ("phone", Browser.Phone) };
        foreach (var (name, viewport) in sizes)
        {
            var page = await site.NewPageAsync(viewport);
            await page.OpenAsync("/lab");
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Layouts" })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"lab-{name}.png"), FullPage = true });

            await page.GetByRole(AriaRole.Link, new() { Name = "Discovery first", Exact = true }).ClickAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Preview", Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"lab-editor-{name}.png"), FullPage = true });

            await page.OpenAsync("/lab/compare?a=netflix-style&b=discovery-first");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Layout B: Discovery first" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"lab-compare-{name}.png"), FullPage = true });
        }

        var docs = await site.NewPageAsync(new ViewportSize { Width = 1280, Height = 800 });
        await docs.GotoAsync("/api/docs");
        await Expect(docs.GetByText("/api/v1/profiles/{id}/home").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await docs.ScreenshotAsync(new() { Path = Path.Combine(folder, "api-docs-1280.png") });
    }
}

/// <summary>The offline A/B (L3) from the page: run, watch the progress, read the result, reopen the saved run.</summary>
[Collection(SiteCollection.Name)]
public sealed class ExperimentTests(SiteFixture site)
{
    [Fact]
    public async Task AnExperimentRunsWithProgressShowsItsFiguresAndIsSavedToReopen()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/lab/experiments");
        var sample = page.GetByLabel("Profiles sampled");
        await sample.FillAsync("60");
        await sample.PressAsync("Tab");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run experiment" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Netflix-style vs Genre shelves" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/lab/experiments/\\d+$"), new() { Timeout = 120_000 });
        var table = page.GetByRole(AriaRole.Table);
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "Expected plays per page" })).ToBeVisibleAsync();
        await Expect(page.GetByText("60 profiles,")).ToBeVisibleAsync();
        var figures = await table.GetByRole(AriaRole.Row, new() { Name = "Expected plays per page" }).InnerTextAsync();
        var saved = page.Url;

        await page.OpenAsync("/lab/experiments");
        await page.GetByRole(AriaRole.List, new() { Name = "Saved runs" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(saved);
        Assert.Equal(figures, await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row, new() { Name = "Expected plays per page" }).InnerTextAsync());

        var folder = Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } target ? target : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "lab-experiment-1440.png"), FullPage = true });
    }
}
