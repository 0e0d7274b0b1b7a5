using System.Text.RegularExpressions;
using Microsoft.Playwright;
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

    [GeneratedRegex(@"^/art/poster/(?<id>\d+)/(?<theme>[a-z-]+)\.svg$")]
    private static partial Regex PosterAddress();
}
