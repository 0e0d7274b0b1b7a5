using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Operations;

namespace StreamingDemo.Web.Features.Notifications;

/// <summary>A notification as the viewer's bell and the studio list show it.</summary>
public sealed record NotificationView(
    long Id,
    int ProfileId,
    string ProfileName,
    int? TitleId,
    NotificationChannel Channel,
    string Kind,
    string Subject,
    string Body,
    DateTime SentAt,
    bool IsRead,
    bool IsOpened);

/// <summary>
/// The viewer's in-app notification centre (M4): what fired for a profile, unread first counted, marked read, opened.
/// Opening goes through <see cref="FeedbackService.OpenNotificationAsync"/> (logged like a play). Open pages hear
/// <see cref="Changed"/> when notifications fire or change, so the bell updates without a reload.
/// </summary>
public sealed class NotificationCentre(IDbContextFactory<StreamingDbContext> contexts, FeedbackService feedback, StoreWriteGate gate)
{
    public const int ListSize = 20;

    /// <summary>Raised with the profiles whose notifications fired or changed.</summary>
    public event Action<IReadOnlyCollection<int>>? Changed;

    public async Task<IReadOnlyList<NotificationView>> ListAsync(int profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LatestAsync(db, db.Notifications.AsNoTracking().Where(n => n.ProfileId == profileId && n.SentAt != null), ListSize, cancellationToken);
    }

    public async Task<int> UnreadCountAsync(int profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking().CountAsync(n => n.ProfileId == profileId && n.SentAt != null && n.ReadAt == null, cancellationToken);
    }

    /// <summary>The latest notifications fired for anyone, newest first (the studio's list).</summary>
    public async Task<IReadOnlyList<NotificationView>> RecentAsync(int count, int? profileId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Notifications.AsNoTracking().Where(n => n.SentAt != null);
        if (profileId is int profile)
        {
            query = query.Where(n => n.ProfileId == profile);
        }

        return await LatestAsync(db, query, count, cancellationToken);
    }

    public async Task MarkAllReadAsync(int profileId, DateTime now, CancellationToken cancellationToken = default)
    {
        var changed = await gate.WriteAsync(() => gate.SaveAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Notifications.Where(n => n.ProfileId == profileId && n.SentAt != null && n.ReadAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        }, cancellationToken), cancellationToken);
        if (changed > 0)
        {
            Raise([profileId]);
        }
    }

    /// <summary>Opens the notification (logged like a play) and says where the viewer goes: the title's page.</summary>
    public async Task<string> OpenAsync(int profileId, long notificationId, DeviceType device, CancellationToken cancellationToken = default)
    {
        await feedback.OpenNotificationAsync(profileId, notificationId, device, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var titleId = await db.Notifications.AsNoTracking().Where(n => n.Id == notificationId).Select(n => n.TitleId).FirstAsync(cancellationToken);
        Raise([profileId]);
        return titleId is int id ? $"/title/{id}" : "/browse";
    }

    public void Raise(IReadOnlyCollection<int> profileIds) => Changed?.Invoke(profileIds);

    /// <summary>The newest <paramref name="count"/> of <paramref name="notifications"/> with their profile's name, newest first.</summary>
    private static async Task<List<NotificationView>> LatestAsync(StreamingDbContext db, IQueryable<Notification> notifications, int count, CancellationToken cancellationToken)
    {
        var latest = await notifications.OrderByDescending(n => n.SentAt).ThenByDescending(n => n.Id).Take(count).ToListAsync(cancellationToken);
        var ids = latest.Select(n => n.ProfileId).Distinct().ToList();
        var names = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return
        [
            .. latest.Select(n => new NotificationView(n.Id, n.ProfileId, names.GetValueOrDefault(n.ProfileId, "?"), n.TitleId, n.Channel, n.Kind,
                n.Subject, n.Body, n.SentAt!.Value, n.ReadAt != null, n.OpenedAt != null)),
        ];
    }
}
