using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using StreamingDemo.Web.Features.Security;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Web.Art;

namespace StreamingDemo.Web.Features.Catalog;

/// <summary>Reads the catalogue for pages: genre options, filtered and paged title cards, poster specs.</summary>
public sealed class CatalogService(IDbContextFactory<StreamingDbContext> contexts, IArtworkStyles artwork)
{
    public const int DefaultPageSize = 30;

    /// <summary>The card facts of a title, translated to SQL by EF so a page reads only what its cards show.</summary>
    private static readonly Expression<Func<Title, TitleCardModel>> ToCard = t => new TitleCardModel(
        t.Id,
        t.Name,
        t.Kind,
        t.Year,
        t.Maturity,
        t.RuntimeMinutes,
        t.PrimaryGenre!.Name,
        t.Episodes.Select(e => e.SeasonNumber).Distinct().Count());

    public async Task<IReadOnlyList<GenreOption>> GetGenresAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var genres = await db.Genres.AsNoTracking().OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var micro = await db.MicroGenres.AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var byGenre = micro.ToLookup(m => m.GenreId);
        return genres
            .Select(g => new GenreOption(g.Id, g.Name, byGenre[g.Id].Select(m => new MicroGenreOption(m.Id, m.Name)).ToList()))
            .ToList();
    }

    public async Task<PagedResult<TitleCardModel>> SearchAsync(CatalogFilter filter, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var titles = db.Titles.AsNoTracking();
        if (UserText.CleanSearch(filter.Search) is { } search)
        {
            var pattern = "%" + EscapeLike(search) + "%";
            titles = titles.Where(t => EF.Functions.Like(t.Name, pattern, "\\"));
        }

        if (filter.GenreId is int genreId)
        {
            titles = titles.Where(t => t.PrimaryGenreId == genreId || t.Genres.Any(g => g.GenreId == genreId));
        }

        if (filter.MicroGenreId is int microGenreId)
        {
            titles = titles.Where(t => t.Tags.Any(tag => tag.MicroGenreId == microGenreId));
        }

        var total = await titles.CountAsync(cancellationToken);
        titles = filter.Sort == CatalogSort.Newest
            ? titles.OrderByDescending(t => t.Year).ThenBy(t => t.Name).ThenBy(t => t.Id)
            : titles.OrderBy(t => t.Name).ThenBy(t => t.Id);

        // A page past the end shows the last one (and the arithmetic below cannot overflow).
        page = Math.Min(page, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await titles
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(ToCard)
            .ToListAsync(cancellationToken);
        return new PagedResult<TitleCardModel>(items, total, page, pageSize);
    }

    /// <summary>Card facts for the given titles, by id (unknown ids are left out).</summary>
    public async Task<IReadOnlyDictionary<int, TitleCardModel>> GetCardsAsync(IReadOnlyCollection<int> titleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(titleIds);
        if (titleIds.Count == 0)
        {
            return new Dictionary<int, TitleCardModel>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Titles.AsNoTracking()
            .Where(t => titleIds.Contains(t.Id))
            .Select(ToCard)
            .ToDictionaryAsync(t => t.Id, cancellationToken);
    }

    public async Task<string?> GetSynopsisAsync(int titleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Titles.AsNoTracking().Where(t => t.Id == titleId).Select(t => t.Synopsis).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>What the poster endpoint draws for a title, or null when there is no such title.</summary>
    public async Task<PosterSpec?> GetPosterAsync(int titleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var title = await db.Titles.AsNoTracking()
            .Where(t => t.Id == titleId)
            .Select(t => new { t.Id, t.Name, t.Kind, t.ArtworkTheme })
            .FirstOrDefaultAsync(cancellationToken);
        return title is null ? null : new PosterSpec(title.Id, title.Name, title.Kind, artwork.Theme(title.ArtworkTheme));
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
