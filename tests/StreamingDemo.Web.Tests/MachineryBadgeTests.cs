using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Domain;
using StreamingDemo.Web.Components.Browse;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Tests;

/// <summary>
/// "Show the machinery" (M6) on real home pages of the trained small site: every card's badge names what its own
/// "Why this?" shows, and agrees with the row that placed it.
/// </summary>
[Collection(nameof(SeededSiteCollection))]
public sealed class MachineryBadgeTests : MudTestContext
{
    private readonly SeededSite fixture;

    public MachineryBadgeTests(SeededSite fixture)
    {
        this.fixture = fixture;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    /// <summary>What each kind of row places by, written out independently of the recommender's own mapping.</summary>
    private static readonly Dictionary<RowKind, string> RowBadge = new()
    {
        [RowKind.ContinueWatching] = "Continue watching",
        [RowKind.TopPicks] = "Personal ranking",
        [RowKind.BecauseYouWatched] = "Co-viewing",
        [RowKind.MicroGenre] = "Micro-genre affinity",
        [RowKind.TrendingInCommunity] = "Community",
        [RowKind.NewReleases] = "Trending",
        [RowKind.Top10] = "Trending",
        [RowKind.Exploration] = "Exploration",
    };

    [Fact]
    public async Task EveryBadgeOnEveryPersonasHomePageAgreesWithItsWhyThis()
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var personas = await scope.ServiceProvider.GetRequiredService<PersonaDirectory>().GetFeaturedAsync(Cancel);
        var feed = scope.ServiceProvider.GetRequiredService<HomeFeed>();
        var checkedCards = 0;
        foreach (var persona in personas)
        {
            var home = await feed.BuildAsync(persona.Id, DeviceType.Desktop, commit: false, newVisit: false, cancellationToken: Cancel);
            var placements = home.Rows.SelectMany(r => r.Cards.Select(c => (Row: (RowKind?)r.Kind, Card: c))).ToList();
            if (home.Billboard is { } hero)
            {
                placements.Add((null, hero.Card));
            }

            foreach (var (row, card) in placements)
            {
                var badges = Render<HomeCardView>(p => p.Add(c => c.Card, card).Add(c => c.ShowMachinery, true))
                    .FindAll(".machinery-badge").Select(b => b.TextContent.Trim()).ToList();
                var why = Render<WhyThisPanel>(p => p.Add(w => w.Explanation, card.Explanation).Add(w => w.Match, card.Explanation.MatchProbability).Add(w => w.Artwork, card.Artwork));
                var named = $"{persona.Name}: {card.Title.Name} in {row?.ToString() ?? "the billboard"}";

                Assert.True(badges.Count > 0, $"{named} has a badge");
                var placed = badges[0];
                Assert.Equal(why.Find(".why-placed .machinery-badge").TextContent.Trim(), placed);
                Assert.Equal(placed == "Exploration", why.FindAll(".why-exploration").Count == 1);
                if (placed == "Co-viewing")
                {
                    Assert.Contains(card.Explanation.SeedTitleName!, why.Markup, StringComparison.Ordinal);
                }

                if (row is RowKind kind && placed != "Exploration")
                {
                    Assert.True(RowBadge[kind] == placed, $"{named}: badge {placed}, row {kind}");
                }

                var artworkBadge = badges.Skip(1).SingleOrDefault();
                if (card.Artwork is { Personalized: true } artwork)
                {
                    var shown = why.Find(".why-artwork strong").TextContent.Trim();
                    Assert.Equal(artwork.Explored ? "Artwork: exploring" : $"Artwork: {shown}", artworkBadge);
                }
                else
                {
                    Assert.Null(artworkBadge);
                }

                checkedCards++;
            }
        }

        Assert.True(checkedCards >= personas.Count * 20, $"only {checkedCards} cards checked");
    }

    [Fact]
    public void WithTheSwitchOffACardCarriesNoBadge()
    {
        var explanation = new Explanation(null, null, [], [], new Dictionary<string, double>(), 0.5, false, 0, 0.7, PlacementMechanism.MicroGenreAffinity);
        var card = new HomeCard(new Features.Catalog.TitleCardModel(7, "The Harbour Files", TitleKind.Series, 2026, "16+", 50, "Crime", 2), 70, explanation);

        var off = Render<HomeCardView>(p => p.Add(c => c.Card, card));
        var on = Render<HomeCardView>(p => p.Add(c => c.Card, card).Add(c => c.ShowMachinery, true));

        Assert.Empty(off.FindAll(".machinery-badge"));
        Assert.Equal(["Micro-genre affinity"], on.FindAll(".machinery-badge").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public async Task TheSwitchIsACookieThatSurvivesTheNextVisit()
    {
        using var browser = fixture.Site.NewBrowser();

        var flip = await browser.GetAsync("/machinery?show=true&returnUrl=%2Fcatalog", Cancel);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, flip.StatusCode);
        Assert.Equal("/catalog", flip.Headers.Location?.OriginalString);
        Assert.Contains(flip.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{Machinery.CookieName}=on", StringComparison.Ordinal));
        var bad = await browser.GetAsync("/machinery?show=maybe", Cancel);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        var offsite = await browser.GetAsync("/machinery?show=false&returnUrl=%2F%2Fevil.example", Cancel);
        Assert.Equal("/browse", offsite.Headers.Location?.OriginalString);
    }
}
