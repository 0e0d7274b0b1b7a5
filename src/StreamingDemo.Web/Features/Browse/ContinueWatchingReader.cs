using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>
/// Reads what a profile is part-way through (V5) from its viewing sessions: for each title, the latest session
/// if it was not finished, with the position reached and, for series, the episode.
/// </summary>
public sealed class ContinueWatchingReader(IDbContextFactory<StreamingDbContext> contexts)
{
    public const int MaxEntries = 20;

    // Under 2% is a false start and over 95% is the end credits: neither belongs in Continue Watching.
    private const double MinProgress = 0.02;
    private const double MaxProgress = 0.95;

    public async Task<IReadOnlyList<ContinueWatchingEntry>> ReadAsync(int profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sessions = await db.ViewingSessions.AsNoTracking()
            .Where(s => s.ProfileId == profileId)
            .Select(s => new { s.TitleId, s.EpisodeId, s.StartedAt, s.EndPositionSeconds, s.Completed })
            .ToListAsync(cancellationToken);
        var latest = sessions
            .GroupBy(s => s.TitleId)
            .Select(g => g.OrderByDescending(s => s.StartedAt).First())
            .Where(s => !s.Completed)
            .OrderByDescending(s => s.StartedAt)
            .Take(MaxEntries * 2)
            .ToList();
        if (latest.Count == 0)
        {
            return [];
        }

        var titleIds = latest.Select(s => s.TitleId).ToList();
        var runtimes = await db.Titles.AsNoTracking().Where(t => titleIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.RuntimeMinutes, cancellationToken);
        var episodeIds = latest.Where(s => s.EpisodeId is not null).Select(s => s.EpisodeId!.Value).ToList();
        var episodes = await db.Episodes.AsNoTracking().Where(e => episodeIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => new { e.SeasonNumber, e.EpisodeNumber, e.RuntimeMinutes }, cancellationToken);

        var entries = new List<ContinueWatchingEntry>();
        foreach (var session in latest)
        {
            var minutes = runtimes.GetValueOrDefault(session.TitleId);
            string? label = null;
            if (session.EpisodeId is int episodeId && episodes.TryGetValue(episodeId, out var episode))
            {
                minutes = episode.RuntimeMinutes;
                label = $"S{episode.SeasonNumber}:E{episode.EpisodeNumber}";
            }

            if (minutes <= 0)
            {
                continue;
            }

            var progress = session.EndPositionSeconds / (minutes * 60.0);
            if (progress is >= MinProgress and <= MaxProgress)
            {
                entries.Add(new ContinueWatchingEntry(session.TitleId, session.EpisodeId, label, progress, session.StartedAt));
            }
        }

        return entries.Take(MaxEntries).ToList();
    }
}
