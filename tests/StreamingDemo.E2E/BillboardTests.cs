using System.Buffers.Binary;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>Data billboards, the demo guide and the "show the machinery" switch as a presenter uses them (M5, M6).</summary>
[Collection(SiteCollection.Name)]
public sealed partial class BillboardTests(SiteFixture site)
{
    private static readonly ViewportSize Laptop = new() { Width = 1280, Height = 800 };

    [Fact]
    public async Task ABillboardExportsAsAnSvgAndAPngWithItsTextAndSize()
    {
        var page = await site.NewPageAsync(Laptop);
        await page.OpenAsync("/studio/billboards");
        var card = page.Locator(".billboard-item:not(.is-empty)").First;
        var template = (await card.Locator(".billboard-template").TextContentAsync())!.Trim();
        var statement = (await card.Locator("img.billboard-image").GetAttributeAsync("alt"))!;
        Assert.Matches(DearPeople(), statement);

        var svgDownload = await page.RunAndWaitForDownloadAsync(() =>
            card.GetByRole(AriaRole.Link, new() { Name = $"Download the {template.ToLowerInvariant()} billboard as SVG" }).ClickAsync());
        var svg = XDocument.Load(await svgDownload.PathAsync()).Root!;
        Assert.EndsWith(".svg", svgDownload.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(("1200", "630"), (svg.Attribute("width")!.Value, svg.Attribute("height")!.Value));
        var words = string.Join(' ', svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains(statement, words, StringComparison.Ordinal);

        var pngDownload = await page.RunAndWaitForDownloadAsync(() =>
            card.GetByRole(AriaRole.Button, new() { Name = $"Download the {template.ToLowerInvariant()} billboard as PNG" }).ClickAsync());
        Assert.EndsWith(".png", pngDownload.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal((1200, 630), PngSize(await File.ReadAllBytesAsync(await pngDownload.PathAsync(), TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task APersonasYearInReviewExportsAsAPortraitPng()
    {
        var page = await site.NewPageAsync(Laptop);
        await page.OpenAsync("/studio/billboards");
        var name = (await page.Locator("img.review-image").GetAttributeAsync("alt"))!;
        Assert.EndsWith("'s year in review", name, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Definition).First).Not.ToBeEmptyAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = $"Download {name} as PNG" }).ClickAsync());

        Assert.Equal((1080, 1350), PngSize(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task TheGuideWalksFromPersonasToBillboardsWithWorkingDeepLinks()
    {
        var page = await site.NewPageAsync(Laptop);
        await page.OpenAsync("/guide");

        var steps = page.Locator(".guide-step h2");
        Assert.Equal(
            ["Personas", "Onboarding", "Thumbs", "Compare", "Communities", "Insights", "Notifications at Friday 14:30", "Billboards"],
            (await steps.AllTextContentsAsync()).Select(t => Regex.Replace(t, @"^Step \d+: | \d+ min$", string.Empty).Trim()));
        Assert.Equal("/studio/notifications", await page.GetByRole(AriaRole.Link, new() { Name = "Open notifications and the demo clock" }).GetAttributeAsync("href"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the billboards" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "True stories from the viewing data", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheMachinerySwitchBadgesEveryCardAndStaysOnForTheNextVisit()
    {
        var page = await site.NewPageAsync(Laptop);
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button).First.ClickAsync();
        await page.WaitForURLAsync("**/browse");
        await page.WaitForInteractiveAsync();
        Assert.Equal(0, await page.Locator(".machinery-badge").CountAsync());

        await page.GetByRole(AriaRole.Switch, new() { Name = "Show the machinery" }).ClickAsync();
        await page.WaitForURLAsync("**/browse");
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Show the machinery" })).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.Locator(".home-card .machinery").First).ToBeVisibleAsync();
        await Expect(page.Locator(".home-card:not(:has(.machinery))")).ToHaveCountAsync(0);
        await Expect(page.Locator(".home-row .row-machinery")).ToHaveCountAsync(await page.Locator(".home-row").CountAsync());
        await Expect(page.Locator(".home-row").First.Locator(".row-machinery")).ToContainTextAsync("Row placed by");

        await page.OpenAsync("/browse");
        await Expect(page.Locator(".home-card .machinery").First).ToBeVisibleAsync();
        await Expect(page.Locator(".home-card:not(:has(.machinery))")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("/studio/billboards", "True stories from the viewing data")]
    [InlineData("/guide", "The ten-minute story")]
    public async Task PagePassesAnAutomatedAccessibilityScan(string path, string heading)
    {
        var page = await site.NewPageAsync(Laptop);
        await page.OpenAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    /// <summary>Screenshots of the billboards, the guide and a home page with badges, at desktop and phone widths.</summary>
    [Fact]
    public async Task BillboardsGuideAndBadgesAreCapturedAtDesktopAndPhoneWidths()
    {
        var folder = Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } target ? target : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (width, viewport) in new[] { ("1280", Laptop), ("phone", Browser.Phone) })
        {
            var page = await site.NewPageAsync(viewport);
            foreach (var (name, path) in new[] { ("studio-billboards", "/studio/billboards"), ("guide", "/guide") })
            {
                await page.OpenAsync(path);
                await WaitForImagesAsync(page);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
            }

            await page.OpenAsync("/");
            await page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button).First.ClickAsync();
            await page.WaitForURLAsync("**/browse");
            await page.OpenAsync("/machinery?show=true&returnUrl=%2Fbrowse");
            await WaitForImagesAsync(page);
            await page.Mouse.MoveAsync(0, 0);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"home-machinery-{width}.png"), Animations = ScreenshotAnimations.Disabled });
            await page.Context.CloseAsync();
        }

        Assert.True(File.Exists(Path.Combine(folder, "home-machinery-phone.png")));
    }

    /// <summary>Width and height from a PNG's IHDR chunk, after checking the signature.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private static async Task WaitForImagesAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => [...document.images].filter(i => { const r = i.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 && r.left < innerWidth && r.right > 0; }).every(i => i.complete)");

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

    [GeneratedRegex(@"^Dear (1 person|[\d,]+ people) who ")]
    private static partial Regex DearPeople();
}
