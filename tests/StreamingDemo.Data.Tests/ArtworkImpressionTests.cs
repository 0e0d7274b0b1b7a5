using StreamingDemo.Domain;

namespace StreamingDemo.Data.Tests;

/// <summary>V10: a seeded store logs artwork impressions whose plays follow the planted theme preferences.</summary>
public sealed class ArtworkImpressionTests(SmallStoreFixture store) : IClassFixture<SmallStoreFixture>
{
    [Fact]
    public async Task TheStoreHoldsExactlyTheLogThePlantedRuleGeneratesForItsSeed()
    {
        var ct = TestContext.Current.CancellationToken;
        var location = new StoreLocation(store.DatabasePath);
        var truth = await new SqliteGroundTruthSource(location).LoadAsync(ct);
        var variants = await SqliteArtworkVariants.LoadAsync(location, ct);

        var stored = await SqliteArtworkVariants.LoadImpressionsAsync(location, ct);
        var expected = ArtworkLog.Generate(truth!, variants, new ArtworkLogOptions(Seed: 7));

        // Every seeded profile (1,000 in small, under the 4,000 cap) logs 24 impressions, each with its title's variants.
        Assert.Equal(SeedPresets.Small.Profiles * 24, stored.Count);
        Assert.Equal(expected.Count, stored.Count);
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(expected[i] with { Candidates = [] }, stored[i] with { Candidates = [] });
            Assert.Equal(expected[i].Candidates, stored[i].Candidates);
        }
    }

    [Fact]
    public async Task ExploredImpressionsArePlayedAtThePlantedRateOfTheirTheme()
    {
        var ct = TestContext.Current.CancellationToken;
        var location = new StoreLocation(store.DatabasePath);
        var truth = (await new SqliteGroundTruthSource(location).LoadAsync(ct))!;
        var log = await SqliteArtworkVariants.LoadImpressionsAsync(location, ct);
        var themes = ArtworkLog.Themes(await SqliteArtworkVariants.LoadAsync(location, ct));
        var names = truth.Communities.ToDictionary(c => c.Id, c => c.Name);
        var memberships = truth.Memberships.GroupBy(m => m.ProfileId)
            .ToDictionary(g => g.Key, g => g.Select(m => (names[m.CommunityId], (double)m.Weight)).ToList());
        var explored = log.Where(e => e.Explored).ToList();

        // About 30 % explore, each showing a uniformly chosen variant.
        Assert.InRange((double)explored.Count / log.Count, 0.29, 0.31);

        // Split the explored impressions by whether they showed the favourite theme of the profile's strongest community:
        // in each group the plays match the planted chances within three standard errors, and the favourite is played
        // far more often.
        var favourite = explored.ToLookup(e => e.Shown == ArtworkLog.PlantedPreference(memberships[e.ProfileId][0].Item1, themes).Favourite);
        foreach (var group in new[] { favourite[true].ToList(), favourite[false].ToList() })
        {
            var chances = group.Select(e => ArtworkLog.PlantedTake(memberships[e.ProfileId], e.Shown, themes)).ToList();
            var expected = chances.Average();
            var standardError = Math.Sqrt(chances.Sum(p => p * (1 - p))) / group.Count;
            var observed = (double)group.Count(e => e.Played) / group.Count;
            Assert.InRange(observed, expected - (3 * standardError), expected + (3 * standardError));
        }

        var favouriteTake = (double)favourite[true].Count(e => e.Played) / favourite[true].Count();
        var otherTake = (double)favourite[false].Count(e => e.Played) / favourite[false].Count();
        Assert.True(favouriteTake > 2 * otherTake, $"favourite theme played {favouriteTake:P1}, others {otherTake:P1}");
    }
}
