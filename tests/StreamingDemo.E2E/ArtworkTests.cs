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

    [GeneratedRegex(@"^/art/poster/(?<id>\d+)/(?<theme>[a-z-]+)\.svg$")]
    private static partial Regex PosterAddress();
}
