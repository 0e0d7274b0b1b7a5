using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Studio;
using static Microsoft.Playwright.Assertions;

namespace StreamingDemo.E2E;

/// <summary>The marketer studio as a marketer uses it: compare personas, open a community from the map, read the insights.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class StudioTests(SiteFixture site)
{
    private static readonly ViewportSize Projector = new() { Width = 1920, Height = 1080 };
    private static readonly ViewportSize Laptop = new() { Width = 1280, Height = 800 };

    [Fact]
    public async Task ComparingTwoPersonasHighlightsTheTitlesTheyShareWithTheirRankOnEachPage()
    {
        var (first, second, shared) = await PersonasWithOverlapAsync();
        var page = await site.NewPageAsync(Projector);
        await page.OpenAsync($"/studio/compare?profiles={first},{second}");

        var pageA = page.GetByRole(AriaRole.Article).Nth(0);
        var pageB = page.GetByRole(AriaRole.Article).Nth(1);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "What the pages share" })).ToContainTextAsync($"{shared} of");
        await Expect(pageA.Locator("li.card.shared")).ToHaveCountAsync(shared);
        await Expect(pageB.Locator("li.card.shared")).ToHaveCountAsync(shared);

        // Each highlighted card names its rank on both pages, and the rank is where the card really sits on each page.
        var idsA = await TitleIdsAsync(pageA);
        var idsB = await TitleIdsAsync(pageB);
        foreach (var card in await pageA.Locator("li.card.shared").AllAsync())
        {
            var id = await card.GetAttributeAsync("data-title-id");
            var label = await card.GetByRole(AriaRole.Link).GetAttributeAsync("aria-label");
            Assert.Contains($"#{idsA.IndexOf(id!) + 1} on page A", label, StringComparison.Ordinal);
            Assert.Contains($"#{idsB.IndexOf(id!) + 1} on page B", label, StringComparison.Ordinal);
            await Expect(card.Locator(".ranks")).ToHaveTextAsync(new Regex($"A#{idsA.IndexOf(id!) + 1}\\s*B#{idsB.IndexOf(id!) + 1}"));
        }

        await Expect(pageA.Locator("li.card:not(.shared)").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ThePickerAddsAThirdPageAndTheAddressReopensTheComparison()
    {
        var page = await site.NewPageAsync(Projector);
        await page.OpenAsync("/studio/compare");
        await Expect(page.GetByRole(AriaRole.Article)).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add page C" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/studio/compare\?profiles=\d+,\d+,\d+&device=desktop$"));
        await Expect(page.GetByRole(AriaRole.Article)).ToHaveCountAsync(3);
        var url = page.Url;
        var again = await site.NewPageAsync(Projector);
        await again.OpenAsync(url);
        await Expect(again.GetByRole(AriaRole.Article)).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task OneProfileOnTwoDevicesIsCompared()
    {
        var persona = (await FeaturedAsync())[0];
        var page = await site.NewPageAsync(Projector);
        await page.OpenAsync($"/studio/compare?profiles={persona.Id}&device=tv,phone");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{persona.Name} on TV" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{persona.Name} on phone" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ABadAddressSaysWhatToFixInsteadOfFailing()
    {
        var page = await site.NewPageAsync(Projector);
        var response = await page.GotoAsync("/studio/compare?profiles=12,abc");

        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("\"abc\" is not a profile id");
    }

    [Fact]
    public async Task OpeningACommunityFromTheMapShowsItsMembersAndWhatSpreads()
    {
        var page = await site.NewPageAsync(Projector);
        await page.OpenAsync("/studio/communities");
        var bubble = page.GetByRole(AriaRole.List, new() { Name = "Map of taste communities" }).GetByRole(AriaRole.Link).First;
        var label = (await bubble.GetAttributeAsync("aria-label"))!;
        var name = label[..label.LastIndexOf(", ", StringComparison.Ordinal)];

        await bubble.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/studio/communities/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        var id = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var community = site.App.Services.GetRequiredService<ITasteCommunityAtlas>().Communities.Single(c => c.Id == id);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToHaveTextAsync(community.Name);
        await Expect(page.Locator(".lead")).ToContainTextAsync($"{community.Size:N0} viewers have this as their strongest community");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Most influential members" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What spreads through it" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AProfilesThreeCommunitiesLeadToTheirPages()
    {
        var persona = (await FeaturedAsync())[0];
        var taste = site.App.Services.GetRequiredService<IRecommender>().GetTaste(persona.Id);
        var page = await site.NewPageAsync(Laptop);
        await page.OpenAsync($"/studio/profiles/{persona.Id}");

        var links = page.GetByRole(AriaRole.List, new() { Name = "Communities and weights" }).GetByRole(AriaRole.Link);
        await Expect(links).ToHaveCountAsync(3);
        await Expect(links).ToHaveTextAsync([.. taste.Communities.Select(c => c.Name)]);
        await links.First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(taste.Communities[0].Name);
    }

    [Fact]
    public async Task InsightsShowTheBusiestHourAndWhereViewersPause()
    {
        var page = await site.NewPageAsync(Projector);
        await page.OpenAsync("/studio/insights");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "When they watch" })).ToBeVisibleAsync();
        await Expect(page.Locator(".heat-panel")).ToContainTextAsync("Busiest hour:");
        await Expect(page.Locator(".pause-headline")).ToContainTextAsync(new Regex(@"Most pauses in .+ fall between minute \d+ and \d+"));
    }

    [Theory]
    [InlineData("/studio", "Your Netflix is not my Netflix")]
    [InlineData("/studio/compare", "Your Netflix is not my Netflix")]
    [InlineData("/studio/communities", "Who watches together")]
    [InlineData("/studio/insights", "What the viewing data says")]
    [InlineData("/studio/artwork", "Which poster gets the play")]
    public async Task StudioPagePassesAnAutomatedAccessibilityScan(string path, string heading)
    {
        var page = await site.NewPageAsync(Laptop);
        await page.OpenAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task CommunityAndProfilePagesPassAnAutomatedAccessibilityScan()
    {
        var atlas = site.App.Services.GetRequiredService<ITasteCommunityAtlas>();
        var community = atlas.Communities.OrderByDescending(c => c.Size).First();
        var page = await site.NewPageAsync(Laptop);
        await page.OpenAsync($"/studio/communities/{community.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = community.Name, Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.OpenAsync($"/studio/profiles/{community.ExampleMemberIds[0]}");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Communities and weights" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    /// <summary>Screenshots of every studio page on a projector (1920×1080), a laptop (1280×800) and a phone, for docs/screenshots.</summary>
    [Fact]
    public async Task EveryStudioPageIsCapturedOnAProjectorALaptopAndAPhone()
    {
        var folder = Environment.GetEnvironmentVariable("STREAMINGDEMO_SCREENSHOTS") is { Length: > 0 } target ? target : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var (first, second, _) = await PersonasWithOverlapAsync();
        var community = site.App.Services.GetRequiredService<ITasteCommunityAtlas>().Communities.OrderByDescending(c => c.Size).First();
        var pages = new (string Name, string Path, string Heading)[]
        {
            ("studio", "/studio", "Your Netflix is not my Netflix"),
            ("studio-compare", $"/studio/compare?profiles={first},{second}", "Your Netflix is not my Netflix"),
            ("studio-compare-devices", $"/studio/compare?profiles={first}&device=tv,phone", "Your Netflix is not my Netflix"),
            ("studio-communities", "/studio/communities", "Who watches together"),
            ("studio-community", $"/studio/communities/{community.Id}", community.Name),
            ("studio-profile", $"/studio/profiles/{first}", string.Empty),
            ("studio-insights", "/studio/insights", "What the viewing data says"),
            ("studio-artwork", "/studio/artwork", "Which poster gets the play"),
        };
        foreach (var (width, viewport) in new[] { ("1920", Projector), ("1280", Laptop), ("phone", Browser.Phone) })
        {
            foreach (var (name, path, heading) in pages)
            {
                var page = await site.NewPageAsync(viewport);
                await page.OpenAsync(path);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                if (heading.Length > 0)
                {
                    await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
                }

                await page.WaitForFunctionAsync("() => [...document.images].filter(i => { const r = i.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }).every(i => i.complete)");
                await page.EvaluateAsync("() => document.fonts.ready");
                await page.Mouse.MoveAsync(0, 0);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), Animations = ScreenshotAnimations.Disabled });
                await page.Context.CloseAsync();
            }
        }

        Assert.True(File.Exists(Path.Combine(folder, "studio-insights-1280.png")));
    }

    /// <summary>Two featured personas whose pages share at least one visible title (and how many), by the studio's own comparison.</summary>
    private async Task<(int First, int Second, int Shared)> PersonasWithOverlapAsync()
    {
        using var scope = site.App.Services.CreateScope();
        var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
        var featured = await compare.FeaturedAsync(TestContext.Current.CancellationToken);
        foreach (var a in featured)
        {
            foreach (var b in featured.Where(b => b.Id > a.Id))
            {
                var (result, _) = await compare.CompareAsync(new CompareRequest([(a.Id, DeviceType.Desktop), (b.Id, DeviceType.Desktop)]), TestContext.Current.CancellationToken);
                if (result is { Summary.Shared.Count: > 0 })
                {
                    return (a.Id, b.Id, result.Summary.Shared.Count);
                }
            }
        }

        throw new InvalidOperationException("No two featured personas share a visible title.");
    }

    private async Task<IReadOnlyList<StreamingDemo.Web.Features.Profiles.PersonaModel>> FeaturedAsync()
    {
        using var scope = site.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CompareService>().FeaturedAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<string>> TitleIdsAsync(ILocator column)
    {
        var ids = new List<string>();
        foreach (var card in await column.Locator("li.card").AllAsync())
        {
            var id = await card.GetAttributeAsync("data-title-id");
            if (!ids.Contains(id!))
            {
                ids.Add(id!);
            }
        }

        return ids;
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}{Environment.NewLine}    " + string.Join(Environment.NewLine + "    ", v.Nodes.Take(5).Select(n => n.Html)))));
    }
}
