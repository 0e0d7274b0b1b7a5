using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Data.Interactive;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Operations;
using StreamingDemo.Web.Features.Security;
using StreamingDemo.Domain.Interactive;

namespace StreamingDemo.Web.Features.Feedback;

/// <summary>
/// What one piece of feedback did: the signal now folded into the profile's recommendations, the thumb it replaced
/// (thumbs), and the viewing session it belongs to with whether it finished the title or episode (playback).
/// </summary>
/// <param name="PlayId">The playthrough of an interactive title the feedback belongs to.</param>
/// <param name="SceneId">For a playthrough, the scene it is now at (an ending once <see cref="Finished"/>).</param>
public sealed record FeedbackResult(FeedbackEvent Event, ThumbRating? PreviousThumb = null, long? SessionId = null, bool Finished = false,
    long? PlayId = null, string? SceneId = null);

/// <summary>
/// The one way feedback enters the system (V2, V6, V7): thumbs, playback and onboarding picks — and later the API and
/// notifications — are saved to the store first and only then folded into the recommender, one profile at a time, so
/// the recommender never knows of feedback the store could lose and two quick changes land in the order given.
/// Input that names no profile, title or session, or a rating that does not exist, is refused with an
/// <see cref="ArgumentException"/> and changes nothing.
/// <para>
/// Writes from a Blazor circuit are SignalR messages that HTTP rate limiting never sees, so each profile has its own
/// budget here (<see cref="RateLimitOptions.FeedbackPerProfilePerMinute"/>, bursts up to
/// <see cref="RateLimitOptions.FeedbackBurstPerProfile"/>): past it a write is refused with
/// <see cref="FeedbackThrottledException"/> before anything is saved. Every write runs inside the
/// <see cref="StoreWriteGate"/>, so a reset or dataset switch never swallows one.
/// </para>
/// </summary>
public sealed class FeedbackService : IDisposable
{
    /// <summary>Watching past this share of the runtime counts as finished (end credits).</summary>
    public const double FinishedShare = 0.95;

    private readonly IDbContextFactory<StreamingDbContext> contexts;
    private readonly IRecommender recommender;
    private readonly TimeProvider clock;
    private readonly StoreWriteGate gate;
    private readonly PartitionedRateLimiter<int> budgets;

    // Feedback of one profile is saved and applied in turn; profiles map onto a fixed set of locks.
    private readonly SemaphoreSlim[] turns = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public FeedbackService(IDbContextFactory<StreamingDbContext> contexts, IRecommender recommender, TimeProvider clock, StoreWriteGate gate, IOptions<RateLimitOptions> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        this.contexts = contexts;
        this.recommender = recommender;
        this.clock = clock;
        this.gate = gate;
        var perMinute = limits.Value.FeedbackPerProfilePerMinute;
        var burst = limits.Value.FeedbackBurstPerProfile;
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1, nameof(limits));
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1, nameof(limits));
        // A token bucket per profile: a burst of clicks passes, a loop does not. Refills one token at a time, evenly.
        var refill = TimeSpan.FromMinutes(1) / perMinute;
        budgets = PartitionedRateLimiter.Create<int, int>(profileId => RateLimitPartition.GetTokenBucketLimiter(profileId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = refill,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Sets the profile's thumb on the title, or takes it back when <paramref name="rating"/> is null.</summary>
    public Task<FeedbackResult> ThumbAsync(int profileId, int titleId, ThumbRating? rating, CancellationToken cancellationToken = default)
    {
        if (rating is ThumbRating given && !Enum.IsDefined(given))
        {
            throw new ArgumentException($"There is no thumb rating {(int)given}.", nameof(rating));
        }

        return SaveThenApplyAsync(profileId, async (db, now) =>
        {
            await RequireAsync(db, profileId, titleId, cancellationToken);
            var existing = await db.Thumbs.FirstOrDefaultAsync(t => t.ProfileId == profileId && t.TitleId == titleId, cancellationToken);
            var previous = existing?.Rating;
            if (rating is ThumbRating value)
            {
                if (existing is null)
                {
                    db.Thumbs.Add(new Thumb { ProfileId = profileId, TitleId = titleId, Rating = value, At = now });
                }
                else
                {
                    existing.Rating = value;
                    existing.At = now;
                }
            }
            else if (existing is not null)
            {
                db.Thumbs.Remove(existing);
            }

            await db.SaveChangesAsync(cancellationToken);
            var feedback = rating is ThumbRating thumb
                ? new FeedbackEvent(profileId, titleId, FeedbackKind.Thumb, now, thumb)
                : new FeedbackEvent(profileId, titleId, FeedbackKind.ThumbRemoved, now);
            return new FeedbackResult(feedback, previous);
        }, cancellationToken);
    }

    /// <summary>Starts a viewing session of the title (or one of its episodes) at <paramref name="positionSeconds"/>.</summary>
    public Task<FeedbackResult> StartViewingAsync(int profileId, int titleId, int? episodeId, DeviceType device, int positionSeconds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(positionSeconds);
        if (!Enum.IsDefined(device))
        {
            throw new ArgumentException($"There is no device {(int)device}.", nameof(device));
        }

        return SaveThenApplyAsync(profileId, async (db, now) =>
        {
            await RequireAsync(db, profileId, titleId, cancellationToken);
            var runtime = await RuntimeSecondsAsync(db, titleId, episodeId, cancellationToken)
                ?? throw new ArgumentException($"Title {titleId} has no episode {episodeId}.", nameof(episodeId));
            var session = new ViewingSession
            {
                ProfileId = profileId,
                TitleId = titleId,
                EpisodeId = episodeId,
                Device = device,
                StartedAt = now,
                StartPositionSeconds = positionSeconds,
                EndPositionSeconds = positionSeconds,
            };
            db.ViewingSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            return new FeedbackResult(new FeedbackEvent(profileId, titleId, FeedbackKind.Play, now, Completion: Share(positionSeconds, runtime)), SessionId: session.Id);
        }, cancellationToken);
    }

    /// <summary>
    /// Stores a whole viewing at once (the API's progress report): a session from <paramref name="fromSeconds"/> to
    /// <paramref name="toSeconds"/>, in one save, folded in as a play and its progress. Either all of it is stored or none.
    /// </summary>
    public async Task<FeedbackResult> RecordViewingAsync(int profileId, int titleId, int? episodeId, DeviceType device, int fromSeconds, int toSeconds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(toSeconds, fromSeconds);
        if (!Enum.IsDefined(device))
        {
            throw new ArgumentException($"There is no device {(int)device}.", nameof(device));
        }

        var results = await SaveThenApplyManyAsync(profileId, async (db, now) =>
        {
            await RequireAsync(db, profileId, titleId, cancellationToken);
            var runtime = await RuntimeSecondsAsync(db, titleId, episodeId, cancellationToken)
                ?? throw new ArgumentException($"Title {titleId} has no episode {episodeId}.", nameof(episodeId));
            var share = Share(toSeconds, runtime);
            var session = new ViewingSession
            {
                ProfileId = profileId,
                TitleId = titleId,
                EpisodeId = episodeId,
                Device = device,
                StartedAt = now,
                StartPositionSeconds = fromSeconds,
                EndPositionSeconds = toSeconds,
                Completed = share >= FinishedShare,
            };
            db.ViewingSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            return
            [
                new FeedbackResult(new FeedbackEvent(profileId, titleId, FeedbackKind.Play, now, Completion: Share(fromSeconds, runtime)), SessionId: session.Id),
                new FeedbackResult(new FeedbackEvent(profileId, titleId, FeedbackKind.Progress, now, Completion: share), SessionId: session.Id, Finished: session.Completed),
            ];
        }, cancellationToken);
        return results[^1];
    }

    /// <summary>Saves how far a viewing session got; <see cref="FeedbackResult.Finished"/> says whether that finished the title or episode.</summary>
    public Task<FeedbackResult> RecordProgressAsync(long sessionId, int positionSeconds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(positionSeconds);
        // The session is looked up inside the gate too, so a reset cannot swap the store between lookup and save.
        return gate.WriteAsync(() => RecordProgressInGateAsync(sessionId, positionSeconds, cancellationToken), cancellationToken);
    }

    private async Task<FeedbackResult> RecordProgressInGateAsync(long sessionId, int positionSeconds, CancellationToken cancellationToken)
    {
        int profileId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            profileId = await db.ViewingSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (int?)s.ProfileId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ArgumentException($"There is no viewing session {sessionId}.", nameof(sessionId));
        }

        return await SaveThenApplyAsync(profileId, async (db, now) =>
        {
            var session = await db.ViewingSessions.FirstAsync(s => s.Id == sessionId, cancellationToken);
            var runtime = await RuntimeSecondsAsync(db, session.TitleId, session.EpisodeId, cancellationToken) ?? 0;
            var share = Share(positionSeconds, runtime);
            session.EndPositionSeconds = positionSeconds;
            session.Completed = share >= FinishedShare;
            await db.SaveChangesAsync(cancellationToken);
            return new FeedbackResult(new FeedbackEvent(profileId, session.TitleId, FeedbackKind.Progress, now, Completion: share), SessionId: sessionId, Finished: session.Completed);
        }, cancellationToken);
    }

    /// <summary>
    /// Opens a notification from the profile's notification centre (M4). The open is logged like a play: a viewing session
    /// of the notification's title starts where it points (the new season's first episode, the moment the viewer stopped,
    /// the next episode), the notification records that session as its source, and the play is folded into the
    /// recommender. Opening it again logs nothing more and returns null. A notification of another profile is refused.
    /// </summary>
    public async Task<FeedbackResult?> OpenNotificationAsync(int profileId, long notificationId, DeviceType device, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(device))
        {
            throw new ArgumentException($"There is no device {(int)device}.", nameof(device));
        }

        var results = await SaveThenApplyManyAsync(profileId, async (db, now) =>
        {
            var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.ProfileId == profileId, cancellationToken)
                ?? throw new ArgumentException($"Profile {profileId} has no notification {notificationId}.", nameof(notificationId));
            if (notification.OpenedAt is not null || notification.TitleId is not int titleId)
            {
                notification.ReadAt ??= now;
                await db.SaveChangesAsync(cancellationToken);
                return [];
            }

            var runtime = await RuntimeSecondsAsync(db, titleId, notification.EpisodeId, cancellationToken) ?? 0;
            // Where the viewer stopped, when the notification is about an unfinished episode or movie; else the start.
            var position = await db.ViewingSessions.AsNoTracking()
                .Where(s => s.ProfileId == profileId && s.TitleId == titleId && s.EpisodeId == notification.EpisodeId)
                .OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id)
                .Select(s => s.Completed ? 0 : s.EndPositionSeconds)
                .FirstOrDefaultAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var session = new ViewingSession
            {
                ProfileId = profileId,
                TitleId = titleId,
                EpisodeId = notification.EpisodeId,
                Device = device,
                StartedAt = now,
                StartPositionSeconds = position,
                EndPositionSeconds = position,
            };
            db.ViewingSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            notification.OpenedAt = now;
            notification.ReadAt ??= now;
            notification.OpenedSessionId = session.Id;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return [new FeedbackResult(new FeedbackEvent(profileId, titleId, FeedbackKind.Play, now, Completion: Share(position, runtime)), SessionId: session.Id)];
        }, cancellationToken);
        return results.Count > 0 ? results[0] : null;
    }

    /// <summary>Saves a new viewer's onboarding picks as likes (the next training learns from them) and folds them in at once (cold start).</summary>
    public async Task<IReadOnlyList<FeedbackResult>> SavePicksAsync(int profileId, IReadOnlyCollection<int> titleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(titleIds);
        var picks = titleIds.Distinct().ToList();
        return await SaveThenApplyManyAsync(profileId, async (db, now) =>
        {
            await RequireAsync(db, profileId, null, cancellationToken);
            var known = await db.Titles.Where(t => picks.Contains(t.Id)).CountAsync(cancellationToken);
            if (known != picks.Count)
            {
                throw new ArgumentException("Some picked shows are not in the catalogue.", nameof(titleIds));
            }

            var thumbed = await db.Thumbs.Where(t => t.ProfileId == profileId && picks.Contains(t.TitleId)).ToDictionaryAsync(t => t.TitleId, cancellationToken);
            foreach (var id in picks)
            {
                if (thumbed.TryGetValue(id, out var thumb))
                {
                    thumb.Rating = ThumbRating.Up;
                    thumb.At = now;
                }
                else
                {
                    db.Thumbs.Add(new Thumb { ProfileId = profileId, TitleId = id, Rating = ThumbRating.Up, At = now });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return picks.Select(id => new FeedbackResult(new FeedbackEvent(profileId, id, FeedbackKind.OnboardingPick, now),
                thumbed.TryGetValue(id, out var before) ? before.Rating : null)).ToList();
        }, cancellationToken);
    }

    /// <summary>
    /// Starts a playthrough of an interactive title (V11) at its first scene, with the viewing session it is part of;
    /// every play is a new path, so replays find other endings.
    /// </summary>
    public Task<FeedbackResult> StartStoryAsync(int profileId, int titleId, DeviceType device, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(device))
        {
            throw new ArgumentException($"There is no device {(int)device}.", nameof(device));
        }

        return SaveThenApplyAsync(profileId, async (db, now) =>
        {
            await RequireAsync(db, profileId, titleId, cancellationToken);
            var story = await StoryOfAsync(db, titleId, cancellationToken)
                ?? throw new ArgumentException($"Title {titleId} is not interactive.", nameof(titleId));
            var session = new ViewingSession { ProfileId = profileId, TitleId = titleId, Device = device, StartedAt = now };
            var play = new StoryPlay { ProfileId = profileId, TitleId = titleId, StoryKey = story.Key, StartedAt = now, Path = string.Empty };
            db.ViewingSessions.Add(session);
            db.StoryPlays.Add(play);
            await db.SaveChangesAsync(cancellationToken);
            return new FeedbackResult(new FeedbackEvent(profileId, titleId, FeedbackKind.Play, now), SessionId: session.Id, PlayId: play.Id, SceneId: story.Start);
        }, cancellationToken);
    }

    /// <summary>
    /// Takes <paramref name="choiceId"/> in a playthrough: saved to its path first, then folded into the profile's
    /// taste as a lean to the choice's micro-genres. A choice not offered at the scene the play is at, or a play that
    /// has ended, is refused and changes nothing. <see cref="FeedbackResult.Finished"/> says the choice reached an ending.
    /// </summary>
    public Task<FeedbackResult> ChooseAsync(long playId, string choiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(choiceId);
        // As for progress: the playthrough is looked up inside the gate, so a reset cannot swap the store between lookup and save.
        return gate.WriteAsync(() => ChooseInGateAsync(playId, choiceId, cancellationToken), cancellationToken);
    }

    private async Task<FeedbackResult> ChooseInGateAsync(long playId, string choiceId, CancellationToken cancellationToken)
    {
        int profileId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            profileId = await db.StoryPlays.AsNoTracking().Where(p => p.Id == playId).Select(p => (int?)p.ProfileId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ArgumentException($"There is no playthrough {playId}.", nameof(playId));
        }

        return await SaveThenApplyAsync(profileId, async (db, now) =>
        {
            var play = await db.StoryPlays.FirstAsync(p => p.Id == playId, cancellationToken);
            var story = InteractiveStories.Default.Find(play.StoryKey)
                ?? throw new ArgumentException($"Playthrough {playId} belongs to an unknown story '{play.StoryKey}'.", nameof(playId));
            if (play.EndingSceneId is not null)
            {
                throw new ArgumentException($"Playthrough {playId} has already ended; start a new one to take another path.", nameof(playId));
            }

            var taken = play.Path.Split(StoryPlay.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            var scene = StoryPaths.SceneAfter(story, taken);
            var choice = scene.Choices.FirstOrDefault(c => c.Id == choiceId)
                ?? throw new ArgumentException($"'{choiceId}' is not a choice offered at scene '{scene.Id}'.", nameof(choiceId));
            var next = story.Scene(choice.Next);
            play.Path = string.Join(StoryPlay.PathSeparator, taken.Append(choice.Id));
            if (next.IsEnding)
            {
                play.EndingSceneId = next.Id;
                play.EndedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            return new FeedbackResult(new FeedbackEvent(profileId, play.TitleId, FeedbackKind.StoryChoice, now, Leanings: choice.Leanings),
                Finished: next.IsEnding, PlayId: playId, SceneId: next.Id);
        }, cancellationToken);
    }

    private static async Task<StoryGraph?> StoryOfAsync(StreamingDbContext db, int titleId, CancellationToken cancellationToken)
    {
        var key = await db.InteractiveTitles.AsNoTracking().Where(t => t.TitleId == titleId).Select(t => t.StoryKey).FirstOrDefaultAsync(cancellationToken);
        // The graphs are data shipped with the app (validated when first loaded); the store names which one a title plays.
        return key is null ? null : InteractiveStories.Default.Find(key);
    }

    private async Task<FeedbackResult> SaveThenApplyAsync(int profileId, Func<StreamingDbContext, DateTime, Task<FeedbackResult>> save, CancellationToken cancellationToken) =>
        (await SaveThenApplyManyAsync(profileId, async (db, now) => [await save(db, now)], cancellationToken))[0];

    /// <summary>
    /// The rule every source follows: save, and only once the store has it, fold it into the recommender. A save that
    /// fails applies nothing; the turn per profile keeps the recommender's order the store's order.
    /// </summary>
    private Task<IReadOnlyList<FeedbackResult>> SaveThenApplyManyAsync(int profileId, Func<StreamingDbContext, DateTime, Task<List<FeedbackResult>>> save, CancellationToken cancellationToken)
    {
        using (var lease = budgets.AttemptAcquire(profileId))
        {
            if (!lease.IsAcquired)
            {
                throw new FeedbackThrottledException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
            }
        }

        return gate.WriteAsync(() => SaveThenApplyInTurnAsync(profileId, save, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<FeedbackResult>> SaveThenApplyInTurnAsync(int profileId, Func<StreamingDbContext, DateTime, Task<List<FeedbackResult>>> save, CancellationToken cancellationToken)
    {
        var turn = turns[(int)((uint)profileId % (uint)turns.Length)];
        await turn.WaitAsync(cancellationToken);
        try
        {
            var results = await gate.SaveAsync(async () =>
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                return await save(db, clock.GetUtcNow().UtcDateTime);
            }, cancellationToken);

            foreach (var result in results)
            {
                recommender.Apply(result.Event);
            }

            return results;
        }
        finally
        {
            turn.Release();
        }
    }

    private static async Task RequireAsync(StreamingDbContext db, int profileId, int? titleId, CancellationToken cancellationToken)
    {
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            throw new ArgumentException($"There is no profile {profileId}.", nameof(profileId));
        }

        if (titleId is int title && !await db.Titles.AnyAsync(t => t.Id == title, cancellationToken))
        {
            throw new ArgumentException($"There is no title {title} in the catalogue.", nameof(titleId));
        }
    }

    /// <summary>The episode's runtime, or the title's for a movie (or a series played as a whole); null for an episode the title does not have.</summary>
    private static async Task<int?> RuntimeSecondsAsync(StreamingDbContext db, int titleId, int? episodeId, CancellationToken cancellationToken)
    {
        var minutes = episodeId is int episode
            ? await db.Episodes.AsNoTracking().Where(e => e.Id == episode && e.TitleId == titleId).Select(e => (int?)e.RuntimeMinutes).FirstOrDefaultAsync(cancellationToken)
            : await db.Titles.AsNoTracking().Where(t => t.Id == titleId).Select(t => (int?)t.RuntimeMinutes).FirstOrDefaultAsync(cancellationToken);
        return minutes * 60;
    }

    private static float Share(int positionSeconds, int runtimeSeconds) =>
        runtimeSeconds <= 0 ? 0 : Math.Clamp(positionSeconds / (float)runtimeSeconds, 0, 1);

    public void Dispose()
    {
        budgets.Dispose();
        foreach (var turn in turns)
        {
            turn.Dispose();
        }
    }
}

/// <summary>
/// A profile sent more feedback than its budget allows (a script, a stuck key). Nothing was saved; the message says
/// so in words a viewer understands, and <see cref="RetryAfter"/> says when the next write will be taken.
/// </summary>
public sealed class FeedbackThrottledException : Exception
{
    public FeedbackThrottledException(TimeSpan retryAfter)
        : base($"That was a lot of clicks at once, so this one was not saved. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s.")
    {
        RetryAfter = retryAfter;
    }

    public FeedbackThrottledException()
        : this(TimeSpan.FromSeconds(1))
    {
    }

    public FeedbackThrottledException(string message)
        : base(message)
    {
    }

    public FeedbackThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan RetryAfter { get; }
}
