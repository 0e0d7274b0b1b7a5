using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Artwork;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>
/// Builds the home page a profile sees on a device: the recommender composes the rows (order, titles, match,
/// evidence); this adds what cards show (names, years, posters, progress). Nothing here reorders or filters.
/// </summary>
/// <remarks>Scoped (one per tab): what the tab saw last and the thumb it gave since come from its <see cref="BrowsingSession"/>.</remarks>
public sealed class HomeFeed(
    IRecommender recommender,
    ContinueWatchingReader continueWatching,
    CatalogService catalog,
    HomeVisits visits,
    BrowsingSession session,
    ArtworkService artwork,
    IDbContextFactory<StreamingDbContext> contexts)
{
    /// <summary>
    /// Composes the page. With <paramref name="commit"/> false (prerendering) it is a preview of exactly the page the
    /// committed call will compose next: the same visit, nothing counted or consumed, so the interactive render that
    /// follows shows the same page without carrying it across.
    /// </summary>
    /// <param name="newVisit">False when recomposing the page the viewer is on (after a thumb): same visit, so only the feedback moves titles.</param>
    /// <param name="layout">A layout other than the site's (lab previews, the API): always a preview, never committed, no change note.</param>
    /// <param name="personalizeArtwork">False shows every title's default artwork (V10's contrast setting); a layout whose artwork policy is "default" does too.</param>
    public async Task<HomeView> BuildAsync(int profileId, DeviceType device, bool commit = true, bool newVisit = true, HomeLayout? layout = null, bool personalizeArtwork = true, CancellationToken cancellationToken = default)
    {
        commit &= layout is null;
        var resume = await continueWatching.ReadAsync(profileId, cancellationToken);
        var visit = visits.Visit(profileId, commit, newVisit);
        var page = recommender.ComposeHomePage(new HomePageRequest(profileId, device, resume, visit, layout));

        var ids = page.Rows.SelectMany(r => r.Items).Select(i => i.TitleId).Distinct().ToList();
        var cards = await catalog.GetCardsAsync(ids, cancellationToken);
        // The site's own page personalizes artwork unless switched off; a lab layout says so with its artwork policy.
        var personalize = personalizeArtwork && (layout is null || layout.Artwork == ArtworkPolicy.Personalized);
        var art = await artwork.ChooseAsync(profileId, device, visit, ids, personalize, remember: commit, cancellationToken: cancellationToken);
        // A new visit reads the thumbs (another tab may have given some); recomposing after a thumb here uses the ones held.
        var thumbs = !newVisit && session.Thumbs(profileId) is { } held ? held : await ThumbsAsync(profileId, cancellationToken);
        if (commit)
        {
            session.KnowThumbs(profileId, thumbs);
        }

        var progress = resume.ToDictionary(r => r.TitleId);
        var rows = page.Rows
            .Select(row => new HomeRowView(row.Key, row.Kind, row.Title, row.Items
                .Where(i => cards.ContainsKey(i.TitleId))
                .Select(i =>
                {
                    var resumed = row.Kind == RowKind.ContinueWatching && progress.TryGetValue(i.TitleId, out var entry) ? entry : null;
                    // V4: the match % is for recommendations; Continue Watching cards show progress instead.
                    var match = row.Kind == RowKind.ContinueWatching ? null : i.ShownMatchPercent;
                    return new HomeCard(cards[i.TitleId], match, i.Explanation, resumed?.Progress, resumed?.EpisodeLabel, thumbs.TryGetValue(i.TitleId, out var thumb) ? thumb : null, art.GetValueOrDefault(i.TitleId));
                })
                .ToList()))
            .Where(r => r.Cards.Count > 0)
            .ToList();

        var shape = (layout ?? BuiltInLayouts.NetflixStyle).For(device);
        var visible = Visible(rows, shape);
        PageChanges? changes = null;
        var note = layout is null ? session.PendingNote(profileId) : null;
        if (note is not null && session.LastSeen(profileId, device) is { } before)
        {
            changes = Compare(Cause(note), before, visible);
        }

        if (commit)
        {
            session.NoteShown(profileId);
            session.Saw(profileId, device, visible);
            if (newVisit)
            {
                // The bandit learns from what the viewer could see: the visible cards' artwork, each an impression.
                await artwork.NoteImpressionsAsync(profileId, device, visit, visible.Select(v => art.GetValueOrDefault(v.Id)).OfType<CardArtwork>(), cancellationToken);
            }
        }

        var billboard = await BillboardAsync(rows, cancellationToken);
        return new HomeView(profileId, shape, billboard, rows, page.ComposedAt, changes, visit, personalize);
    }

    /// <summary>
    /// Commits a page composed as a preview while prerendering and carried into the circuit (ADR 0031), instead of
    /// composing it again: counts the visit, keeps its artwork, the thumbs and what it showed, and logs its impressions,
    /// as <see cref="BuildAsync"/> with commit does. Null when the preview is no longer the next visit (another tab of
    /// the profile committed one in between): the caller composes afresh.
    /// </summary>
    public async Task<HomeView?> CommitAsync(HomeView preview, DeviceType device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var profileId = preview.ProfileId;
        if (preview.Layout.Device != device || visits.Visit(profileId, commit: false, newVisit: true) != preview.Visit)
        {
            return null;
        }

        var visit = visits.Visit(profileId, commit: true, newVisit: true);
        var cards = preview.Rows.SelectMany(r => r.Cards).Select(c => c.Artwork).OfType<CardArtwork>().Where(a => a.Personalized);
        artwork.Remember(profileId, device, visit, cards);
        session.KnowThumbs(profileId, await ThumbsAsync(profileId, cancellationToken));
        var visible = Visible(preview.Rows, preview.Layout);
        session.NoteShown(profileId);
        session.Saw(profileId, device, visible);
        var shown = preview.Rows.SelectMany(r => r.Cards).Where(c => c.Artwork is not null).GroupBy(c => c.Title.Id).ToDictionary(g => g.Key, g => g.First().Artwork!);
        await artwork.NoteImpressionsAsync(profileId, device, visit, visible.Select(v => shown.GetValueOrDefault(v.Id)).OfType<CardArtwork>(), cancellationToken);
        return preview with { Visit = visit };
    }

    private static List<(int Id, string Name)> Visible(IReadOnlyList<HomeRowView> rows, DeviceLayout shape) =>
        rows.Take(shape.Rows).SelectMany(r => r.Cards.Take(shape.CardsPerRow)).Select(c => (c.Title.Id, c.Title.Name)).Distinct().ToList();

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

    private static string Cause(FeedbackNote note) => note.Rating switch
    {
        ThumbRating.Down => $"You gave {note.TitleName} a thumbs down",
        ThumbRating.Up => $"You gave {note.TitleName} a thumbs up",
        ThumbRating.Love => $"You loved {note.TitleName}",
        _ => $"You took back your rating of {note.TitleName}",
    };

    private async Task<IReadOnlyDictionary<int, ThumbRating>> ThumbsAsync(int profileId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Thumbs.AsNoTracking().Where(t => t.ProfileId == profileId).ToDictionaryAsync(t => t.TitleId, t => t.Rating, cancellationToken);
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
