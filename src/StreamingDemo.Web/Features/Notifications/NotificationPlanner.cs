using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Studio;

namespace StreamingDemo.Web.Features.Notifications;

/// <summary>Everyone's viewing starts per weekday × hour (Monday first): the prior of send-time learning.</summary>
public interface IViewingStartsPrior
{
    Task<int[,]> EveryoneAsync(CancellationToken cancellationToken = default);
}

/// <summary>The prior from the studio's insights pass: the same heatmap /studio/insights shows, computed once per model.</summary>
public sealed class InsightsStartsPrior(InsightsService insights) : IViewingStartsPrior
{
    public async Task<int[,]> EveryoneAsync(CancellationToken cancellationToken = default) => (await insights.GetAsync(cancellationToken)).Heatmap();
}

/// <summary>A candidate with the channel it goes out on, or null when it waits for a later send time.</summary>
public sealed record PlannedNotification(NotificationCandidate Candidate, NotificationChannel? Channel);

/// <summary>What the next send time holds for one profile: when, why then, and what it would send on which channel.</summary>
public sealed record NotificationPlan(
    int ProfileId,
    string ProfileName,
    bool CanPush,
    SendTimeEvidence SendTime,
    DateTime NextSend,
    IReadOnlyList<PlannedNotification> Planned)
{
    /// <summary>At most this many go out at one send time: the top candidate by push (email without a phone or tablet), the next by email.</summary>
    public const int PerSendTime = 2;
}

/// <summary>
/// Plans a profile's notifications from the store (M4): its best send time from its viewing starts with everyone's starts
/// as the prior (the insights heatmap), its candidates from its thumbs, finished titles and where it stopped, scored with
/// the recommender's calibrated match, minus what already fired.
/// </summary>
public sealed class NotificationPlanner(IDbContextFactory<StreamingDbContext> contexts, IViewingStartsPrior prior, IRecommender recommender)
{
    public async Task<SendTimeEvidence> SendTimeAsync(int profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SendTimeAsync(db, profileId, cancellationToken);
    }

    /// <summary>The plan as of <paramref name="now"/>, or null for a profile that does not exist.</summary>
    public async Task<NotificationPlan?> PlanAsync(int profileId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var profile = await db.Profiles.AsNoTracking().Where(p => p.Id == profileId)
            .Select(p => new { p.Id, p.Name, Devices = p.Devices.Select(d => d.Device).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var sendTime = await SendTimeAsync(db, profileId, cancellationToken);
        var history = await HistoryAsync(db, profileId, cancellationToken);
        var matches = recommender.ScoreTitles(profileId, [.. history.Select(h => h.TitleId)]);
        var fired = (await db.Notifications.AsNoTracking().Where(n => n.ProfileId == profileId).Select(n => n.DedupeKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var candidates = NotificationRules.Candidates(history, now, matches).Where(c => !fired.Contains(c.DedupeKey)).ToList();
        var canPush = profile.Devices.Any(d => d is DeviceType.Phone or DeviceType.Tablet);
        var planned = candidates.Select((c, i) => new PlannedNotification(c, Channel(i, canPush))).ToList();
        return new NotificationPlan(profile.Id, profile.Name, canPush, sendTime, sendTime.NextAfter(now), planned);
    }

    private static NotificationChannel? Channel(int rank, bool canPush) => (rank, canPush) switch
    {
        (0, true) => NotificationChannel.Push,
        (0, false) => NotificationChannel.Email,
        (1, true) => NotificationChannel.Email,
        _ => null,
    };

    private async Task<SendTimeEvidence> SendTimeAsync(StreamingDbContext db, int profileId, CancellationToken cancellationToken)
    {
        var starts = await db.ViewingSessions.AsNoTracking().Where(s => s.ProfileId == profileId).Select(s => s.StartedAt).ToListAsync(cancellationToken);
        var everyone = await prior.EveryoneAsync(cancellationToken);
        return SendTimeLearner.Learn(SendTimeLearner.Histogram(starts), everyone);
    }

    /// <summary>Every title the profile has thumbed or watched, with what the rules need to know about it.</summary>
    private static async Task<List<TitleHistory>> HistoryAsync(StreamingDbContext db, int profileId, CancellationToken cancellationToken)
    {
        var sessions = await db.ViewingSessions.AsNoTracking().Where(s => s.ProfileId == profileId)
            .Select(s => new { s.Id, s.TitleId, s.EpisodeId, s.StartedAt, s.EndPositionSeconds, s.Completed })
            .ToListAsync(cancellationToken);
        var thumbs = await db.Thumbs.AsNoTracking().Where(t => t.ProfileId == profileId).ToDictionaryAsync(t => t.TitleId, t => t.Rating, cancellationToken);
        var titleIds = sessions.Select(s => s.TitleId).Concat(thumbs.Keys).Distinct().ToList();
        var titles = await db.Titles.AsNoTracking().Where(t => titleIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.Kind, t.RuntimeMinutes }).ToListAsync(cancellationToken);
        var episodes = (await db.Episodes.AsNoTracking().Where(e => titleIds.Contains(e.TitleId))
                .Select(e => new { e.TitleId, Fact = new EpisodeFact(e.Id, e.SeasonNumber, e.EpisodeNumber, e.RuntimeMinutes * 60, e.AvailableAt) })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.TitleId, e => e.Fact);
        var byTitle = sessions.ToLookup(s => s.TitleId);
        return
        [
            .. titles.OrderBy(t => t.Id).Select(t =>
            {
                var watched = byTitle[t.Id].ToList();
                var last = watched.OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id).FirstOrDefault();
                return new TitleHistory(
                    t.Id,
                    t.Name,
                    t.Kind,
                    t.RuntimeMinutes * 60,
                    thumbs.TryGetValue(t.Id, out var thumb) ? thumb : null,
                    [.. episodes[t.Id]],
                    watched.Where(s => s.EpisodeId is not null).Select(s => s.EpisodeId!.Value).ToHashSet(),
                    watched.Where(s => s.EpisodeId is not null && s.Completed).Select(s => s.EpisodeId!.Value).ToHashSet(),
                    t.Kind == TitleKind.Movie && watched.Any(s => s.Completed),
                    last is null ? null : new LastViewing(last.EpisodeId, last.EndPositionSeconds, last.Completed, last.StartedAt));
            }),
        ];
    }
}
