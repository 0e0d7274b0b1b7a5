using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Notifications;
using StreamingDemo.Web.Features.Operations;
using StreamingDemo.Web.Features.Security;

namespace StreamingDemo.Web.Tests.Notifications;

/// <summary>Firing (M4) on the seeded small store: due notifications land once, opening one is logged like a play.</summary>
[Collection(nameof(SeededStoreCollection))]
public sealed class NotificationFiringTests(SeededStore seeded) : IAsyncLifetime
{
    private static readonly DateTime Tuesday = new(2026, 12, 1, 19, 0, 0, DateTimeKind.Utc);
    private readonly ManualTime real = new(Tuesday);
    private StoreCopy store = null!;
    private DemoClock clock = null!;
    private RecordingRecommender recommender = null!;
    private NotificationPlanner planner = null!;
    private NotificationCentre centre = null!;
    private NotificationDispatcher dispatcher = null!;
    private FeedbackService feedback = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        store = new StoreCopy(seeded);
        clock = new DemoClock(real, stateFile: null);
        recommender = new RecordingRecommender(store.Contexts);
        planner = new NotificationPlanner(store.Contexts, new EvenPrior(), recommender);
        var gate = new StoreWriteGate();
        feedback = new FeedbackService(store.Contexts, recommender, clock, gate, Options.Create(new RateLimitOptions()));
        centre = new NotificationCentre(store.Contexts, feedback, gate);
        dispatcher = new NotificationDispatcher(store.Contexts, planner, centre, gate, clock, NullLogger<NotificationDispatcher>.Instance);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        dispatcher.Dispose();
        feedback.Dispose();
        await store.DisposeAsync();
    }

    [Fact]
    public async Task TheFirstCheckOnAFreshStoreFiresNothingFromThePast()
    {
        Assert.Empty(await dispatcher.CatchUpAsync(Cancel));

        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(0, await db.Notifications.CountAsync(Cancel));
    }

    [Fact]
    public async Task AWeekOnThePlannedNotificationsOfEachPersonaFireAtItsSendTimeOnlyOnce()
    {
        await dispatcher.CatchUpAsync(Cancel);
        var personas = await FeaturedAsync();
        var expected = new List<(int Profile, string Key, NotificationChannel Channel, DateTime At)>();
        foreach (var persona in personas)
        {
            var sendTime = await planner.SendTimeAsync(persona, Cancel);
            var due = sendTime.NextAfter(Tuesday);
            var plan = (await planner.PlanAsync(persona, due, Cancel))!;
            expected.AddRange(plan.Planned.Where(p => p.Channel is not null).Select(p => (persona, p.Candidate.DedupeKey, p.Channel!.Value, due)));
        }

        Assert.NotEmpty(expected);

        clock.Jump(TimeSpan.FromDays(7));
        var fired = await dispatcher.CatchUpAsync(Cancel);

        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var stored = await db.Notifications.AsNoTracking().ToListAsync(Cancel);
        Assert.Equal(
            expected.OrderBy(e => e.Profile).ThenBy(e => e.Key, StringComparer.Ordinal),
            stored.Select(n => (n.ProfileId, n.DedupeKey, n.Channel, n.SentAt!.Value)).OrderBy(e => e.ProfileId).ThenBy(e => e.DedupeKey, StringComparer.Ordinal));
        Assert.Equal(stored.Count, fired.Count);
        Assert.All(stored.GroupBy(n => n.ProfileId), g => Assert.InRange(g.Count(), 1, NotificationPlan.PerSendTime));

        Assert.Empty(await dispatcher.CatchUpAsync(Cancel));
    }

    [Fact]
    public async Task MovingTheClockBackAndForwardAgainNeverFiresTheSameNotificationTwice()
    {
        await dispatcher.CatchUpAsync(Cancel);
        clock.Jump(TimeSpan.FromDays(7));
        var first = await dispatcher.CatchUpAsync(Cancel);

        clock.Jump(TimeSpan.FromDays(-7));
        Assert.Empty(await dispatcher.CatchUpAsync(Cancel));
        clock.Jump(TimeSpan.FromDays(7));
        var second = await dispatcher.CatchUpAsync(Cancel);

        Assert.NotEmpty(first);
        Assert.Empty(first.Select(n => (n.ProfileId, n.Subject)).Intersect(second.Select(n => (n.ProfileId, n.Subject))));
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var keys = await db.Notifications.AsNoTracking().Select(n => new { n.ProfileId, n.DedupeKey }).ToListAsync(Cancel);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task AMinuteOnNoSendTimeHasPassedAndNothingFires()
    {
        await dispatcher.CatchUpAsync(Cancel);
        clock.Jump(TimeSpan.FromMinutes(1));

        Assert.Empty(await dispatcher.CatchUpAsync(Cancel));
    }

    [Fact]
    public async Task OpeningANotificationIsLoggedAsAPlayInTheStoreBeforeTheRecommenderHearsOfIt()
    {
        var notification = await FireOneAsync();
        real.Advance(TimeSpan.FromMinutes(5));
        var openedAt = clock.GetUtcNow().UtcDateTime;

        var href = await centre.OpenAsync(notification.ProfileId, notification.Id, DeviceType.Phone, Cancel);

        Assert.Equal($"/title/{notification.TitleId}", href);
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var opened = await db.Notifications.AsNoTracking().FirstAsync(n => n.Id == notification.Id, Cancel);
        Assert.Equal(openedAt, opened.OpenedAt);
        Assert.Equal(openedAt, opened.ReadAt);
        var session = await db.ViewingSessions.AsNoTracking().FirstAsync(s => s.Id == opened.OpenedSessionId, Cancel);
        Assert.Equal((notification.ProfileId, notification.TitleId!.Value, opened.EpisodeId, DeviceType.Phone, openedAt),
            (session.ProfileId, session.TitleId, session.EpisodeId, session.Device, session.StartedAt));
        var applied = recommender.Applied[^1];
        Assert.Equal((FeedbackKind.Play, notification.TitleId.Value, notification.ProfileId, true),
            (applied.Event.Kind, applied.Event.TitleId, applied.Event.ProfileId, applied.AlreadySaved));
    }

    [Fact]
    public async Task ARecoveryNotificationOpensWhereTheViewerStopped()
    {
        var notification = await FireOneAsync("recovery");
        await using var before = await store.Contexts.CreateDbContextAsync(Cancel);
        var stoppedAt = await before.ViewingSessions.AsNoTracking()
            .Where(s => s.ProfileId == notification.ProfileId && s.TitleId == notification.TitleId && s.EpisodeId == notification.EpisodeId)
            .OrderByDescending(s => s.StartedAt).Select(s => s.EndPositionSeconds).FirstAsync(Cancel);

        await centre.OpenAsync(notification.ProfileId, notification.Id, DeviceType.Tv, Cancel);

        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var opened = await db.Notifications.AsNoTracking().FirstAsync(n => n.Id == notification.Id, Cancel);
        var session = await db.ViewingSessions.AsNoTracking().FirstAsync(s => s.Id == opened.OpenedSessionId, Cancel);
        Assert.Equal(stoppedAt, session.StartPositionSeconds);
        Assert.True(stoppedAt >= NotificationRules.MidwayFromSeconds);
    }

    [Fact]
    public async Task OpeningItAgainLogsNothingMoreAndAnotherProfilesNotificationIsRefused()
    {
        var notification = await FireOneAsync();
        await centre.OpenAsync(notification.ProfileId, notification.Id, DeviceType.Desktop, Cancel);
        var applied = recommender.Applied.Count;
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var sessions = await db.ViewingSessions.CountAsync(Cancel);

        await centre.OpenAsync(notification.ProfileId, notification.Id, DeviceType.Desktop, Cancel);
        await Assert.ThrowsAsync<ArgumentException>(() => centre.OpenAsync(notification.ProfileId + 1, notification.Id, DeviceType.Desktop, Cancel));

        Assert.Equal(applied, recommender.Applied.Count);
        Assert.Equal(sessions, await db.ViewingSessions.CountAsync(Cancel));
    }

    [Fact]
    public async Task MarkingAllReadEmptiesTheBellsCount()
    {
        var notification = await FireOneAsync();
        Assert.True(await centre.UnreadCountAsync(notification.ProfileId, Cancel) > 0);
        var heard = new List<int>();
        centre.Changed += profiles => heard.AddRange(profiles);

        await centre.MarkAllReadAsync(notification.ProfileId, clock.GetUtcNow().UtcDateTime, Cancel);

        Assert.Equal(0, await centre.UnreadCountAsync(notification.ProfileId, Cancel));
        Assert.Equal([notification.ProfileId], heard);
        Assert.All(await centre.ListAsync(notification.ProfileId, Cancel), n => Assert.True(n.IsRead));
    }

    [Fact]
    public async Task TheSeederGivesSomeSeriesASeasonThatPremieresOnAFridayAfterTheHistoryAndNobodyHasSeen()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var historyEnds = DateTime.Parse(await db.Meta.Where(m => m.Key == "seed.referenceDate").Select(m => m.Value).FirstAsync(Cancel),
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var fresh = await db.Episodes.AsNoTracking().Where(e => e.AvailableAt > historyEnds).ToListAsync(Cancel);
        var freshIds = fresh.Select(e => e.Id).ToList();

        Assert.NotEmpty(fresh);
        Assert.All(fresh, e => Assert.Equal((DayOfWeek.Friday, 8, 0), (e.AvailableAt.DayOfWeek, e.AvailableAt.Hour, e.AvailableAt.Minute)));
        Assert.All(fresh, e => Assert.InRange(e.AvailableAt, historyEnds, historyEnds.AddDays(7 * 60)));
        Assert.False(await db.ViewingSessions.AnyAsync(s => s.EpisodeId != null && freshIds.Contains(s.EpisodeId.Value), Cancel));
    }

    private async Task<Notification> FireOneAsync(string? kind = null)
    {
        await dispatcher.CatchUpAsync(Cancel);
        clock.Jump(TimeSpan.FromDays(7));
        await dispatcher.CatchUpAsync(Cancel);
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        return await db.Notifications.AsNoTracking().Where(n => kind == null || n.Kind == kind).OrderBy(n => n.Id).FirstAsync(Cancel);
    }

    private async Task<List<int>> FeaturedAsync()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        return await db.Profiles.AsNoTracking().Where(p => p.IsFeatured).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(Cancel);
    }

    /// <summary>Everyone watches evenly: the profile's own starts decide.</summary>
    private sealed class EvenPrior : IViewingStartsPrior
    {
        public Task<int[,]> EveryoneAsync(CancellationToken cancellationToken = default)
        {
            var counts = new int[7, 24];
            for (var d = 0; d < 7; d++)
            {
                for (var h = 0; h < 24; h++)
                {
                    counts[d, h] = 1;
                }
            }

            return Task.FromResult(counts);
        }
    }
}
