using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Features.Artwork;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>V10: the artwork bandit shows profiles with different tastes different artwork for the same title.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class ArtworkTests(SiteFixture site)
{
    [Fact]
    public async Task TwoProfilesWithDifferentTastesSeeDifferentArtworkForTheSameTitleAndTheDefaultSwitchTurnsItOff()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button).Nth(0).ClickAsync();
        await page.WaitForURLAsync("**/browse");
        await page.WaitForInteractiveAsync();

        // The first persona's top picks, as its home page shows them: title id and the artwork variant on the card.
        var cards = page.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" }).GetByRole(AriaRole.Listitem);
        await Expect(cards.First).ToBeVisibleAsync();
        var onHome = new List<(int Id, string Theme)>();
        for (var i = 0; i < 6; i++)
        {
            var src = await cards.Nth(i).Locator("img").First.GetAttributeAsync("src") ?? string.Empty;
            var match = PosterAddress().Match(src);
            Assert.True(match.Success, $"card {i} shows {src}, not a chosen variant");
            onHome.Add((int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["theme"].Value));
        }

        // Side by side with the second featured persona (a different blend of communities): the first column is exactly
        // what the home page showed, and for at least one of these titles the second persona is shown another variant.
        var differing = new List<int>();
        foreach (var (id, theme) in onHome)
        {
            await page.OpenAsync($"/artwork/compare?title={id}");
            var columns = page.Locator("figure.artwork-column");
            await Expect(columns).ToHaveCountAsync(2);
            Assert.Equal(theme, await columns.Nth(0).GetAttributeAsync("data-theme"));
            if (await columns.Nth(1).GetAttributeAsync("data-theme") != theme)
            {
                differing.Add(id);
            }
        }

        Assert.NotEmpty(differing);

        // With artwork personalization off, Why this? says the card shows the title's default artwork.
        await page.OpenAsync("/browse?artwork=default");
        await page.WaitForInteractiveAsync();
        var first = page.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" }).GetByRole(AriaRole.Listitem).First;
        var name = (await first.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();
        await first.GetByRole(AriaRole.Button, new() { Name = $"Why {name}?" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Artwork personalization is off");
    }

    [Fact]
    public async Task AHomePageAndAPlayJoinTheLiveImpressionsTheStudioReplayCounts()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/studio/artwork");
        var live = page.Locator("dd[data-figure=live]");
        var played = page.Locator("dd[data-figure=live-played]");
        await Expect(live).ToBeVisibleAsync();
        var (liveBefore, playedBefore) = (Count(await live.InnerTextAsync()), Count(await played.InnerTextAsync()));

        // A persona opens its home page (its visible cards are impressions) and plays the first title on it.
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button).Nth(2).ClickAsync();
        await page.WaitForURLAsync("**/browse");
        await page.WaitForInteractiveAsync();
        var href = await page.Locator(".home-row:not([data-row='continue-watching']) a.home-card-link").First.GetAttributeAsync("href");
        await page.OpenAsync($"/watch/{href!.Split('/')[^1]}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();

        // The play wrote itself and the page's impressions at once: the studio counts both.
        await page.OpenAsync("/studio/artwork");
        await Expect(live).ToBeVisibleAsync();
        Assert.True(Count(await live.InnerTextAsync()) > liveBefore, $"live impressions {await live.InnerTextAsync()} after {liveBefore}");
        Assert.Equal(playedBefore + 1, Count(await played.InnerTextAsync()));

        // With the room's impressions in it, the panel is what docs/screenshots shows (studio-artwork-live-*.png).
        if (Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } folder)
        {
            foreach (var (width, viewport) in new[] { ("1280", new ViewportSize { Width = 1280, Height = 800 }), ("phone", Browser.Phone) })
            {
                var shot = await site.NewPageAsync(viewport);
                await shot.OpenAsync("/studio/artwork");
                await Expect(shot.Locator("dd[data-figure=live]")).ToBeVisibleAsync();
                await shot.EvaluateAsync("() => document.fonts.ready");
                await shot.ScreenshotAsync(new() { Path = Path.Combine(folder, $"studio-artwork-live-{width}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
                await shot.Context.CloseAsync();
            }
        }
    }

    private static int Count(string figure) => int.Parse(figure.Trim(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Issue 12's look: one seeded title per theme in all three crops, each served as SVG, on one contact sheet
    /// (artwork-variants.png, also at the sizes cards show them), one title for two personas (artwork-compare.png), and
    /// the home page at 1920 and 1280 px and for a second persona (home-artwork-desktop.png). The shots go to $STREAMINGDEMO_SCREENSHOTS (else the test output).
    /// </summary>
    [Fact]
    public async Task EveryThemeIsServedInEveryCropAndCapturedAtEveryCardSize()
    {
        var folder = Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } target ? target : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var artwork = site.App.Services.GetRequiredService<ArtworkService>();
        var themes = SeedVocabulary.Default.Artwork.Themes.Select(t => t.Key).ToList();
        var examples = new Dictionary<string, int>();
        for (var id = 1; id <= 2000 && examples.Count < themes.Count; id++)
        {
            foreach (var theme in await artwork.VariantsOfAsync(id, TestContext.Current.CancellationToken))
            {
                examples.TryAdd(theme, id);
            }
        }

        Assert.Equal(themes.Order(), examples.Keys.Order());
        var page = await site.NewPageAsync(new ViewportSize { Width = 1500, Height = 900 });
        var sheet = new StringBuilder("<!doctype html><html><body style=\"margin:0;padding:16px;background:#141414;color:#bbb;font:13px sans-serif\">");
        foreach (var theme in themes)
        {
            sheet.Append("<div style=\"display:flex;gap:12px;align-items:flex-end;margin-bottom:14px\">");
            foreach (var crop in ArtworkCrops.All)
            {
                var url = new Uri(site.App.BaseAddress, $"/art/{crop.Key}/{examples[theme]}/{theme}.svg");
                var response = await page.APIRequest.GetAsync(url.ToString());
                Assert.Equal(200, response.Status);
                Assert.Equal("image/svg+xml; charset=utf-8", response.Headers["content-type"]);
                var height = crop.Landscape ? 180 : 270;
                sheet.Append(CultureInfo.InvariantCulture, $"<img src=\"{url}\" height=\"{height}\" alt=\"\">");
            }

            // As small as a phone's home-page card shows it.
            sheet.Append(CultureInfo.InvariantCulture, $"<img src=\"{new Uri(site.App.BaseAddress, $"/art/poster/{examples[theme]}/{theme}.svg")}\" height=\"150\" alt=\"\"><span>{WebUtility.HtmlEncode(theme)}</span></div>");
        }

        await page.SetContentAsync(sheet.Append("</body></html>").ToString());
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "artwork-variants.png"), FullPage = true });

        var compare = await site.NewPageAsync(new ViewportSize { Width = 1280, Height = 800 });
        await compare.OpenAsync($"/artwork/compare?title={examples["dark"]}");
        await Expect(compare.Locator("figure.artwork-column")).ToHaveCountAsync(2);
        await compare.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
        await compare.ScreenshotAsync(new() { Path = Path.Combine(folder, "artwork-compare.png"), Animations = ScreenshotAnimations.Disabled });

        foreach (var (name, profile, width, height) in new[] { ("home-1920", 1, 1920, 1080), ("home-1280", 1, 1280, 800), ("home-artwork-desktop", 2, 1400, 1000) })
        {
            var home = await site.NewPageAsync(new ViewportSize { Width = width, Height = height });
            await home.OpenAsync($"/profiles/{profile}/choose?returnUrl=" + Uri.EscapeDataString("/browse"));
            await Expect(home.Locator(".home-row").First).ToBeVisibleAsync();
            await home.WaitForFunctionAsync("() => [...document.images].filter(i => { const r = i.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 && r.left < innerWidth && r.right > 0; }).every(i => i.complete)");
            await home.Mouse.MoveAsync(0, 0);
            await home.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), Animations = ScreenshotAnimations.Disabled });
        }
    }

    [GeneratedRegex(@"^/art/poster/(?<id>\d+)/(?<theme>[a-z-]+)\.svg$")]
    private static partial Regex PosterAddress();
}
