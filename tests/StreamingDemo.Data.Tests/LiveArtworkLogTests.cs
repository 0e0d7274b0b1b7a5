using StreamingDemo.Domain;

namespace StreamingDemo.Data.Tests;

/// <summary>Issue 12: the running site's artwork impressions and plays are appended to the seeded log, and counted.</summary>
public sealed class LiveArtworkLogTests(SmallStoreFixture store) : IClassFixture<SmallStoreFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private StoreLocation Location => new(store.DatabasePath);

    [Fact]
    public async Task LiveImpressionsFollowTheSeededLogAndAPlayInTheSameBatchMarksExactlyItsOwnImpression()
    {
        var variants = await SqliteArtworkVariants.LoadAsync(Location, Cancel);
        var (first, second) = (variants.OrderBy(v => v.Key).First(), variants.OrderBy(v => v.Key).Skip(1).First());
        var seeded = await SqliteArtworkVariants.LoadImpressionsAsync(Location, Cancel);
        var before = await SqliteArtworkLog.CountAsync(Location, Cancel);

        LiveImpression[] shown =
        [
            new(501, first.Key, DeviceType.Tv, 4, first.Value[1], Explored: true, Propensity: 0.1 / first.Value.Count),
            new(501, second.Key, DeviceType.Tv, 4, second.Value[0], Explored: false, Propensity: 0.9 + (0.1 / second.Value.Count)),
            new(502, first.Key, DeviceType.Phone, 4, first.Value[0], Explored: false, Propensity: 0.9 + (0.1 / first.Value.Count)),
        ];
        var marked = await SqliteArtworkLog.AppendAsync(Location.ConnectionString, shown, [new LivePlay(501, first.Key, 4)], Cancel);

        Assert.Equal(1, marked);
        var log = await SqliteArtworkVariants.LoadImpressionsAsync(Location, Cancel);
        Assert.Equal(seeded.Count + 3, log.Count);
        Assert.Equal(
            [
                new LoggedImpression(501, first.Key, DeviceType.Tv, first.Value, first.Value[1], Explored: true, Played: true, Live: true, Propensity: 0.1 / first.Value.Count),
                new LoggedImpression(501, second.Key, DeviceType.Tv, second.Value, second.Value[0], Explored: false, Played: false, Live: true, Propensity: 0.9 + (0.1 / second.Value.Count)),
                new LoggedImpression(502, first.Key, DeviceType.Phone, first.Value, first.Value[0], Explored: false, Played: false, Live: true, Propensity: 0.9 + (0.1 / first.Value.Count)),
            ],
            log.Skip(seeded.Count).Select(e => e with { Candidates = variants[e.TitleId] }));
        Assert.Equal(new ArtworkLogCounts(before.Impressions + 3, before.Explored + 1, before.Live + 3, before.LiveExplored + 1, before.LivePlayed + 1),
            await SqliteArtworkLog.CountAsync(Location, Cancel));
    }

    [Fact]
    public async Task APlayMarksTheNewestImpressionOfItsVisitNotAnEarlierRunsWithTheSameVisitNumberNorAnyOther()
    {
        var title = (await SqliteArtworkVariants.LoadAsync(Location, Cancel)).OrderBy(v => v.Key).Last();
        var impression = new LiveImpression(601, title.Key, DeviceType.Desktop, 0, title.Value[0], Explored: false, Propensity: 1);
        // Visit numbers start again with each process: the earlier run's visit 0, then this run's.
        await SqliteArtworkLog.AppendAsync(Location.ConnectionString, [impression], [], Cancel);
        await SqliteArtworkLog.AppendAsync(Location.ConnectionString, [impression], [], Cancel);

        Assert.Equal(1, await SqliteArtworkLog.AppendAsync(Location.ConnectionString, [], [new LivePlay(601, title.Key, 0)], Cancel));
        Assert.Equal(0, await SqliteArtworkLog.AppendAsync(Location.ConnectionString, [], [new LivePlay(601, title.Key, 1)], Cancel));
        Assert.Equal(0, await SqliteArtworkLog.AppendAsync(Location.ConnectionString, [], [new LivePlay(602, title.Key, 0)], Cancel));

        var mine = (await SqliteArtworkVariants.LoadImpressionsAsync(Location, Cancel)).Where(e => e.ProfileId == 601 && e.Live).ToList();
        Assert.Equal([false, true], mine.Select(e => e.Played));
    }

    [Fact]
    public async Task SeededImpressionsCarryTheChanceTheSeededPolicyGaveTheShownVariant()
    {
        // The seeded policy explores 30 % of impressions uniformly and otherwise shows the default (first) variant.
        var seeded = (await SqliteArtworkVariants.LoadImpressionsAsync(Location, Cancel)).Where(e => !e.Live).ToList();
        Assert.Equal(SeedPresets.Small.Profiles * 24, seeded.Count);
        Assert.All(seeded, e => Assert.Equal((0.3 / e.Candidates.Count) + (e.Shown == e.Candidates[0] ? 0.7 : 0), e.Propensity!.Value, 12));
        Assert.Contains(seeded, e => e.Explored && e.Shown != e.Candidates[0]);
    }
}
