using Microsoft.AspNetCore.Components;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Components.Catalog;

/// <summary>
/// Search, genre, micro-genre and sort controls. It never changes its own <see cref="Filter"/>: every change is
/// raised as a new filter and the page decides (it puts it in the URL). Micro-genre options follow the chosen genre,
/// and changing the genre clears the micro-genre.
/// </summary>
public partial class CatalogFilters
{
    [Parameter, EditorRequired]
    public IReadOnlyList<GenreOption> Genres { get; set; } = [];

    [Parameter, EditorRequired]
    public CatalogFilter Filter { get; set; } = CatalogFilter.Empty;

    [Parameter]
    public EventCallback<CatalogFilter> FilterChanged { get; set; }

    private GenreOption? SelectedGenre => Filter.GenreId is int id ? Genres.FirstOrDefault(g => g.Id == id) : null;

    private IReadOnlyList<MicroGenreOption> MicroGenres => SelectedGenre?.MicroGenres ?? [];

    private Task OnSearchChanged(string? search) =>
        FilterChanged.InvokeAsync(Filter with { Search = string.IsNullOrWhiteSpace(search) ? null : search });

    private Task OnGenreChanged(int genreId) =>
        FilterChanged.InvokeAsync(Filter with { GenreId = genreId == 0 ? null : genreId, MicroGenreId = null });

    private Task OnMicroGenreChanged(int microGenreId) =>
        FilterChanged.InvokeAsync(Filter with { MicroGenreId = microGenreId == 0 ? null : microGenreId });

    private Task OnSortChanged(CatalogSort sort) => FilterChanged.InvokeAsync(Filter with { Sort = sort });
}
