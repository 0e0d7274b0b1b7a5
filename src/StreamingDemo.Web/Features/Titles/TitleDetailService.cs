using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Features.Titles;

/// <summary>Reads a title's page (V6): catalogue facts, this profile's progress and thumb, and the recommender's match and similar titles.</summary>
public sealed class TitleDetailService(IDbContextFactory<StreamingDbContext> contexts, CatalogService catalog, TitleMatches matches, IRecommender recommender, TimeProvider clock)
{
    public const int SimilarCount = 12;

    public async Task<TitleDetail?> GetAsync(int titleId, int? profileId, CancellationToken cancellationToken = default)
    {
        var cards = await catalog.GetCardsAsync([titleId], cancellationToken);
        if (!cards.TryGetValue(titleId, out var card))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var synopsis = await db.Titles.AsNoTracking().Where(t => t.Id == titleId).Select(t => t.Synopsis).FirstAsync(cancellationToken);
        var tags = await (
                from tag in db.TitleTags.AsNoTracking()
                join micro in db.MicroGenres.AsNoTracking() on tag.MicroGenreId equals micro.Id
                where tag.TitleId == titleId
                orderby micro.Name
                select new TagView(micro.Id, micro.GenreId, micro.Name))
            .ToListAsync(cancellationToken);
        var credits = await db.Credits.AsNoTracking().Where(c => c.TitleId == titleId).OrderBy(c => c.Role).ThenBy(c => c.Order)
            .Select(c => new { c.Role, c.PersonName })
            .ToListAsync(cancellationToken);
        // A season that has not premiered yet on the demo clock is not listed (nor playable).
        var now = clock.GetUtcNow().UtcDateTime;
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.TitleId == titleId && e.AvailableAt <= now).OrderBy(e => e.SeasonNumber).ThenBy(e => e.EpisodeNumber)
            .ToListAsync(cancellationToken);

        var progress = new Dictionary<int, double>();
        ThumbRating? thumb = null;
        if (profileId is int profile)
        {
            var furthest = await db.ViewingSessions.AsNoTracking()
                .Where(s => s.ProfileId == profile && s.TitleId == titleId && s.EpisodeId != null)
                .GroupBy(s => s.EpisodeId!.Value)
                .Select(g => new { Episode = g.Key, End = g.Max(s => s.EndPositionSeconds), Completed = g.Any(s => s.Completed) })
                .ToListAsync(cancellationToken);
            var runtimes = episodes.ToDictionary(e => e.Id, e => e.RuntimeMinutes * 60.0);
            foreach (var e in furthest.Where(f => runtimes.ContainsKey(f.Episode)))
            {
                progress[e.Episode] = e.Completed ? 1 : Math.Clamp(e.End / runtimes[e.Episode], 0, 1);
            }

            thumb = await db.Thumbs.AsNoTracking().Where(t => t.ProfileId == profile && t.TitleId == titleId)
                .Select(t => (ThumbRating?)t.Rating).FirstOrDefaultAsync(cancellationToken);
        }

        RecommendedTitle? match = null;
        IReadOnlyList<HomeCard> similar = [];
        if (profileId is int viewer && recommender.Status.IsReady)
        {
            match = matches.For(viewer, [titleId]).GetValueOrDefault(titleId);
            similar = await SimilarAsync(titleId, viewer, SimilarCount, cancellationToken);
        }

        return new TitleDetail(
            card,
            synopsis,
            tags,
            [.. credits.GroupBy(c => c.Role).Select(g => new CreditGroup(RoleLabel(g.Key, g.Count()), [.. g.Select(c => c.PersonName)]))],
            episodes.Select(e => new EpisodeView(e.Id, e.SeasonNumber, e.EpisodeNumber, e.Name, e.RuntimeMinutes, e.Synopsis, progress.TryGetValue(e.Id, out var p) ? p : null)).ToList(),
            match,
            thumb,
            similar);
    }

    /// <summary>
    /// Titles watched by the same viewers (co-viewing neighbours), as cards with their match for the profile; a viewer the
    /// recommender does not know yet gets the same titles scored as a newcomer. Empty while the recommender is training.
    /// </summary>
    public async Task<IReadOnlyList<HomeCard>> SimilarAsync(int titleId, int profileId, int count = SimilarCount, CancellationToken cancellationToken = default)
    {
        var neighbours = recommender.SimilarTitles(titleId, profileId, count);
        var cards = await catalog.GetCardsAsync(neighbours.Select(n => n.TitleId).ToList(), cancellationToken);
        return [.. neighbours.Where(n => cards.ContainsKey(n.TitleId)).Select(n => new HomeCard(cards[n.TitleId], n.ShownMatchPercent, n.Explanation))];
    }

    private static string RoleLabel(CreditRole role, int count) => role switch
    {
        CreditRole.Director => count == 1 ? "Director" : "Directors",
        CreditRole.Creator => count == 1 ? "Creator" : "Creators",
        CreditRole.Writer => count == 1 ? "Writer" : "Writers",
        _ => "Cast",
    };
}
