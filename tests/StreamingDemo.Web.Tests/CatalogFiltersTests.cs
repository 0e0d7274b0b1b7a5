using Bunit;
using MudBlazor;
using StreamingDemo.Web.Components.Catalog;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Tests;

public sealed class CatalogFiltersTests : MudTestContext
{
    private static readonly IReadOnlyList<GenreOption> Genres =
    [
        new(1, "Crime", [new MicroGenreOption(11, "Dark Scandinavian Crime Dramas"), new MicroGenreOption(12, "Cerebral Heist Movies")]),
        new(2, "Comedy", [new MicroGenreOption(21, "Quirky Workplace Comedies")]),
    ];

    // Rendered as the live circuit renders them; the prerendered state is set by the test that checks it.
    public CatalogFiltersTests() => SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    [Fact]
    public void MicroGenreIsDisabledUntilAGenreIsChosen()
    {
        var cut = Render<CatalogFilters>(p => p.Add(f => f.Genres, Genres).Add(f => f.Filter, CatalogFilter.Empty));

        var micro = MicroGenreSelect(cut);
        Assert.True(micro.Instance.Disabled);
        Assert.Contains("Choose a genre first", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void MicroGenreOptionsFollowTheChosenGenre()
    {
        var cut = Render<CatalogFilters>(p => p.Add(f => f.Genres, Genres).Add(f => f.Filter, new CatalogFilter(GenreId: 1)));

        var micro = MicroGenreSelect(cut);
        Assert.False(micro.Instance.Disabled);
        var items = micro.FindComponents<MudSelectItem<int>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal([0, 11, 12], items);
    }

    [Fact]
    public async Task ChangingTheGenreRaisesANewFilterAndClearsTheMicroGenre()
    {
        CatalogFilter? raised = null;
        var current = new CatalogFilter("fjord", GenreId: 1, MicroGenreId: 11);
        var cut = Render<CatalogFilters>(p => p
            .Add(f => f.Genres, Genres)
            .Add(f => f.Filter, current)
            .Add(f => f.FilterChanged, (CatalogFilter f) => raised = f));

        await cut.InvokeAsync(() => GenreSelect(cut).Instance.ValueChanged.InvokeAsync(2));

        Assert.Equal(new CatalogFilter("fjord", GenreId: 2, MicroGenreId: null), raised);
        Assert.Same(current, cut.Instance.Filter);
    }

    [Fact]
    public async Task ChoosingAllGenresClearsTheGenre()
    {
        CatalogFilter? raised = null;
        var cut = Render<CatalogFilters>(p => p
            .Add(f => f.Genres, Genres)
            .Add(f => f.Filter, new CatalogFilter(GenreId: 2))
            .Add(f => f.FilterChanged, (CatalogFilter f) => raised = f));

        await cut.InvokeAsync(() => GenreSelect(cut).Instance.ValueChanged.InvokeAsync(0));

        Assert.Equal(CatalogFilter.Empty, raised);
    }

    [Fact]
    public void BeforeTheCircuitIsLiveTheSearchBoxIsDisabledSoNothingTypedIsLost()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var cut = Render<CatalogFilters>(p => p.Add(f => f.Genres, Genres).Add(f => f.Filter, CatalogFilter.Empty));

        var search = cut.FindComponent<MudTextField<string>>();
        Assert.True(search.Instance.Disabled);
        Assert.Equal("Getting ready…", search.Instance.Placeholder);
    }

    [Fact]
    public void OnceTheCircuitIsLiveTheSearchBoxTakesAtMostAHundredCharacters()
    {
        var cut = Render<CatalogFilters>(p => p.Add(f => f.Genres, Genres).Add(f => f.Filter, CatalogFilter.Empty));

        var search = cut.FindComponent<MudTextField<string>>();
        Assert.False(search.Instance.Disabled);
        Assert.Equal("100", cut.Find("input").GetAttribute("maxlength"));
    }

    private static IRenderedComponent<MudSelect<int>> GenreSelect(IRenderedComponent<CatalogFilters> cut) =>
        cut.FindComponents<MudSelect<int>>().Single(s => s.Instance.Label == "Genre");

    private static IRenderedComponent<MudSelect<int>> MicroGenreSelect(IRenderedComponent<CatalogFilters> cut) =>
        cut.FindComponents<MudSelect<int>>().Single(s => s.Instance.Label == "Micro-genre");
}
