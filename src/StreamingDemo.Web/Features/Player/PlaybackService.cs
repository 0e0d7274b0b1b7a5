using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Operations;

namespace StreamingDemo.Web.Features.Player;

/// <summary>What the simulated player plays: a movie, or one episode of a series, from where the viewer left off.</summary>
public sealed record PlaybackTarget(
    int TitleId,
    string TitleName,
    TitleKind Kind,
    int? EpisodeId,
    string? EpisodeLabel,
    string? EpisodeName,
    int RuntimeSeconds,
    int ResumeAtSeconds,
    int? NextEpisodeId);

/// <summary>
/// What the simulated player (V6) plays and where it resumes, and the pause points it records. The viewing itself
/// (sessions and their progress) is feedback and goes through <see cref="Feedback.FeedbackService"/>.
/// </summary>
public sealed class PlaybackService(IDbContextFactory<StreamingDbContext> contexts, StoreWriteGate gate, TimeProvider clock)
{
    public async Task<PlaybackTarget?> GetTargetAsync(int titleId, int? episodeId, int profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var title = await db.Titles.AsNoTracking().Where(t => t.Id == titleId)
            .Select(t => new { t.Id, t.Name, t.Kind, t.RuntimeMinutes }).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return null;
        }

        var last = await db.ViewingSessions.AsNoTracking()
            .Where(s => s.ProfileId == profileId && s.TitleId == titleId)
            .OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id)
            .Select(s => new { s.EpisodeId, s.EndPositionSeconds, s.Completed })
            .FirstOrDefaultAsync(cancellationToken);

        if (title.Kind == TitleKind.Movie)
        {
            var resume = last is { Completed: false } ? last.EndPositionSeconds : 0;
            return new PlaybackTarget(title.Id, title.Name, title.Kind, null, null, null, title.RuntimeMinutes * 60, resume, null);
        }

        // Only what has premiered on the demo clock plays.
        var now = clock.GetUtcNow().UtcDateTime;
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.TitleId == titleId && e.AvailableAt <= now)
            .OrderBy(e => e.SeasonNumber).ThenBy(e => e.EpisodeNumber)
            .Select(e => new { e.Id, e.SeasonNumber, e.EpisodeNumber, e.Name, e.RuntimeMinutes })
            .ToListAsync(cancellationToken);
        if (episodes.Count == 0)
        {
            return new PlaybackTarget(title.Id, title.Name, title.Kind, null, null, null, title.RuntimeMinutes * 60, 0, null);
        }

        // The requested episode, else where the viewer left off (or the one after a finished episode), else the first.
        var index = episodeId is int requested ? episodes.FindIndex(e => e.Id == requested) : -1;
        var resumeAt = 0;
        if (index < 0 && last?.EpisodeId is int lastEpisode)
        {
            var lastIndex = episodes.FindIndex(e => e.Id == lastEpisode);
            if (lastIndex >= 0)
            {
                index = last.Completed ? Math.Min(lastIndex + 1, episodes.Count - 1) : lastIndex;
                resumeAt = last.Completed ? 0 : last.EndPositionSeconds;
            }
        }
        else if (index >= 0 && last is { Completed: false } && last.EpisodeId == episodes[index].Id)
        {
            resumeAt = last.EndPositionSeconds;
        }

        index = Math.Max(index, 0);
        var episode = episodes[index];
        return new PlaybackTarget(
            title.Id,
            title.Name,
            title.Kind,
            episode.Id,
            $"S{episode.SeasonNumber}:E{episode.EpisodeNumber}",
            episode.Name,
            episode.RuntimeMinutes * 60,
            resumeAt,
            index + 1 < episodes.Count ? episodes[index + 1].Id : null);
    }

    public Task RecordPauseAsync(long sessionId, int profileId, PlaybackTarget target, int positionSeconds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return gate.WriteAsync(() => gate.SaveAsync(() => SavePauseAsync(sessionId, profileId, target, positionSeconds, cancellationToken), cancellationToken), cancellationToken);
    }

    private async Task<PausePoint> SavePauseAsync(long sessionId, int profileId, PlaybackTarget target, int positionSeconds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pause = new PausePoint
        {
            SessionId = sessionId,
            ProfileId = profileId,
            TitleId = target.TitleId,
            EpisodeId = target.EpisodeId,
            PositionSeconds = positionSeconds,
            At = clock.GetUtcNow().UtcDateTime,
        };
        db.PausePoints.Add(pause);
        await db.SaveChangesAsync(cancellationToken);
        return pause;
    }
}
