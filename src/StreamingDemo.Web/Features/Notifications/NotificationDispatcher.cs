using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Web.Features.Operations;

namespace StreamingDemo.Web.Features.Notifications;

/// <summary>
/// Fires notifications (M4): whenever the demo clock has moved past a profile's send time since the last check, that
/// profile's planned notifications (at most <see cref="NotificationPlan.PerSendTime"/>) are written to its notification
/// centre, stamped with the send time, together with the new checkpoint in one transaction. A notification's
/// <see cref="Notification.DedupeKey"/> is unique per profile in the store, so nothing ever fires twice; moving the clock
/// back only moves the checkpoint back. The audience is the live demo: featured personas, profiles made in the running
/// site, profiles active in it (recent sessions or thumbs after the seeded history) and any profile the studio focuses.
/// </summary>
public sealed class NotificationDispatcher(
    IDbContextFactory<StreamingDbContext> contexts,
    NotificationPlanner planner,
    NotificationCentre centre,
    StoreWriteGate gate,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : IDisposable
{
    public const string CheckpointKey = "notifications.checkedUpTo";

    /// <summary>How far back the live-activity scan looks, in viewing sessions.</summary>
    private const int RecentSessions = 20_000;

    private readonly SemaphoreSlim one = new(1, 1);
    private readonly ConcurrentDictionary<int, byte> focused = new();

    /// <summary>Adds a profile to the audience (the studio page focused it).</summary>
    public void Watch(int profileId) => focused.TryAdd(profileId, 0);

    /// <summary>Fires what is due between the last check and now on the demo clock; returns what fired.</summary>
    public async Task<IReadOnlyList<NotificationView>> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await one.WaitAsync(cancellationToken);
        try
        {
            // A write like any other: a reset or dataset switch waits for it, and its saves take the one writer slot.
            return await gate.WriteAsync(() => CatchUpInGateAsync(cancellationToken), cancellationToken);
        }
        finally
        {
            one.Release();
        }
    }

    private async Task<IReadOnlyList<NotificationView>> CatchUpInGateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpoint = await db.Meta.FirstOrDefaultAsync(m => m.Key == CheckpointKey, cancellationToken);
        if (checkpoint is null)
        {
            // A fresh store starts counting from now: months of history do not all fire at the first start.
            db.Meta.Add(new StoreMeta { Key = CheckpointKey, Value = Format(now) });
            await gate.SaveAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
            return [];
        }

        var from = DateTime.Parse(checkpoint.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        checkpoint.Value = Format(now);
        var fired = new List<Notification>();
        if (now > from)
        {
            foreach (var profileId in await AudienceAsync(db, cancellationToken))
            {
                var sendTime = await planner.SendTimeAsync(profileId, cancellationToken);
                if (sendTime.DueIn(from, now) is not DateTime due || await planner.PlanAsync(profileId, due, cancellationToken) is not { } plan)
                {
                    continue;
                }

                foreach (var item in plan.Planned.Where(p => p.Channel is not null))
                {
                    var candidate = item.Candidate;
                    fired.Add(new Notification
                    {
                        ProfileId = profileId,
                        TitleId = candidate.TitleId,
                        EpisodeId = candidate.EpisodeId,
                        Channel = item.Channel!.Value,
                        Kind = NotificationKinds.Slug(candidate.Kind),
                        DedupeKey = candidate.DedupeKey,
                        Subject = candidate.Subject,
                        Body = candidate.Body,
                        ScheduledFor = due,
                        SentAt = due,
                    });
                }
            }
        }

        db.Notifications.AddRange(fired);
        await gate.SaveAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
        if (fired.Count == 0)
        {
            return [];
        }

        logger.LogInformation("Demo clock at {Now:u}: fired {Count} notifications for {Profiles} profiles", now, fired.Count, fired.Select(n => n.ProfileId).Distinct().Count());
        var profiles = fired.Select(n => n.ProfileId).Distinct().ToList();
        centre.Raise(profiles);
        var ids = fired.Select(n => n.Id).ToHashSet();
        var views = await centre.RecentAsync(fired.Count, null, cancellationToken);
        return [.. views.Where(v => ids.Contains(v.Id))];
    }

    private async Task<List<int>> AudienceAsync(StreamingDbContext db, CancellationToken cancellationToken)
    {
        var reference = await db.Meta.AsNoTracking().Where(m => m.Key == "seed.referenceDate").Select(m => m.Value).FirstOrDefaultAsync(cancellationToken);
        var after = reference is null ? DateTime.MinValue : DateTime.Parse(reference, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var named = await db.Profiles.AsNoTracking().Where(p => p.IsFeatured || !p.IsSeeded).Select(p => p.Id).ToListAsync(cancellationToken);
        var recent = await db.ViewingSessions.AsNoTracking().OrderByDescending(s => s.Id).Take(RecentSessions)
            .Select(s => new { s.ProfileId, s.StartedAt }).ToListAsync(cancellationToken);
        var watching = recent.Where(s => s.StartedAt > after).Select(s => s.ProfileId);
        var thumbing = await db.Thumbs.AsNoTracking().Where(t => t.At > after).Select(t => t.ProfileId).Distinct().ToListAsync(cancellationToken);
        var watched = focused.Keys.ToList();
        var known = await db.Profiles.AsNoTracking().Where(p => watched.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. named.Concat(watching).Concat(thumbing).Concat(known).Distinct().Order()];
    }

    private static string Format(DateTime at) => at.ToString("O", CultureInfo.InvariantCulture);

    public void Dispose() => one.Dispose();
}

/// <summary>The kind names stored with a notification.</summary>
public static class NotificationKinds
{
    public static string Slug(NotificationKind kind) => kind switch
    {
        NotificationKind.NewSeason => "new-season",
        NotificationKind.Recovery => "recovery",
        _ => "high-match",
    };

    public static string Label(string slug) => slug switch
    {
        "new-season" => "New season",
        "recovery" => "Recovery nudge",
        _ => "Very high match",
    };
}
