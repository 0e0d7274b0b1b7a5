using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Components.Pages;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Tests;

[Collection(nameof(SeededStoreCollection))]
public sealed class CatalogPageTests : MudTestContext
{
    private readonly RecordingRecommender recommender;

    public CatalogPageTests(SeededStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        recommender = new RecordingRecommender(store.Contexts) { Match = 0.87 };
        Services.AddSingleton(new CatalogService(store.Contexts, new VocabularyArtworkStyles()));
        Services.AddSingleton(new TitleMatches(recommender));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void ACataloguePageAsksForAllItsMatchesInOneBatchAndEveryCardShowsItsMatch()
    {
        var viewer = new PersonaModel(1, "Ada", "fox", false, []);

        var cut = Render<CascadingValue<PersonaModel>>(p => p.Add(c => c.Value, viewer).AddChildContent<CatalogPage>());

        cut.WaitForAssertion(() => Assert.Equal(CatalogService.DefaultPageSize, cut.FindAll("ul.title-grid > li").Count));
        Assert.Equal(1, recommender.ScoreCalls);
        Assert.Equal(CatalogService.DefaultPageSize, recommender.LastScored.Count);
        Assert.All(cut.FindAll("ul.title-grid > li"), card => Assert.Contains("87% match", card.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void WithNoProfileChosenTheCatalogueShowsNoMatchesAndScoresNothing()
    {
        var cut = Render<CatalogPage>();

        cut.WaitForAssertion(() => Assert.Equal(CatalogService.DefaultPageSize, cut.FindAll("ul.title-grid > li").Count));
        Assert.Equal(0, recommender.ScoreCalls);
        Assert.DoesNotContain("% match", cut.Markup, StringComparison.Ordinal);
    }
}
