using System.Collections.Concurrent;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>
/// Builds the home page a profile sees on a device: the recommender composes the rows (order, titles, match,
/// evidence); this adds what cards show (names, years, posters, progress). Nothing here reorders or filters.
/// </summary>
public sealed class HomeFeed(IRecommender recommender, ContinueWatchingReader continueWatching, CatalogService catalog)
{
    // Visits per profile since the site started: the recommender re-permutes the page a little on each visit.
    private readonly ConcurrentDictionary<int, int> visits = new();

    public async Task<HomeView> BuildAsync(int profileId, DeviceType device, CancellationToken cancellationToken = default)
    {
        var resume = await continueWatching.ReadAsync(profileId, cancellationToken);
        var visit = visits.AddOrUpdate(profileId, 0, (_, v) => v + 1);
        var page = recommender.ComposeHomePage(new HomePageRequest(profileId, device, resume, visit));

        var ids = page.Rows.SelectMany(r => r.Items).Select(i => i.TitleId).Distinct().ToList();
        var cards = await catalog.GetCardsAsync(ids, cancellationToken);
        var progress = resume.ToDictionary(r => r.TitleId);
        var rows = page.Rows
            .Select(row => new HomeRowView(row.Key, row.Kind, row.Title, row.Items
                .Where(i => cards.ContainsKey(i.TitleId))
                .Select(i =>
                {
                    var resumed = row.Kind == RowKind.ContinueWatching && progress.TryGetValue(i.TitleId, out var entry) ? entry : null;
                    return new HomeCard(cards[i.TitleId], i.MatchPercent, i.Explanation, resumed?.Progress, resumed?.EpisodeLabel);
                })
                .ToList()))
            .Where(r => r.Cards.Count > 0)
            .ToList();

        var billboard = await BillboardAsync(rows, cancellationToken);
        return new HomeView(profileId, DeviceLayout.For(device), billboard, rows, page.ComposedAt);
    }

    private async Task<Billboard?> BillboardAsync(IReadOnlyList<HomeRowView> rows, CancellationToken cancellationToken)
    {
        var row = rows.FirstOrDefault(r => r.Kind == RowKind.TopPicks) ?? rows.FirstOrDefault(r => r.Kind != RowKind.ContinueWatching);
        if (row is null || row.Cards.Count == 0)
        {
            return null;
        }

        var pick = row.Cards[0];
        var synopsis = await catalog.GetSynopsisAsync(pick.Title.Id, cancellationToken);
        return new Billboard(pick, synopsis ?? string.Empty);
    }
}
