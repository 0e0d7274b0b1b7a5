using Microsoft.EntityFrameworkCore;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Tests;

[Collection(nameof(SeededStoreCollection))]
public sealed class CatalogServiceTests(SeededStore store)
{
    private readonly CatalogService catalog = new(store.Contexts, new VocabularyArtworkStyles());
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AGenreFilterKeepsOnlyThatGenresTitlesAndCountsThem()
    {
        var all = await catalog.SearchAsync(CatalogFilter.Empty, 1, cancellationToken: Cancel);
        var genre = (await catalog.GetGenresAsync(Cancel)).First(g => g.MicroGenres.Count > 0);

        var filtered = await catalog.SearchAsync(new CatalogFilter(GenreId: genre.Id), 1, pageSize: 200, cancellationToken: Cancel);

        Assert.InRange(filtered.TotalCount, 1, all.TotalCount - 1);
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var expected = await db.Titles.CountAsync(t => t.PrimaryGenreId == genre.Id || t.Genres.Any(g => g.GenreId == genre.Id), Cancel);
        Assert.Equal(expected, filtered.TotalCount);
    }

    [Fact]
    public async Task AMicroGenreFilterKeepsOnlyTitlesTaggedWithIt()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var tag = await db.TitleTags.GroupBy(t => t.MicroGenreId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(Cancel);
        var genreId = await db.MicroGenres.Where(m => m.Id == tag).Select(m => m.GenreId).SingleAsync(Cancel);

        var result = await catalog.SearchAsync(new CatalogFilter(GenreId: null, MicroGenreId: tag), 1, pageSize: 200, cancellationToken: Cancel);

        var tagged = await db.TitleTags.Where(t => t.MicroGenreId == tag).Select(t => t.TitleId).ToListAsync(Cancel);
        Assert.Equal(tagged.Order(), result.Items.Select(i => i.Id).Order());
        Assert.True(genreId > 0);
    }

    [Fact]
    public async Task SearchIgnoresCaseAndMatchesPartOfTheName()
    {
        var first = (await catalog.SearchAsync(CatalogFilter.Empty, 1, cancellationToken: Cancel)).Items[0];
        var word = first.Name.Split(' ').OrderByDescending(w => w.Length).First();

        var result = await catalog.SearchAsync(new CatalogFilter(Search: word.ToUpperInvariant()), 1, pageSize: 200, cancellationToken: Cancel);

        Assert.Contains(result.Items, t => t.Id == first.Id);
        Assert.All(result.Items, t => Assert.Contains(word, t.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task PagesSplitTheResultsWithoutOverlap()
    {
        var one = await catalog.SearchAsync(CatalogFilter.Empty, 1, pageSize: 30, cancellationToken: Cancel);
        var two = await catalog.SearchAsync(CatalogFilter.Empty, 2, pageSize: 30, cancellationToken: Cancel);

        Assert.Equal(30, one.Items.Count);
        Assert.Empty(one.Items.Select(i => i.Id).Intersect(two.Items.Select(i => i.Id)));
        Assert.Equal((one.TotalCount + 29) / 30, one.PageCount);
    }

    [Fact]
    public async Task NewestSortPutsTheMostRecentYearFirst()
    {
        var result = await catalog.SearchAsync(new CatalogFilter(Sort: CatalogSort.Newest), 1, pageSize: 50, cancellationToken: Cancel);

        Assert.Equal(result.Items.Select(i => i.Year).OrderDescending(), result.Items.Select(i => i.Year));
    }

    [Fact]
    public async Task PosterSpecUsesTheTitlesCuratedTheme()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var title = await db.Titles.OrderBy(t => t.Id).FirstAsync(Cancel);

        var spec = await catalog.GetPosterAsync(title.Id, Cancel);

        Assert.NotNull(spec);
        Assert.Equal(title.Name, spec.Name);
        Assert.Equal(title.ArtworkTheme, spec.Palette.Key);
        Assert.Null(await catalog.GetPosterAsync(-1, Cancel));
    }
}
