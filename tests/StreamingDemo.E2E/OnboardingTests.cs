using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

[Collection(SiteCollection.Name)]
public sealed class OnboardingTests(SiteFixture site)
{
    [Fact]
    public async Task ANewViewerPicksThreeShowsAndLandsOnAHomePageBuiltFromThem()
    {
        var page = await site.NewPageAsync();
        await page.OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add profile" }).ClickAsync();
        await page.WaitForURLAsync("**/profiles/new");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync("Workshop Wendy");
        await page.GetByRole(AriaRole.Radio).Nth(2).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pick three or more shows you love" })).ToBeVisibleAsync();
        var continueButton = page.GetByRole(AriaRole.Button, new() { Name = "Continue" });
        await Expect(continueButton).ToBeDisabledAsync();
        var groups = page.Locator(".pick-group");
        var picked = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            // One show from each of three genres, so the picks span tastes.
            var show = groups.Nth(i * 2).GetByRole(AriaRole.Button).First;
            picked.Add((await show.InnerTextAsync()).Trim());
            await show.ClickAsync();
            await Expect(show).ToHaveAttributeAsync("aria-pressed", "true");
        }

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("3 picked");
        await continueButton.ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Desktop" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my home page" }).ClickAsync();

        await page.WaitForURLAsync("**/browse");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Workshop Wendy (switch profile)" })).ToBeVisibleAsync();
        var because = page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Because you watched ") });
        await Expect(because.First).ToBeVisibleAsync();
        var seeds = (await because.AllInnerTextsAsync()).Select(h => h["Because you watched ".Length..].Trim()).ToList();
        Assert.NotEmpty(seeds);
        Assert.All(seeds, seed => Assert.Contains(seed, picked));
    }
}
