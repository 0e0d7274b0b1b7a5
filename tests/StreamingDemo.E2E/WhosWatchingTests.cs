using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

[Collection(SiteCollection.Name)]
public sealed class WhosWatchingTests(SiteFixture site)
{
    [Fact]
    public async Task ChoosingAPersonaShowsItInTheAppBarAndIsRemembered()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/");
        var featured = page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" });
        var persona = featured.GetByRole(AriaRole.Button).First;
        var name = (await persona.InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(name));

        await persona.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/browse$"));
        await page.WaitForInteractiveAsync();
        var appBar = page.GetByRole(AriaRole.Banner);
        await Expect(appBar.GetByRole(AriaRole.Link, new() { Name = $"{name} (switch profile)" })).ToBeVisibleAsync();

        // Remembered per browser: a fresh visit still shows the same profile.
        await page.OpenAsync("/catalog");
        await Expect(appBar.GetByRole(AriaRole.Link, new() { Name = $"{name} (switch profile)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task FeaturedPersonasShowATasteSummary()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/");

        var tiles = page.GetByRole(AriaRole.List, new() { Name = "Featured profiles" }).GetByRole(AriaRole.Button);
        await Expect(tiles.First).ToBeVisibleAsync();
        Assert.InRange(await tiles.CountAsync(), 4, 6);
        await Expect(tiles.First).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^(Mostly|Mainly|Equal parts) .+, with .+"));
    }

    [Fact]
    public async Task ThePersonaPickerFiltersByTasteCommunity()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/");
        var picker = page.GetByRole(AriaRole.Region, new() { Name = "Every viewer" });
        var count = picker.GetByRole(AriaRole.Status);
        await Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[\\d,]+ profiles$"));
        var all = await count.InnerTextAsync();

        await picker.GetByRole(AriaRole.Combobox, new() { Name = "Taste community" }).ClickAsync();
        var community = page.GetByRole(AriaRole.Option).Nth(1);
        var communityName = (await community.InnerTextAsync()).Trim();
        await community.ClickAsync();

        await Expect(count).Not.ToHaveTextAsync(all);
        var first = picker.GetByRole(AriaRole.Listitem).First.GetByRole(AriaRole.Button);
        await Expect(first).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(communityName)));
    }
}
