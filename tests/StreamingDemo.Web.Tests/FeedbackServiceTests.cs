using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StreamingDemo.Domain;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Onboarding;
using StreamingDemo.Web.Features.Operations;
using StreamingDemo.Web.Features.Security;

namespace StreamingDemo.Web.Tests;

/// <summary>Every feedback source goes through the one <see cref="FeedbackService"/>, which saves before it applies.</summary>
[Collection(nameof(SeededStoreCollection))]
public sealed class FeedbackServiceTests(SeededStore seeded) : IAsyncLifetime
{
    private StoreCopy store = null!;
    private RecordingRecommender recommender = null!;
    private FeedbackService feedback = null!;
    private readonly StoreWriteGate gate = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        store = new StoreCopy(seeded);
        recommender = new RecordingRecommender(store.Contexts);
        feedback = new FeedbackService(store.Contexts, recommender, TimeProvider.System, gate, Options.Create(new RateLimitOptions()));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        feedback.Dispose();
        gate.Dispose();
        return store.DisposeAsync();
    }

    [Fact]
    public async Task AThumbIsInTheStoreBeforeTheRecommenderHearsOfIt()
    {
        var (profile, title) = await UnratedPairAsync();

        var result = await feedback.ThumbAsync(profile, title, ThumbRating.Love, Cancel);

        var applied = Assert.Single(recommender.Applied);
        Assert.True(applied.AlreadySaved);
        Assert.Equal(new FeedbackEvent(profile, title, FeedbackKind.Thumb, result.Event.At, ThumbRating.Love), applied.Event);
        Assert.Null(result.PreviousThumb);
    }

    [Fact]
    public async Task TakingAThumbBackRemovesItAndSaysWhatItWas()
    {
        var (profile, title) = await UnratedPairAsync();
        await feedback.ThumbAsync(profile, title, ThumbRating.Up, Cancel);

        var result = await feedback.ThumbAsync(profile, title, null, Cancel);

        Assert.Equal(ThumbRating.Up, result.PreviousThumb);
        Assert.Equal([FeedbackKind.Thumb, FeedbackKind.ThumbRemoved], recommender.Applied.Select(a => a.Event.Kind));
        Assert.All(recommender.Applied, a => Assert.True(a.AlreadySaved));
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        Assert.False(await db.Thumbs.AnyAsync(t => t.ProfileId == profile && t.TitleId == title, Cancel));
    }

    [Fact]
    public async Task AThumbOnATitleNotInTheCatalogueIsRefusedAndChangesNothing()
    {
        var (profile, _) = await UnratedPairAsync();
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var missing = await db.Titles.MaxAsync(t => t.Id, Cancel) + 1;
        var thumbsBefore = await db.Thumbs.CountAsync(Cancel);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => feedback.ThumbAsync(profile, missing, ThumbRating.Up, Cancel));

        Assert.Contains($"no title {missing}", error.Message, StringComparison.Ordinal);
        Assert.Empty(recommender.Applied);
        Assert.Equal(thumbsBefore, await db.Thumbs.CountAsync(Cancel));
    }

    [Fact]
    public async Task PlaybackIsSavedAsASessionAndItsProgressFinishesTheMovieAtTheEndCredits()
    {
        var (profile, _) = await UnratedPairAsync();
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var movie = await db.Titles.Where(t => t.Kind == TitleKind.Movie).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Cancel);
        var runtime = await db.Titles.Where(t => t.Id == movie).Select(t => t.RuntimeMinutes * 60).SingleAsync(Cancel);

        var started = await feedback.StartViewingAsync(profile, movie, null, DeviceType.Tv, 0, Cancel);
        var halfway = await feedback.RecordProgressAsync(started.SessionId!.Value, runtime / 2, Cancel);
        var credits = await feedback.RecordProgressAsync(started.SessionId!.Value, runtime * 96 / 100, Cancel);

        Assert.Equal([FeedbackKind.Play, FeedbackKind.Progress, FeedbackKind.Progress], recommender.Applied.Select(a => a.Event.Kind));
        Assert.All(recommender.Applied, a => Assert.True(a.AlreadySaved));
        Assert.False(halfway.Finished);
        Assert.Equal(0.5f, halfway.Event.Completion);
        Assert.True(credits.Finished);
        var session = await db.ViewingSessions.AsNoTracking().SingleAsync(s => s.Id == started.SessionId, Cancel);
        Assert.Equal((runtime * 96 / 100, true, DeviceType.Tv), (session.EndPositionSeconds, session.Completed, session.Device));
    }

    [Fact]
    public async Task ProgressOfASessionThatDoesNotExistIsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => feedback.RecordProgressAsync(long.MaxValue, 60, Cancel));

        Assert.Contains("no viewing session", error.Message, StringComparison.Ordinal);
        Assert.Empty(recommender.Applied);
    }

    [Fact]
    public async Task OnboardingPicksGoThroughTheFeedbackServiceAsSavedLikes()
    {
        var artwork = new VocabularyArtworkStyles();
        var onboarding = new OnboardingService(store.Contexts, new CatalogService(store.Contexts, artwork), feedback, artwork, new Features.Operations.StoreEvents(), gate, TimeProvider.System);
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var picks = await db.Titles.OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToListAsync(Cancel);

        var profile = await onboarding.CreateAsync(new NewProfile("Robin", "fox", picks, [DeviceType.Phone]), Cancel);

        Assert.Equal(picks.Select(id => (profile, id, FeedbackKind.OnboardingPick, true)),
            recommender.Applied.Select(a => (a.Event.ProfileId, a.Event.TitleId, a.Event.Kind, a.AlreadySaved)));
        Assert.Equal(picks, await db.Thumbs.Where(t => t.ProfileId == profile && t.Rating == ThumbRating.Up).Select(t => t.TitleId).OrderBy(id => id).ToListAsync(Cancel));
    }

    [Fact]
    public async Task AProfileClickingFasterThanItsBudgetIsAskedToWaitAndTheRefusedClickStoresNothing()
    {
        // A budget of three at once, refilled one a minute: the fourth quick thumb is refused.
        using var limited = new FeedbackService(store.Contexts, recommender, TimeProvider.System, gate,
            Options.Create(new RateLimitOptions { FeedbackBurstPerProfile = 3, FeedbackPerProfilePerMinute = 1 }));
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var profiles = await db.Profiles.OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync(Cancel);
        var titles = await db.Titles.Where(t => !db.Thumbs.Any(th => profiles.Contains(th.ProfileId) && th.TitleId == t.Id)).OrderBy(t => t.Id).Select(t => t.Id).Take(4).ToListAsync(Cancel);
        var thumbsBefore = await db.Thumbs.CountAsync(t => t.ProfileId == profiles[0], Cancel);
        var sessionsBefore = await db.ViewingSessions.CountAsync(v => v.ProfileId == profiles[0], Cancel);

        for (var i = 0; i < 3; i++)
        {
            await limited.ThumbAsync(profiles[0], titles[i], ThumbRating.Up, Cancel);
        }

        var refused = await Assert.ThrowsAsync<FeedbackThrottledException>(() => limited.ThumbAsync(profiles[0], titles[3], ThumbRating.Love, Cancel));
        var refusedPlay = await Assert.ThrowsAsync<FeedbackThrottledException>(() => limited.StartViewingAsync(profiles[0], titles[3], null, DeviceType.Tv, 0, Cancel));

        Assert.StartsWith("That was a lot of clicks at once, so this one was not saved. Try again in ", refused.Message, StringComparison.Ordinal);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(refused.Message[..40], refusedPlay.Message[..40]);
        Assert.Equal(thumbsBefore + 3, await db.Thumbs.CountAsync(t => t.ProfileId == profiles[0], Cancel));
        Assert.Equal(sessionsBefore, await db.ViewingSessions.CountAsync(v => v.ProfileId == profiles[0], Cancel));
        Assert.Equal(3, recommender.Applied.Count);
        // The budget is the profile's own: another viewer on the same server is not slowed down.
        await limited.ThumbAsync(profiles[1], titles[3], ThumbRating.Love, Cancel);
        Assert.Equal(4, recommender.Applied.Count);
    }

    [Fact]
    public async Task AViewingReportedInOneGoIsOneSessionFromItsStartToItsEnd()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var (profile, title) = await UnratedPairAsync();
        var runtime = await db.Titles.Where(t => t.Id == title).Select(t => t.RuntimeMinutes * 60).SingleAsync(Cancel);

        var saved = await feedback.RecordViewingAsync(profile, title, null, DeviceType.Phone, 0, runtime, Cancel);

        Assert.True(saved.Finished);
        Assert.Equal([FeedbackKind.Play, FeedbackKind.Progress], recommender.Applied.Select(a => a.Event.Kind));
        var session = await db.ViewingSessions.AsNoTracking().SingleAsync(s => s.Id == saved.SessionId, Cancel);
        Assert.Equal((0, runtime, true), (session.StartPositionSeconds, session.EndPositionSeconds, session.Completed));
    }

    private async Task<(int Profile, int Title)> UnratedPairAsync()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var profile = await db.Profiles.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Cancel);
        var title = await db.Titles.Where(t => !db.Thumbs.Any(th => th.ProfileId == profile && th.TitleId == t.Id)).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Cancel);
        return (profile, title);
    }
}
