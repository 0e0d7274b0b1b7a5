using System.Globalization;
using Bunit;
using TestContext = Xunit.TestContext;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Web.Components.Studio;
using StreamingDemo.Web.Features.Artwork;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Operations;

namespace StreamingDemo.Web.Tests;

/// <summary>
/// Issue 12: the live site's artwork impressions and plays join the store's log (ADR 0026) once per visit and title,
/// in batches through the write gate, are cleared by a reset, and show up in the replay and its studio panel.
/// One seeded small site of its own, since these tests add live impressions the shared site's tests do not expect.
/// </summary>
public sealed class LiveArtworkImpressionTests(SeededSite seeded) : IClassFixture<SeededSite>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IServiceProvider Services => seeded.Site.Services;

    private StoreLocation Store => Services.GetRequiredService<StoreLocation>();

    [Fact]
    public async Task AHomePageComposedTwiceForOneVisitAndRecomposedAfterAThumbLogsEachVisibleCardOnce()
    {
        const int profile = 11;
        var before = await LiveRowsAsync();
        await using var scope = Services.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<HomeFeed>();

        // Prerendering previews the page, the circuit commits the same visit, a thumb recomposes it.
        await feed.BuildAsync(profile, DeviceType.Desktop, commit: false, cancellationToken: Cancel);
        var page = await feed.BuildAsync(profile, DeviceType.Desktop, commit: true, cancellationToken: Cancel);
        await feed.BuildAsync(profile, DeviceType.Desktop, commit: true, newVisit: false, cancellationToken: Cancel);
        var visit = Services.GetRequiredService<HomeVisits>().Visit(profile, commit: false, newVisit: false);
        var visible = page.Rows.Take(page.Layout.Rows).SelectMany(r => r.Cards.Take(page.Layout.CardsPerRow))
            .DistinctBy(c => c.Title.Id).Select(c => c.Artwork!).ToList();
        // However a caller notes the same visit again, nothing is logged twice.
        var artwork = Services.GetRequiredService<ArtworkService>();
        await artwork.NoteImpressionsAsync(profile, DeviceType.Desktop, visit, visible, Cancel);
        await Services.GetRequiredService<ArtworkImpressionLog>().FlushAsync();

        var logged = (await LiveRowsAsync()).Except(before).ToList();
        Assert.All(visible, card => Assert.True(card.Personalized));
        Assert.Equal(visible.Count, logged.Count);
        Assert.Equal(
            visible.Select(c => (profile, c.TitleId, DeviceType.Desktop, visit, c.Theme, c.Explored, c.Propensity, false)).OrderBy(r => r.TitleId),
            logged.Select(r => (r.ProfileId, r.TitleId, r.Device, r.Visit, r.Theme, r.Explored, r.Propensity, r.Played)).OrderBy(r => r.TitleId));
        // The propensity is the policy's: exploration rate (0.1) ÷ variants, plus 0.9 when the variant is the bandit's own pick
        // (always, unless exploration drew another one).
        var variants = await SqliteArtworkVariants.LoadAsync(Store, Cancel);
        foreach (var row in logged)
        {
            var explore = 0.1 / variants[row.TitleId].Count;
            Assert.True(Math.Abs(row.Propensity - (explore + 0.9)) < 1e-12 || (row.Explored && Math.Abs(row.Propensity - explore) < 1e-12), $"{row}");
        }
    }

    [Fact]
    public async Task APlayMarksExactlyTheOneImpressionOfItsVisitPlayedAndAtOnce()
    {
        const int profile = 12;
        await using var scope = Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<HomeFeed>().BuildAsync(profile, DeviceType.Tv, cancellationToken: Cancel);
        var visit = Services.GetRequiredService<HomeVisits>().Visit(profile, commit: false, newVisit: false);
        var shown = page.Rows.Take(page.Layout.Rows).SelectMany(r => r.Cards.Take(page.Layout.CardsPerRow)).Select(c => c.Title.Id).ToHashSet();
        var played = shown.Order().First();
        var notShown = page.Rows.SelectMany(r => r.Cards).Select(c => c.Title.Id).First(id => !shown.Contains(id));

        var artwork = Services.GetRequiredService<ArtworkService>();
        await artwork.NotePlayAsync(profile, played, Cancel);
        await artwork.NotePlayAsync(profile, played, Cancel);
        await artwork.NotePlayAsync(profile, notShown, Cancel);

        // No flush asked for: the play wrote itself and carried its impression's batch with it.
        var rows = (await LiveRowsAsync()).Where(r => r.ProfileId == profile && r.Visit == visit).ToList();
        Assert.Equal(shown.Order(), rows.Select(r => r.TitleId).Order());
        var marked = Assert.Single(rows, r => r.Played);
        Assert.Equal(played, marked.TitleId);
        Assert.Equal(0, Services.GetRequiredService<ArtworkImpressionLog>().Pending);
    }

    [Fact]
    public async Task WithArtworkPersonalizationOffNothingIsLoggedAndWhyThisNamesTheDefaultArtwork()
    {
        const int profile = 13;
        var before = await LiveRowsAsync();
        await using var scope = Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<HomeFeed>().BuildAsync(profile, DeviceType.Desktop, personalizeArtwork: false, cancellationToken: Cancel);
        await Services.GetRequiredService<ArtworkImpressionLog>().FlushAsync();

        Assert.Equal(before.Count, (await LiveRowsAsync()).Count);
        var card = page.Rows[0].Cards[0].Artwork!;
        Assert.False(card.Personalized);
        Assert.Equal($"Artwork personalization is off, so this is the title's default {card.DefaultLabel.ToLowerInvariant()} artwork.", card.Reason);
        Assert.Equal(card.DefaultLabel, card.Label);
    }

    [Fact]
    public async Task ImpressionsWaitingForTheirBatchAreWrittenAtShutdown()
    {
        var gate = Services.GetRequiredService<StoreWriteGate>();
        var log = new ArtworkImpressionLog(Store, gate, Options.Create(new ArtworkOptions { ImpressionFlushInterval = TimeSpan.FromHours(1) }), NullLogger<ArtworkImpressionLog>.Instance);
        var rows = await SomeImpressionsAsync(profile: 21, visit: 900, count: 3);
        var before = await LiveRowsAsync();

        log.Append(rows);
        Assert.Equal(3, log.Pending);
        Assert.Equal(before.Count, (await LiveRowsAsync()).Count);
        await log.DisposeAsync();

        var written = (await LiveRowsAsync()).Except(before).Where(r => r.ProfileId == 21).ToList();
        Assert.Equal(rows.Select(r => (r.TitleId, r.Theme, r.Visit)), written.Select(r => (r.TitleId, r.Theme, r.Visit)));
    }

    [Fact]
    public async Task AFullBatchIsWrittenWithoutWaitingForTheInterval()
    {
        var log = new ArtworkImpressionLog(Store, Services.GetRequiredService<StoreWriteGate>(),
            Options.Create(new ArtworkOptions { ImpressionFlushInterval = TimeSpan.FromHours(1), ImpressionBatchSize = 4 }), NullLogger<ArtworkImpressionLog>.Instance);
        var before = (await LiveRowsAsync()).Count;

        log.Append(await SomeImpressionsAsync(profile: 22, visit: 901, count: 3));
        log.Append(await SomeImpressionsAsync(profile: 23, visit: 901, count: 1));
        while (log.Pending > 0)
        {
            await Task.Delay(20, Cancel);
        }

        await log.FlushAsync();
        Assert.Equal(before + 4, (await LiveRowsAsync()).Count);
        await log.DisposeAsync();
    }

    [Fact]
    public async Task ABatchNotedBeforeAStoreReplacementIsDroppedRatherThanWrittenIntoTheNewStore()
    {
        var gate = Services.GetRequiredService<StoreWriteGate>();
        var log = new ArtworkImpressionLog(Store, gate, Options.Create(new ArtworkOptions { ImpressionFlushInterval = TimeSpan.FromHours(1) }), NullLogger<ArtworkImpressionLog>.Instance);
        var before = (await LiveRowsAsync()).Count;

        log.Append(await SomeImpressionsAsync(profile: 24, visit: 902, count: 2));
        await gate.ReplaceAsync(() => Task.FromResult(0), Cancel);
        Assert.Equal(0, await log.FlushAsync());
        Assert.Equal(before, (await LiveRowsAsync()).Count);

        // What is noted after the replacement is written as usual.
        log.Append(await SomeImpressionsAsync(profile: 24, visit: 903, count: 1));
        Assert.Equal(1, await log.FlushAsync());
        Assert.Equal(before + 1, (await LiveRowsAsync()).Count);
        await log.DisposeAsync();
    }

    [Fact]
    public async Task TheReplayAndItsStudioPanelCountTheLiveImpressions()
    {
        const int profile = 14;
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HomeFeed>().BuildAsync(profile, DeviceType.Phone, cancellationToken: Cancel);
        }

        await Services.GetRequiredService<ArtworkImpressionLog>().FlushAsync();
        var counts = await SqliteArtworkLog.CountAsync(Store, Cancel);
        Assert.True(counts.Live > 0);

        var replay = (await Services.GetRequiredService<ArtworkReplayService>().GetAsync(Cancel))!;
        Assert.Equal(counts.Live, replay.LiveImpressions);
        Assert.Equal(counts.LiveExplored, replay.LiveExploredImpressions);
        Assert.Equal(counts.LivePlayed, replay.LivePlayed);
        Assert.Equal(counts.Impressions, replay.LoggedImpressions);
        // The small preset seeds 24,000 impressions, 30 % explored; the live explored ones join those replayed.
        Assert.Equal(24_000, replay.SeededImpressions);
        Assert.Equal(counts.Explored, replay.ExploredImpressions);

        using var context = new PanelContext(Services.GetRequiredService<ArtworkReplayService>());
        var panel = context.Render<ArtworkReplayPage>();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("dd[data-figure=live]")));
        Assert.Equal(counts.Live.ToString("N0", CultureInfo.CurrentCulture), panel.Find("dd[data-figure=live]").TextContent);
        Assert.Equal(24_000.ToString("N0", CultureInfo.CurrentCulture), panel.Find("dd[data-figure=seeded]").TextContent);
        Assert.StartsWith(counts.LiveExplored.ToString("N0", CultureInfo.CurrentCulture) + " (", panel.Find("dd[data-figure=live-explored]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResetClearsTheLiveImpressionsWithTheRestOfTheStore()
    {
        const int profile = 15;
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HomeFeed>().BuildAsync(profile, DeviceType.Desktop, cancellationToken: Cancel);
        }

        await Services.GetRequiredService<ArtworkImpressionLog>().FlushAsync();
        Assert.NotEmpty(await LiveRowsAsync());

        await Services.GetRequiredService<DemoReset>().ResetAsync(cancellationToken: Cancel);

        var counts = await SqliteArtworkLog.CountAsync(Store, Cancel);
        Assert.Equal(new ArtworkLogCounts(24_000, counts.Explored, 0, 0, 0), counts);
        var replay = (await Services.GetRequiredService<ArtworkReplayService>().GetAsync(Cancel))!;
        Assert.Equal(0, replay.LiveImpressions);
    }

    [Fact]
    public async Task AResetForgetsTheRoomsArtworkLearningAndWarmStartsAgainFromTheSeededImpressions()
    {
        const int profile = 16;
        var path = Path.Combine(Store.ModelDirectory, "artwork-bandit.json");
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HomeFeed>().BuildAsync(profile, DeviceType.Desktop, cancellationToken: Cancel);
        }

        // The room's impressions are learned and saved within one save interval: the file holds more than the 24,000 seeded.
        Assert.True(await SavedImpressionsAsync(path, n => n > 24_000), "the live impressions reach the saved bandit");

        await Services.GetRequiredService<DemoReset>().ResetAsync(cancellationToken: Cancel);

        // After the reset the bandit is warm-started again from the rebuilt store's seeded log alone.
        Assert.True(await SavedImpressionsAsync(path, n => n == 24_000), "the reset bandit holds exactly the seeded impressions");
    }

    [Fact]
    public async Task AShutdownWritesWhatTheBanditLearnedSinceItsLastSaveInTheSameFormat()
    {
        var directory = Path.Combine(Path.GetTempPath(), "streamingdemo-artwork-save-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var (copy, log, artwork, warm) = await PrivateServiceWithFiveNotedAsync(directory);
        var path = Path.Combine(copy.ModelDirectory, "artwork-bandit.json");
        try
        {
            Assert.InRange(warm, 24_000, 25_000);

            // The shutdown writes the queued save at once: the five impressions are in the file, which loads, and no half
            // file is left beside it.
            artwork.Dispose();
            var saved = SavedBandit(path);
            Assert.Equal(warm + 5, saved.Impressions);
            Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(copy.ModelDirectory).Select(Path.GetFileName));
            using var bytes = new MemoryStream();
            saved.Snapshot().Save(bytes);
            Assert.Equal(await File.ReadAllBytesAsync(path, Cancel), bytes.ToArray());
        }
        finally
        {
            await log.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ASaveBetweenAStoreMoveAndItsAnnouncementWritesTheOldStoresFileNotTheNewOnes()
    {
        // A dataset switch moves the store (store.Use) and retrains before StoreEvents.Replaced reaches this service; a save
        // in that window (here the shutdown's) must keep the old store's learning in the old store's file.
        var directory = Path.Combine(Path.GetTempPath(), "streamingdemo-artwork-move-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var (copy, log, artwork, warm) = await PrivateServiceWithFiveNotedAsync(directory);
        var seeded = Path.Combine(copy.ModelDirectory, "artwork-bandit.json");
        try
        {
            copy.Use(Path.Combine(copy.DatasetDirectory, "ratings.db"));
            artwork.Dispose();

            Assert.Equal([Path.GetFileName(seeded)], Directory.GetFiles(copy.ModelDirectory).Select(Path.GetFileName));
            Assert.Equal(warm + 5, SavedBandit(seeded).Impressions);
        }
        finally
        {
            await log.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// An artwork service of its own on a private copy of the shared store (so its bandit file is its own), warmed, with five
    /// cards of profile 31 noted: a save of them is queued. Returns the saved bandit's impressions after the warm start (the
    /// 24,000 seeded ones and whatever other tests of this class logged live before the copy).
    /// </summary>
    private async Task<(StoreLocation Copy, ArtworkImpressionLog Log, ArtworkService Artwork, long Warm)> PrivateServiceWithFiveNotedAsync(string directory)
    {
        var copy = new StoreLocation(Path.Combine(directory, "streaming.db"));
        await using (var source = new SqliteConnection(Store.ConnectionString))
        {
            await source.OpenAsync(Cancel);
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $path";
            vacuum.Parameters.AddWithValue("$path", copy.DatabasePath);
            await vacuum.ExecuteNonQueryAsync(Cancel);
        }

        var log = new ArtworkImpressionLog(copy, Services.GetRequiredService<StoreWriteGate>(), Options.Create(new ArtworkOptions { ImpressionFlushInterval = TimeSpan.FromHours(1) }), NullLogger<ArtworkImpressionLog>.Instance);
        var artwork = new ArtworkService(copy, Services.GetRequiredService<IRecommender>(), log, Options.Create(new ArtworkOptions()), NullLogger<ArtworkService>.Instance);
        await artwork.WarmAsync(Cancel);
        var warm = SavedBandit(Path.Combine(copy.ModelDirectory, "artwork-bandit.json")).Impressions;
        var titles = (await SqliteArtworkVariants.LoadAsync(copy, Cancel)).Keys.Order().Take(5).ToList();
        var cards = await artwork.ChooseAsync(31, DeviceType.Desktop, visit: 1, titles, personalize: true, cancellationToken: Cancel);
        await artwork.NoteImpressionsAsync(31, DeviceType.Desktop, visit: 1, cards.Values, Cancel);
        return (copy, log, artwork, warm);
    }

    private static StreamingDemo.Recommender.Artwork.LinUcbBandit SavedBandit(string file)
    {
        using var stream = File.OpenRead(file);
        return StreamingDemo.Recommender.Artwork.LinUcbBandit.Load(stream) ?? throw new InvalidDataException($"{file} is not a saved bandit");
    }

    /// <summary>Waits (up to 60 s) until the saved bandit's impression count satisfies <paramref name="expected"/>.</summary>
    private static async Task<bool> SavedImpressionsAsync(string path, Func<long, bool> expected)
    {
        for (var waited = 0; waited < 600; waited++)
        {
            try
            {
                if (File.Exists(path))
                {
                    await using var stream = File.OpenRead(path);
                    if (StreamingDemo.Recommender.Artwork.LinUcbBandit.Load(stream) is { } saved && expected(saved.Impressions))
                    {
                        return true;
                    }
                }
            }
            catch (IOException)
            {
                // Being replaced this instant: read it again.
            }

            await Task.Delay(100, Cancel);
        }

        return false;
    }

    /// <summary>Impressions of the first titles with variants, each showing its default artwork.</summary>
    private async Task<List<LiveImpression>> SomeImpressionsAsync(int profile, int visit, int count)
    {
        var variants = await SqliteArtworkVariants.LoadAsync(Store, Cancel);
        return [.. variants.OrderBy(v => v.Key).Take(count).Select(v => new LiveImpression(profile, v.Key, DeviceType.Desktop, visit, v.Value[0], Explored: false, Propensity: 0.9 + (0.1 / v.Value.Count)))];
    }

    private async Task<List<LiveRow>> LiveRowsAsync()
    {
        await using var connection = new SqliteConnection(Store.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, ProfileId, TitleId, Device, Visit, Theme, Explored, Propensity, Played FROM ArtworkImpressions WHERE Live = 1 ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var rows = new List<LiveRow>();
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add(new LiveRow(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), (DeviceType)reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5), reader.GetBoolean(6), reader.GetDouble(7), reader.GetBoolean(8)));
        }

        return rows;
    }

    private sealed record LiveRow(long Id, int ProfileId, int TitleId, DeviceType Device, int Visit, string Theme, bool Explored, double Propensity, bool Played);

    /// <summary>bUnit with the site's replay service, to render the studio panel against the site's store.</summary>
    private sealed class PanelContext : MudTestContext
    {
        public PanelContext(ArtworkReplayService replay) => Services.AddSingleton(replay);
    }
}
