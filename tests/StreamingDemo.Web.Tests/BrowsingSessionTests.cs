using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StreamingDemo.Domain;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Operations;
using StreamingDemo.Web.Features.Security;

namespace StreamingDemo.Web.Tests;

/// <summary>Each tab has its own <see cref="BrowsingSession"/>: what one tab did is never another tab's news.</summary>
[Collection(nameof(SeededStoreCollection))]
public sealed class BrowsingSessionTests(SeededStore seeded) : IAsyncLifetime
{
    private StoreCopy store = null!;
    private FeedbackService feedback = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        store = new StoreCopy(seeded);
        feedback = new FeedbackService(store.Contexts, new RecordingRecommender(store.Contexts), TimeProvider.System, new StoreWriteGate(), Options.Create(new RateLimitOptions()));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        feedback.Dispose();
        return store.DisposeAsync();
    }

    [Fact]
    public async Task AThumbInOneTabIsNotedThereWithTheTitlesNameAndNowhereElse()
    {
        var (profile, title) = await ProfileAndTitleAsync();
        var first = new BrowsingSession(feedback);
        var second = new BrowsingSession(feedback);

        await first.RateAsync(profile, title, ThumbRating.Down, Cancel);

        Assert.Equal(new FeedbackNote(profile, title.Id, title.Name, ThumbRating.Down), first.PendingNote(profile));
        Assert.Null(second.PendingNote(profile));
        Assert.Null(first.PendingNote(profile + 1));
    }

    [Fact]
    public async Task TheThumbsATabHoldsFollowItsOwnRatingsWithoutReadingThemBack()
    {
        var (profile, title) = await ProfileAndTitleAsync();
        var tab = new BrowsingSession(feedback);
        tab.KnowThumbs(profile, new Dictionary<int, ThumbRating>());

        await tab.RateAsync(profile, title, ThumbRating.Love, Cancel);
        Assert.Equal(ThumbRating.Love, tab.Thumbs(profile)![title.Id]);

        await tab.RateAsync(profile, title, null, Cancel);
        Assert.False(tab.Thumbs(profile)!.ContainsKey(title.Id));
        Assert.Equal(new FeedbackNote(profile, title.Id, title.Name, null), tab.PendingNote(profile));
    }

    private async Task<(int Profile, TitleCardModel Title)> ProfileAndTitleAsync()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var profile = await db.Profiles.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Cancel);
        var titleId = await db.Titles.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Cancel);
        var cards = await new CatalogService(store.Contexts, new VocabularyArtworkStyles()).GetCardsAsync([titleId], Cancel);
        return (profile, cards[titleId]);
    }
}
