using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Web.Features.Artwork;

namespace StreamingDemo.Web.Tests.Studio;

/// <summary>V10 in the studio: the artwork replay panel and the side-by-side artwork on the compare page, on a seeded small store.</summary>
[Collection(nameof(SeededSiteCollection))]
public sealed class StudioArtworkTests(SeededSite seeded)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheReplayPanelShowsTheLoggedImpressionsAndTheLearnedArtworkBeatingRandomAndOneBestImage()
    {
        using var browser = seeded.Site.NewBrowser();
        var document = new HtmlParser().ParseDocument(await browser.GetStringAsync("/studio/artwork", Cancel));

        // Small seeds 1,000 profiles × 24 impressions, 30 % of them shown a random variant.
        var figures = document.QuerySelectorAll(".replay-figures dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal("24,000", figures[0]);
        Assert.Equal("30%", figures[1]);

        var take = document.QuerySelectorAll(".replay-table.policies tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => double.Parse(r.QuerySelectorAll("td")[0].TextContent, CultureInfo.InvariantCulture));
        Assert.Equal(["Learned (bandit)", "Random variant", "One best image for everyone"], take.Keys);
        Assert.True(take["Learned (bandit)"] > take["One best image for everyone"], $"learned {take["Learned (bandit)"]} vs single-best {take["One best image for everyone"]}");
        Assert.True(take["One best image for everyone"] > take["Random variant"], $"single-best {take["One best image for everyone"]} vs random {take["Random variant"]}");
        Assert.EndsWith("it beats both.", document.QuerySelector(".headline")!.TextContent.Trim(), StringComparison.Ordinal);

        // One row per theme the log explored, and the learned policy's shares over the themes add up to the whole.
        var log = await SqliteArtworkVariants.LoadImpressionsAsync(seeded.Site.Services.GetRequiredService<StoreLocation>(), Cancel);
        var themes = log.Where(e => e.Explored).Select(e => e.Shown).Distinct().ToList();
        var rows = document.QuerySelectorAll(".replay-table.themes tbody tr");
        Assert.Equal(themes.Count, rows.Length);
        var replay = await seeded.Site.Services.GetRequiredService<ArtworkReplayService>().GetAsync(Cancel);
        Assert.Equal(1.0, replay!.Themes.Sum(t => t.LearnedShare), 6);
        Assert.Equal(1.0, replay.Themes.Sum(t => t.ExploredShare), 6);
    }

    [Fact]
    public async Task TheComparePageShowsTheSameTitlesArtworkForEachPageWithTheVariantTheColumnShowsAndWhy()
    {
        using var browser = seeded.Site.NewBrowser();
        var document = new HtmlParser().ParseDocument(await browser.GetStringAsync("/studio/compare", Cancel));

        var figures = document.QuerySelectorAll("figure.artwork-column");
        Assert.Equal(2, figures.Length);
        var titleId = int.Parse(figures[0].QuerySelector("img.poster")!.GetAttribute("src")!.Split('/')[3], CultureInfo.InvariantCulture);
        var variants = await SqliteArtworkVariants.LoadAsync(seeded.Site.Services.GetRequiredService<StoreLocation>(), Cancel);
        foreach (var (figure, i) in figures.Select((f, i) => (f, i)))
        {
            var theme = figure.GetAttribute("data-theme")!;
            Assert.Contains(theme, variants[titleId]);
            Assert.Equal($"/art/poster/{titleId}/{theme}.svg", figure.QuerySelector("img.poster")!.GetAttribute("src"));
            Assert.Equal($"/art/card/{titleId}/{theme}.svg", figure.QuerySelector("img.landscape")!.GetAttribute("src"));
            Assert.StartsWith(ArtworkService.Label(theme) + " artwork", figure.QuerySelector(".variant")!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.NotEmpty(figure.QuerySelector(".reason")!.TextContent.Trim());

            // Where that page's column shows the title, its card carries the same variant.
            var card = document.QuerySelector($"article.column.page-{(char)('a' + i)} li[data-title-id='{titleId}'] img");
            if (card is not null)
            {
                Assert.Equal($"/art/poster/{titleId}/{theme}.svg", card.GetAttribute("src"));
            }
        }

        var shown = figures.Select(f => f.GetAttribute("data-theme")).Distinct().Count();
        var verdict = document.QuerySelector(".artwork-verdict")!.TextContent;
        Assert.Contains(shown == 1 ? "with the same" : $"with {shown} different artwork variants", verdict, StringComparison.Ordinal);
    }
}
