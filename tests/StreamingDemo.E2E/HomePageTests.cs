using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

[Collection(SiteCollection.Name)]
public sealed class HomePageTests(SiteFixture site)
{
    [Fact]
    public async Task TheHomePageShowsRowsOfRecommendedTitlesWithTheirMatch()
    {
        var page = await site.NewPageAsync();
        await ChooseFeaturedPersonaAsync(page, 0);

        var topPicks = page.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" });
        await Expect(topPicks).ToBeVisibleAsync();
        await Expect(topPicks.Locator(".match").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("\\d{1,3}% match"));
        // V4: Continue Watching cards show progress, never a match %.
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Continue Watching" }).Locator(".match")).ToHaveCountAsync(0);
        Assert.True(await page.Locator(".home-row").CountAsync() >= 4, "several rows");
    }

    [Fact]
    public async Task TheFirstResponseCarriesOnlyTheCardsOnScreenAndTheRowsFillInOnceInteractive()
    {
        var page = await site.NewPageAsync();
        await ChooseFeaturedPersonaAsync(page, 0);

        // The prerendered HTML, as the browser first paints it: a desktop row shows six cards and one peeking.
        var response = await page.APIRequest.GetAsync("/browse");
        var html = await response.TextAsync();
        var rows = System.Text.RegularExpressions.Regex.Matches(html, "<ul class=\"home-row-cards\"[^>]*>(.*?)</ul>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.InRange(System.Text.RegularExpressions.Regex.Count(row.Groups[1].Value, "<li"), 1, 7));

        // Live, the long rows carry their full length.
        var topPicks = page.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" });
        await Expect(topPicks.GetByRole(AriaRole.Listitem)).Not.ToHaveCountAsync(7);
        Assert.True(await topPicks.GetByRole(AriaRole.Listitem).CountAsync() > 7);
    }

    [Fact]
    public async Task WhyThisShowsTheEvidenceBehindACard()
    {
        var page = await site.NewPageAsync();
        await ChooseFeaturedPersonaAsync(page, 1);
        var card = page.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" }).GetByRole(AriaRole.Listitem).First;
        var name = (await card.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();

        await card.GetByRole(AriaRole.Button, new() { Name = $"Why {name}?" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("% match");
        await Expect(dialog).ToContainTextAsync("calibrated from an enjoyment-model score");
    }

    [Fact]
    public async Task ThumbsDownOnATitleTakesItOffTheHomePage()
    {
        var page = await site.NewPageAsync();
        await ChooseFeaturedPersonaAsync(page, 2);
        var topPicks = page.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" });
        var link = topPicks.GetByRole(AriaRole.Link).First;
        var name = (await link.InnerTextAsync()).Trim();
        var href = await link.GetAttributeAsync("href");

        await link.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Not for me" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Not for me" })).ToHaveAttributeAsync("aria-pressed", "true");

        await GoHomeAsync(page);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" })).ToBeVisibleAsync();
        await Expect(page.Locator($".home-row a[href='{href}']")).ToHaveCountAsync(0);

        // The page says what the thumb changed, naming the title that left.
        var changes = page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^You gave {System.Text.RegularExpressions.Regex.Escape(name)} a thumbs down") });
        await Expect(changes).ToBeVisibleAsync();
        await Expect(changes).ToContainTextAsync(name);
    }

    [Fact]
    public async Task SwitchingDeviceChangesTheLayout()
    {
        var page = await site.NewPageAsync();
        await ChooseFeaturedPersonaAsync(page, 3);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Preview as device" }).GetByRole(AriaRole.Link, new() { Name = "TV" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("device=tv"));
        await Expect(page.Locator(".browse.device-tv")).ToBeVisibleAsync();
        await Expect(page.Locator(".home-row").First).ToBeVisibleAsync();
        Assert.True(await page.Locator(".home-row").CountAsync() <= StreamingDemo.Domain.DeviceLayout.Tv.Rows);
    }

    [Fact]
    public async Task AThumbsDownOnACardTakesItOffThePageAtOnceAndShowsWhatMoved()
    {
        var page = await site.NewPageAsync();
        await ChooseFeaturedPersonaAsync(page, 0);
        var topPicks = page.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" });
        var card = topPicks.GetByRole(AriaRole.Listitem).Nth(1);
        var name = (await card.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();
        var href = await card.GetByRole(AriaRole.Link).GetAttributeAsync("href");

        await card.HoverAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = $"Not for me ({name})" }).ClickAsync();

        await Expect(page.Locator($".home-row a[href='{href}']")).ToHaveCountAsync(0);
        var changes = page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^You gave {System.Text.RegularExpressions.Regex.Escape(name)} a thumbs down") });
        await Expect(changes).ToContainTextAsync("Left");

        // Undo takes the thumb back (the recommender then decides whether the title returns to the page).
        await changes.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = $"You took back your rating of {name}. ", Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ArrowKeysMoveBetweenCardsAndRowsAndEnterOpensTheCard()
    {
        var page = await site.NewPageAsync();
        await ChooseFeaturedPersonaAsync(page, 5);
        var rows = page.Locator(".home-row");
        var first = rows.Nth(0).Locator("a.home-card-link").First;
        await first.FocusAsync();

        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(rows.Nth(0).Locator("a.home-card-link").Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(rows.Nth(1).Locator("a.home-card-link").Nth(1)).ToBeFocusedAsync();
        var href = await rows.Nth(1).Locator("a.home-card-link").Nth(1).GetAttributeAsync("href");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**" + href);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TwoTabsOnOneProfileEachShowOnlyWhatTheirOwnThumbsChanged()
    {
        var first = await site.NewPageAsync();
        await ChooseFeaturedPersonaAsync(first, 4);
        var link = first.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" }).GetByRole(AriaRole.Link).First;
        var firstName = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = firstName, Level = 1 })).ToBeVisibleAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Not for me" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Button, new() { Name = "Not for me" })).ToHaveAttributeAsync("aria-pressed", "true");

        // A second tab on the same profile opens the home page: the first tab's thumb is not its news.
        var second = await first.Context.NewPageAsync();
        await second.OpenAsync("/browse");
        await Expect(second.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" })).ToBeVisibleAsync();
        await Expect(Banner(second)).ToHaveCountAsync(0);

        // The first tab comes back home and still finds its own banner.
        await GoHomeAsync(first);
        await Expect(Banner(first)).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex($"^You gave {System.Text.RegularExpressions.Regex.Escape(firstName)} a thumbs down"));

        // A thumb in the second tab shows there, naming its own title; the first tab's banner is unchanged.
        var card = second.GetByRole(AriaRole.Region, new() { Name = "Top Picks for You" }).GetByRole(AriaRole.Listitem).Nth(1);
        var secondName = (await card.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();
        await card.HoverAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = $"Not for me ({secondName})" }).ClickAsync();
        await Expect(Banner(second)).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex($"^You gave {System.Text.RegularExpressions.Regex.Escape(secondName)} a thumbs down"));
        await Expect(Banner(first)).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex($"^You gave {System.Text.RegularExpressions.Regex.Escape(firstName)} a thumbs down"));
    }

    private static ILocator Banner(IPage page) =>
        page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(You gave|You loved|You took back)") });

    /// <summary>Follows the app bar's Home link, inside the tab's circuit as a viewer would.</summary>
    private static async Task GoHomeAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/browse");
    }

    private static async Task ChooseFeaturedPersonaAsync(IPage page, int index)
    {
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button).Nth(index).ClickAsync();
        await page.WaitForURLAsync("**/browse");
        await page.WaitForInteractiveAsync();
    }
}
