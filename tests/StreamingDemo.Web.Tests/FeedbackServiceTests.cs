using Microsoft.EntityFrameworkCore;
using StreamingDemo.Domain;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Onboarding;

namespace StreamingDemo.Web.Tests;

/// <summary>Every feedback source goes through the one <see cref="FeedbackService"/>, which saves before it applies.</summary>
[Collection(nameof(SeededStoreCollection))]
public sealed class FeedbackServiceTests(SeededStore seeded) : IAsyncLifetime
{
    private StoreCopy store = null!;
    private RecordingRecommender recommender = null!;
    private FeedbackService feedback = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        store = new StoreCopy(seeded);
        recommender = new RecordingRecommender(store.Contexts);
        feedback = new FeedbackService(store.Contexts, recommender, TimeProvider.System);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();

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
        var onboarding = new OnboardingService(store.Contexts, new CatalogService(store.Contexts, artwork), feedback, artwork, new Features.Operations.StoreEvents(), TimeProvider.System);
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var picks = await db.Titles.OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToListAsync(Cancel);

        var profile = await onboarding.CreateAsync(new NewProfile("Robin", "fox", picks, [DeviceType.Phone]), Cancel);

        Assert.Equal(picks.Select(id => (profile, id, FeedbackKind.OnboardingPick, true)),
            recommender.Applied.Select(a => (a.Event.ProfileId, a.Event.TitleId, a.Event.Kind, a.AlreadySaved)));
        Assert.Equal(picks, await db.Thumbs.Where(t => t.ProfileId == profile && t.Rating == ThumbRating.Up).Select(t => t.TitleId).OrderBy(id => id).ToListAsync(Cancel));
    }

    private async Task<(int Profile, int Title)> UnratedPairAsync()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var profile = await db.Profiles.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Cancel);
        var title = await db.Titles.Where(t => !db.Thumbs.Any(th => th.ProfileId == profile && th.TitleId == t.Id)).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Cancel);
        return (profile, title);
    }
}
