using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Data.Interactive;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Interactive;

namespace StreamingDemo.Web.Features.Interactive;

/// <summary>An interactive title and the story it plays.</summary>
public sealed record InteractiveStoryView(int TitleId, string TitleName, StoryGraph Story);

/// <summary>The endings a profile has reached in a title, of all it has.</summary>
public sealed record EndingsFound(int Found, int Total, IReadOnlyList<string> FoundNames)
{
    public string Label => $"{Found} of {Total}";
}

/// <summary>One row of the studio's list of interactive titles.</summary>
public sealed record InteractiveTitleSummary(int TitleId, string TitleName, bool IsKids, StoryGraph Story, StoryAnalysis Analysis);

/// <summary>A taste community an analysis can be narrowed to, with how many of the title's viewers it holds.</summary>
public sealed record CommunityOption(int Id, string Name, int Viewers);

/// <summary>The studio page of one interactive title: the analysis over everyone or one community.</summary>
public sealed record InteractiveTitleReport(int TitleId, string TitleName, StoryGraph Story, StoryAnalysis Analysis, IReadOnlyList<CommunityOption> Communities, CommunityOption? Community);

/// <summary>
/// Reads interactive titles (V11) for the player, the title page ("endings found") and the studio's path analytics.
/// Choices are written only through <see cref="Feedback.FeedbackService"/>.
/// </summary>
public sealed class InteractiveService(IDbContextFactory<StreamingDbContext> contexts, ITasteCommunityAtlas atlas)
{
    private static StoryLibrary Library => InteractiveStories.Default;

    public async Task<InteractiveStoryView?> StoryForAsync(int titleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.InteractiveTitles.AsNoTracking().Where(i => i.TitleId == titleId)
            .Join(db.Titles, i => i.TitleId, t => t.Id, (i, t) => new { i.StoryKey, t.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return row is not null && Library.Find(row.StoryKey) is { } story ? new InteractiveStoryView(titleId, row.Name, story) : null;
    }

    /// <summary>The endings the profile has reached in the title; null when the title is not interactive.</summary>
    public async Task<EndingsFound?> EndingsFoundAsync(int profileId, int titleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.InteractiveTitles.AsNoTracking().Where(i => i.TitleId == titleId).Select(i => i.StoryKey).FirstOrDefaultAsync(cancellationToken);
        if (key is null || Library.Find(key) is not { } story)
        {
            return null;
        }

        var reached = await db.StoryPlays.AsNoTracking()
            .Where(p => p.ProfileId == profileId && p.TitleId == titleId && p.EndingSceneId != null)
            .Select(p => p.EndingSceneId!).Distinct().ToListAsync(cancellationToken);
        var names = story.Endings.Where(e => reached.Contains(e.Id)).Select(e => e.Ending!).ToList();
        return new EndingsFound(names.Count, story.Endings.Count(), names);
    }

    public async Task<IReadOnlyList<InteractiveTitleSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var titles = await db.InteractiveTitles.AsNoTracking()
            .Join(db.Titles, i => i.TitleId, t => t.Id, (i, t) => new { i.TitleId, i.StoryKey, t.Name, t.IsKids })
            .OrderBy(t => t.TitleId).ToListAsync(cancellationToken);
        var friendships = await FriendshipsAsync(db, cancellationToken);
        var result = new List<InteractiveTitleSummary>();
        foreach (var title in titles)
        {
            if (Library.Find(title.StoryKey) is not { } story)
            {
                continue;
            }

            var plays = await PathsAsync(db, title.TitleId, cancellationToken);
            result.Add(new InteractiveTitleSummary(title.TitleId, title.Name, title.IsKids, story, StoryAnalytics.Compute(story, plays, friendships)));
        }

        return result;
    }

    /// <summary>The title's analysis over all its viewers, or those whose strongest taste community is <paramref name="communityId"/>; null when the title is not interactive.</summary>
    public async Task<InteractiveTitleReport?> ReportAsync(int titleId, int? communityId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var title = await db.InteractiveTitles.AsNoTracking().Where(i => i.TitleId == titleId)
            .Join(db.Titles, i => i.TitleId, t => t.Id, (i, t) => new { i.StoryKey, t.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (title is null || Library.Find(title.StoryKey) is not { } story)
        {
            return null;
        }

        var plays = await PathsAsync(db, titleId, cancellationToken);
        var dominant = atlas.DominantCommunities;
        var names = atlas.Communities.ToDictionary(c => c.Id, c => c.Name);
        var options = plays.Select(p => p.ProfileId).Distinct()
            .Select(p => dominant.TryGetValue(p, out var c) ? c : -1).Where(c => c >= 0 && names.ContainsKey(c))
            .GroupBy(c => c).Select(g => new CommunityOption(g.Key, names[g.Key], g.Count()))
            .OrderByDescending(o => o.Viewers).ThenBy(o => o.Id).ToList();
        var chosen = communityId is int id ? options.FirstOrDefault(o => o.Id == id) : null;
        if (chosen is not null)
        {
            plays = [.. plays.Where(p => dominant.TryGetValue(p.ProfileId, out var c) && c == chosen.Id)];
        }

        var analysis = StoryAnalytics.Compute(story, plays, await FriendshipsAsync(db, cancellationToken));
        return new InteractiveTitleReport(titleId, title.Name, story, analysis, options, chosen);
    }

    private static async Task<List<SavedPath>> PathsAsync(StreamingDbContext db, int titleId, CancellationToken cancellationToken) =>
        (await db.StoryPlays.AsNoTracking().Where(p => p.TitleId == titleId).OrderBy(p => p.StartedAt).ThenBy(p => p.Id)
            .Select(p => new { p.ProfileId, p.Path, p.EndingSceneId }).ToListAsync(cancellationToken))
        .Select(p => new SavedPath(p.ProfileId, p.Path.Split(StoryPlay.PathSeparator, StringSplitOptions.RemoveEmptyEntries), p.EndingSceneId))
        .ToList();

    private static async Task<List<(int From, int To)>> FriendshipsAsync(StreamingDbContext db, CancellationToken cancellationToken) =>
        (await db.InfluenceEdges.AsNoTracking().Select(e => new { e.FromProfileId, e.ToProfileId }).ToListAsync(cancellationToken))
        .Select(e => (e.FromProfileId, e.ToProfileId)).ToList();
}
