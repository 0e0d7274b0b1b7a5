using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>One page of a comparison: whose, on which device, their learned communities, and the page they would see next.</summary>
public sealed record ComparedPage(string Letter, PersonaModel Profile, DeviceType Device, IReadOnlyList<CommunityWeight> Communities, HomeView View, IReadOnlyList<HomeRowView> VisibleRows);

public sealed record SplitScreen(CompareRequest Request, IReadOnlyList<ComparedPage> Pages, ComparisonSummary Summary);

/// <summary>
/// Builds split-screen comparisons from the real home pages (the same <see cref="HomeFeed"/> the viewer uses, previewing the
/// next visit without counting it), then compares their visible parts.
/// </summary>
public sealed class CompareService(HomeFeed feed, PersonaDirectory personas, IRecommender recommender, IDbContextFactory<StreamingDbContext> contexts)
{
    private static readonly string[] Letters = ["A", "B", "C"];

    /// <summary>The comparison, or null with a message when a profile does not exist.</summary>
    public async Task<(SplitScreen? SplitScreen, string? Error)> CompareAsync(CompareRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pages = new List<ComparedPage>();
        for (var i = 0; i < request.Pages.Count; i++)
        {
            var (profileId, device) = request.Pages[i];
            var profile = await personas.FindAsync(profileId, cancellationToken);
            if (profile is null)
            {
                return (null, $"There is no profile {profileId}. Pick profiles from the list or search by name.");
            }

            var view = await feed.BuildAsync(profileId, device, commit: false, cancellationToken: cancellationToken);
            var visible = view.Rows.Take(view.Layout.Rows)
                .Select(r => r with { Cards = [.. r.Cards.Take(view.Layout.CardsPerRow)] })
                .ToList();
            pages.Add(new ComparedPage(Letters[i], profile, device, recommender.GetTaste(profileId).Communities, view, visible));
        }

        var titleIds = pages.SelectMany(p => p.VisibleRows).SelectMany(r => r.Cards).Select(c => c.Title.Id).Distinct().ToList();
        var (tags, names) = await TagsAsync(titleIds, cancellationToken);
        var summary = PageComparison.Compare(
            [.. pages.Select(p => new VisiblePage([.. p.VisibleRows.Select(r => new VisibleRow(r.Title, [.. r.Cards.Select(c => c.Title.Id)]))]))],
            tags,
            names);
        return (new SplitScreen(request, pages, summary), null);
    }

    /// <summary>The featured personas (the picker's first choices).</summary>
    public Task<IReadOnlyList<PersonaModel>> FeaturedAsync(CancellationToken cancellationToken = default) => personas.GetFeaturedAsync(cancellationToken);

    /// <summary>Profiles whose name contains the text, for the picker's search.</summary>
    public async Task<IReadOnlyList<PersonaModel>> SearchAsync(string? text, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(text) ? [] : (await personas.SearchAsync(text, null, 1, 12, cancellationToken)).Items;

    private async Task<(IReadOnlyDictionary<int, IReadOnlyList<int>> Tags, IReadOnlyDictionary<int, string> Names)> TagsAsync(IReadOnlyList<int> titleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.TitleTags.AsNoTracking()
            .Where(t => titleIds.Contains(t.TitleId))
            .Select(t => new { t.TitleId, t.MicroGenreId, t.MicroGenre!.Name })
            .ToListAsync(cancellationToken);
        return (
            rows.GroupBy(r => r.TitleId).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(r => r.MicroGenreId)]),
            rows.GroupBy(r => r.MicroGenreId).ToDictionary(g => g.Key, g => g.First().Name));
    }
}
