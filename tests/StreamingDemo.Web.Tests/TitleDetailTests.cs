using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data.Entities;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Titles;

namespace StreamingDemo.Web.Tests;

[Collection(nameof(SeededStoreCollection))]
public sealed class TitleDetailTests(SeededStore store)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TitleDetailService Service(RecordingRecommender recommender, TimeProvider? clock = null) =>
        new(store.Contexts, new CatalogService(store.Contexts, new VocabularyArtworkStyles()), new TitleMatches(recommender), recommender, clock ?? TimeProvider.System);

    [Fact]
    public async Task ASeasonAppearsOnTheTitlePageOnlyOnceItHasPremieredOnTheDemoClock()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var premiere = await db.Episodes.AsNoTracking().Where(e => e.AvailableAt > new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc))
            .OrderBy(e => e.TitleId).Select(e => new { e.TitleId, e.SeasonNumber, e.AvailableAt }).FirstAsync(Cancel);
        var service = Service(new RecordingRecommender(store.Contexts), new Notifications.ManualTime(premiere.AvailableAt.AddMinutes(-1)));
        var before = await service.GetAsync(premiere.TitleId, null, Cancel);
        var after = await Service(new RecordingRecommender(store.Contexts), new Notifications.ManualTime(premiere.AvailableAt)).GetAsync(premiere.TitleId, null, Cancel);

        Assert.Equal(premiere.SeasonNumber - 1, before!.Episodes.Max(e => e.Season));
        Assert.Equal(premiere.SeasonNumber, after!.Episodes.Max(e => e.Season));
    }

    [Fact]
    public async Task CreditsReadAsLabelledLinesInBillingOrderWithPluralsWhereSeveralShareARole()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var titleId = await db.Titles
            .Where(t => db.Credits.Count(c => c.TitleId == t.Id && c.Role == CreditRole.Director) == 1
                && db.Credits.Count(c => c.TitleId == t.Id && c.Role == CreditRole.Cast) > 1)
            .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Cancel);
        var credits = await db.Credits.Where(c => c.TitleId == titleId).OrderBy(c => c.Order).ToListAsync(Cancel);

        var detail = await Service(new RecordingRecommender(store.Contexts)).GetAsync(titleId, null, Cancel);

        // Directors come first (one: singular), the cast in billing order under one plural-free "Cast".
        Assert.Equal("Director", detail!.Credits[0].Label);
        Assert.Equal([credits.Single(c => c.Role == CreditRole.Director).PersonName], detail.Credits[0].Names);
        Assert.Equal(credits.Where(c => c.Role == CreditRole.Cast).Select(c => c.PersonName), detail.Credits.Single(g => g.Label == "Cast").Names);
    }

    [Fact]
    public async Task WithAProfileTheTitlePageShowsTheRecommendersMatchFromOneBatchScore()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var (profileId, titleId) = (await db.Profiles.Select(p => p.Id).FirstAsync(Cancel), await db.Titles.Select(t => t.Id).FirstAsync(Cancel));
        var recommender = new RecordingRecommender(store.Contexts) { Match = 0.73 };

        var detail = await Service(recommender).GetAsync(titleId, profileId, Cancel);

        Assert.Equal(73, detail!.Match!.MatchPercent);
        Assert.Equal(1, recommender.ScoreCalls);
        Assert.Equal([titleId], recommender.LastScored);
    }
}
