using System.Collections.Concurrent;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Titles;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>
/// Builds the home page a profile sees on a device: the recommender composes the rows (order, titles, match,
/// evidence); this adds what cards show (names, years, posters, progress). Nothing here reorders or filters.
/// </summary>
public sealed class HomeFeed(IRecommender recommender, ContinueWatchingReader continueWatching, CatalogService catalog, FeedbackJournal journal, ThumbsService thumbsReader)
{
    // Visits per profile since the site started: the recommender re-permutes the page a little on each visit.
    private readonly ConcurrentDictionary<int, int> visits = new();

    // The visible cards (title id, name) of the last page each profile saw per device, to show what feedback changed.
    private readonly ConcurrentDictionary<(int Profile, DeviceType Device), IReadOnlyList<(int Id, string Name)>> lastSeen = new();

    /// <summary>
    /// Composes the page. With <paramref name="commit"/> false (prerendering) it is a preview of exactly the page the
    /// committed call will compose next: the same visit, nothing counted or consumed, so the interactive render that
    /// follows shows the same page without carrying it across.
    /// </summary>
    /// <param name="newVisit">False when recomposing the page the viewer is on (after a thumb): same visit, so only the feedback moves titles.</param>
    /// <param name="layout">A layout other than the site's (lab previews, the API): always a preview, never committed.</param>
    public async Task<HomeView> BuildAsync(int profileId, DeviceType device, bool commit = true, bool newVisit = true, HomeLayout? layout = null, CancellationToken cancellationToken = default)
    {
        commit &= layout is null;
        var resume = await continueWatching.ReadAsync(profileId, cancellationToken);
        var visit = (commit, newVisit) switch
        {
            (_, false) => visits.GetValueOrDefault(profileId),
            (true, true) => visits.AddOrUpdate(profileId, 0, (_, v) => v + 1),
            (false, true) => visits.TryGetValue(profileId, out var seen) ? seen + 1 : 0,
        };
        var page = recommender.ComposeHomePage(new HomePageRequest(profileId, device, resume, visit, layout));

        var ids = page.Rows.SelectMany(r => r.Items).Select(i => i.TitleId).Distinct().ToList();
        var cards = await catalog.GetCardsAsync(ids, cancellationToken);
        var thumbs = await thumbsReader.ForProfileAsync(profileId, cancellationToken);
        var progress = resume.ToDictionary(r => r.TitleId);
        var rows = page.Rows
            .Select(row => new HomeRowView(row.Key, row.Kind, row.Title, row.Items
                .Where(i => cards.ContainsKey(i.TitleId))
                .Select(i =>
                {
                    var resumed = row.Kind == RowKind.ContinueWatching && progress.TryGetValue(i.TitleId, out var entry) ? entry : null;
                    return new HomeCard(cards[i.TitleId], i.MatchPercent, i.Explanation, resumed?.Progress, resumed?.EpisodeLabel, thumbs.TryGetValue(i.TitleId, out var thumb) ? thumb : null);
                })
                .ToList()))
            .Where(r => r.Cards.Count > 0)
            .ToList();

        var shape = (layout ?? BuiltInLayouts.NetflixStyle).For(device);
        var visible = rows.Take(shape.Rows).SelectMany(r => r.Cards.Take(shape.CardsPerRow)).Select(c => (c.Title.Id, c.Title.Name)).Distinct().ToList();
        PageChanges? changes = null;
        var note = layout is not null ? null : commit ? journal.Take(profileId) : journal.Peek(profileId);
        if (note is not null && lastSeen.TryGetValue((profileId, device), out var before))
        {
            var names = await catalog.GetCardsAsync([note.TitleId], cancellationToken);
            changes = Compare(Cause(note, names.TryGetValue(note.TitleId, out var c) ? c.Name : "a title"), before, visible);
        }

        if (commit)
        {
            lastSeen[(profileId, device)] = visible;
        }

        var billboard = await BillboardAsync(rows, cancellationToken);
        return new HomeView(profileId, shape, billboard, rows, page.ComposedAt, changes);
    }

    /// <summary>Positions on the visible page before and after: entered, left, and the largest moves up and down.</summary>
    public static PageChanges Compare(string cause, IReadOnlyList<(int Id, string Name)> before, IReadOnlyList<(int Id, string Name)> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var from = before.Select((t, i) => (t.Id, Position: i + 1)).ToDictionary(x => x.Id, x => x.Position);
        var to = after.Select((t, i) => (t.Id, Position: i + 1)).ToDictionary(x => x.Id, x => x.Position);
        var entered = after.Where(t => !from.ContainsKey(t.Id)).Select(t => new MovedTitle(t.Id, t.Name, null, to[t.Id])).ToList();
        var left = before.Where(t => !to.ContainsKey(t.Id)).Select(t => new MovedTitle(t.Id, t.Name, from[t.Id], null)).ToList();
        var moved = after.Where(t => from.ContainsKey(t.Id) && from[t.Id] != to[t.Id]).Select(t => new MovedTitle(t.Id, t.Name, from[t.Id], to[t.Id])).ToList();
        return new PageChanges(
            cause,
            entered,
            left,
            [.. moved.Where(m => m.To < m.From).OrderByDescending(m => m.From - m.To)],
            [.. moved.Where(m => m.To > m.From).OrderByDescending(m => m.To - m.From)]);
    }

    private static string Cause(FeedbackNote note, string name) => note.Rating switch
    {
        ThumbRating.Down => $"You gave {name} a thumbs down",
        ThumbRating.Up => $"You gave {name} a thumbs up",
        ThumbRating.Love => $"You loved {name}",
        _ => $"You took back your rating of {name}",
    };

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
