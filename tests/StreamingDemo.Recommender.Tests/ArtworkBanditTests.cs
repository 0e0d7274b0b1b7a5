using StreamingDemo.Domain;
using StreamingDemo.Recommender.Artwork;

namespace StreamingDemo.Recommender.Tests;

/// <summary>The artwork bandit (V10) learns planted theme preferences, and replay measures it against the simple policies.</summary>
public sealed class ArtworkBanditTests
{
    private static readonly string[] Themes = ["action", "dark", "romantic"];
    private static readonly string[] CommunityNames = ["Heist Lovers", "Rom-Com Regulars", "Nature Watchers", "Cosy Crime", "Anime Nights", "Space Opera"];

    // Context: [1, likes romance, likes thrills]. Romance fans play "romantic" 40 % of the time, thrill fans "dark" 40 %,
    // everything else 5 %.
    private static double Take(int fan, string theme) => (fan, theme) switch
    {
        (0, "romantic") => 0.40,
        (1, "dark") => 0.40,
        _ => 0.05,
    };

    private static double[] Context(int fan) => fan == 0 ? [1, 1, 0] : [1, 0, 1];

    [Fact]
    public void TheBanditConvergesOnEachAudiencesPlantedFavouriteTheme()
    {
        var bandit = new LinUcbBandit(3, alpha: 0.5);
        var random = new Random(3);
        var lastChoices = new List<(int Fan, string Theme)>();
        for (var step = 0; step < 4000; step++)
        {
            var fan = step % 2;
            var x = Context(fan);
            var theme = bandit.Choose(x, Themes);
            bandit.Observe(x, theme, random.NextDouble() < Take(fan, theme));
            if (step >= 3000)
            {
                lastChoices.Add((fan, theme));
            }
        }

        Assert.Equal("romantic", bandit.Choose(Context(0), Themes));
        Assert.Equal("dark", bandit.Choose(Context(1), Themes));
        // Once converged, at least 90 % of the last thousand choices are the audience's favourite.
        var right = lastChoices.Count(c => c.Theme == (c.Fan == 0 ? "romantic" : "dark"));
        Assert.True(right >= 900, $"{right} of 1000 late choices were the favourite");
        Assert.Equal(0.40, bandit.Expected("romantic", Context(0)), 1);
    }

    [Fact]
    public void APlayAfterAnImpressionCountsAsOnePlayedImpression()
    {
        var once = new LinUcbBandit(3, alpha: 0);
        once.Observe(Context(0), "dark", played: true);
        var twoSteps = new LinUcbBandit(3, alpha: 0);
        twoSteps.Observe(Context(0), "dark", played: false);
        twoSteps.ObservePlayAfterImpression(Context(0), "dark");

        // One impression with reward 1 and ridge prior I: θ = (I + xxᵀ)⁻¹x, θ·x = |x|²/(1+|x|²) = 2/3.
        Assert.Equal(2 / 3.0, once.Expected("dark", Context(0)), 9);
        Assert.Equal(once.Expected("dark", Context(0)), twoSteps.Expected("dark", Context(0)), 12);
        Assert.Equal(1, twoSteps.Plays);
        Assert.Equal(1, twoSteps.Impressions);
    }

    [Fact]
    public void ASavedBanditLoadsWithTheSameEstimatesAndABadFileIsIgnored()
    {
        var bandit = new LinUcbBandit(3, alpha: 0.2);
        bandit.Observe(Context(0), "romantic", played: true);
        bandit.Observe(Context(1), "dark", played: false);
        using var stream = new MemoryStream();
        bandit.Save(stream);
        stream.Position = 0;

        var loaded = LinUcbBandit.Load(stream);

        Assert.NotNull(loaded);
        Assert.Equal(bandit.UpperBound("romantic", Context(0)), loaded.UpperBound("romantic", Context(0)), 12);
        Assert.Equal(bandit.UpperBound("dark", Context(1)), loaded.UpperBound("dark", Context(1)), 12);
        Assert.Null(LinUcbBandit.Load(new MemoryStream("{\"Dimension\":3,\"Arms\":[{\"Theme\":\"x\",\"Inverse\":[1],\"Rewards\":[1]}]}"u8.ToArray())));
        Assert.Null(LinUcbBandit.Load(new MemoryStream("not json"u8.ToArray())));
    }

    [Fact]
    public void TheSavedFormatIsTheDocumentedJsonAndASnapshotWritesItByteForByte()
    {
        // x = [1, 0] played on "dark": A = I + xxᵀ = diag(2, 1), so A⁻¹ = diag(0.5, 1) and b = x. x = [0, 1] not played on
        // "action": A⁻¹ = diag(1, 0.5), b = 0. Arms in theme order, as every artwork-bandit*.json on disk has them.
        const string Expected = """{"Dimension":2,"Alpha":0.5,"Arms":[{"Theme":"action","Inverse":[1,0,0,0.5],"Rewards":[0,0],"Impressions":1,"Plays":0},{"Theme":"dark","Inverse":[0.5,0,0,1],"Rewards":[1,0],"Impressions":1,"Plays":1}]}""";
        var bandit = new LinUcbBandit(2, alpha: 0.5);
        bandit.Observe([1, 0], "dark", played: true);
        bandit.Observe([0, 1], "action", played: false);

        Assert.Equal(Expected, Text(bandit.Save));
        Assert.Equal(Expected, Text(bandit.Snapshot().Save));
        // A file in that format loads and saves again unchanged.
        var loaded = LinUcbBandit.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Expected)));
        Assert.NotNull(loaded);
        Assert.Equal(Expected, Text(loaded.Snapshot().Save));
    }

    [Fact]
    public async Task ASnapshotKeepsTheStateOfItsInstantWhileTheBanditLearnsOn()
    {
        var bandit = new LinUcbBandit(3, alpha: 0.2);
        var random = new Random(7);
        for (var step = 0; step < 200; step++)
        {
            var fan = step % 2;
            bandit.Observe(Context(fan), Themes[random.Next(Themes.Length)], random.NextDouble() < 0.3);
        }

        var before = Bytes(bandit.Save);
        var snapshot = bandit.Snapshot();

        // Learning after the snapshot changes the arms' arrays in place (A⁻¹ and b of "romantic" and "dark") and adds an arm.
        bandit.Observe(Context(0), "romantic", played: true);
        bandit.Observe(Context(1), "dark", played: false);
        bandit.ObservePlayAfterImpression(Context(1), "dark");
        bandit.Observe(Context(0), "ensemble", played: false);

        Assert.Equal(before, Bytes(snapshot.Save));
        using var written = new MemoryStream();
        await snapshot.SaveAsync(written, TestContext.Current.CancellationToken);
        Assert.Equal(before, written.ToArray());
        Assert.NotEqual(before, Bytes(bandit.Save));

        // The snapshot round-trips: loaded, it is the bandit of 200 impressions, before the three (and a play) learned since.
        var restored = LinUcbBandit.Load(new MemoryStream(before))!;
        Assert.Equal(200, restored.Impressions);
        Assert.Equal(203, bandit.Impressions);
        Assert.Equal(before, Bytes(restored.Save));
    }

    [Fact]
    public void ReplayOnPlantedPreferencesRanksLearnedAboveSingleBestAboveNothing()
    {
        var (truth, variants) = PlantedArtworkWorld();
        var log = ArtworkLog.Generate(truth, variants, new ArtworkLogOptions(Seed: 5, ImpressionsPerProfile: 40, ExplorationShare: 0.5));
        var communities = truth.Communities.Select(c => c.Id).ToList();
        var context = new ArtworkContext(communities, genreIds: []);
        var memberships = truth.Memberships.GroupBy(m => m.ProfileId).ToDictionary(g => g.Key, g => (IReadOnlyList<CommunityWeight>)[.. g.Select(m => new CommunityWeight(m.CommunityId, "c", m.Weight))]);

        var report = ArtworkReplay.Run(log, (profile, device) => context.For(new ProfileTaste(profile, memberships[profile]), device), context.Dimension, alpha: 0.1);

        var take = report.Policies.ToDictionary(p => p.Name, p => p.TakeFraction);
        Assert.Equal([ArtworkReplay.Learned, ArtworkReplay.Random, ArtworkReplay.SingleBest], report.Policies.Select(p => p.Name));
        Assert.True(take[ArtworkReplay.Learned] > take[ArtworkReplay.SingleBest] + 0.05, $"learned {take[ArtworkReplay.Learned]:0.000} vs single-best {take[ArtworkReplay.SingleBest]:0.000}");
        Assert.True(take[ArtworkReplay.Learned] > take[ArtworkReplay.Random] + 0.05, $"learned {take[ArtworkReplay.Learned]:0.000} vs random {take[ArtworkReplay.Random]:0.000}");
        // Half of the log explored, and only those impressions are replayed.
        Assert.Equal(0.5, report.ExplorationShare, 1);
        Assert.Equal(log.Count, report.LoggedImpressions);
        Assert.True(report.Policies.Sum(p => p.Impressions) < log.Count(e => e.Explored));
    }

    [Fact]
    public void LiveImpressionsJoinTheReplayButOnlyTheExploredOnesAreScored()
    {
        var (truth, variants) = PlantedArtworkWorld();
        var log = ArtworkLog.Generate(truth, variants, new ArtworkLogOptions(Seed: 5, ImpressionsPerProfile: 40, ExplorationShare: 0.5));
        var communities = truth.Communities.Select(c => c.Id).ToList();
        var context = new ArtworkContext(communities, genreIds: []);
        var memberships = truth.Memberships.GroupBy(m => m.ProfileId).ToDictionary(g => g.Key, g => (IReadOnlyList<CommunityWeight>)[.. g.Select(m => new CommunityWeight(m.CommunityId, "c", m.Weight))]);
        ArtworkReplayReport Replay(IReadOnlyList<LoggedImpression> impressions) =>
            ArtworkReplay.Run(impressions, (profile, device) => context.For(new ProfileTaste(profile, memberships[profile]), device), context.Dimension, alpha: 0.1);
        var seeded = Replay(log);
        var explored = log.Count(e => e.Explored);

        // The bandit's own live picks are counted but not scored: the policies' figures do not move.
        var picked = log.Take(10).Select(e => e with { Explored = false, Live = true }).ToList();
        var withPicks = Replay([.. log, .. picked]);
        Assert.Equal(seeded.Policies, withPicks.Policies);
        Assert.Equal(log.Count + 10, withPicks.LoggedImpressions);
        Assert.Equal((10, 0, 0, explored), (withPicks.LiveImpressions, withPicks.LiveExploredImpressions, withPicks.LiveScoredImpressions, withPicks.ExploredImpressions));
        Assert.Equal((double)explored / (log.Count + 10), withPicks.ExplorationShare, 12);

        // Live explored impressions are replayed: they come last, so they land in the scored half.
        var live = log.Where(e => e.Explored).Take(6).Select(e => e with { Live = true }).ToList();
        var withExplored = Replay([.. log, .. picked, .. live]);
        Assert.Equal((16, 6, 6, explored + 6), (withExplored.LiveImpressions, withExplored.LiveExploredImpressions, withExplored.LiveScoredImpressions, withExplored.ExploredImpressions));
        Assert.NotEqual(seeded.Policies, withExplored.Policies);
    }

    [Fact]
    public void APickStatesTheChanceItsPolicyGaveTheShownVariant()
    {
        var bandit = new LinUcbBandit(3, alpha: 0.1);
        var random = new Random(11);
        for (var step = 0; step < 3000; step++)
        {
            var fan = step % 2;
            var theme = Themes[random.Next(Themes.Length)];
            bandit.Observe(Context(fan), theme, random.NextDouble() < Take(fan, theme));
        }

        // Never exploring: always the bandit's pick. Always exploring: a third each.
        Assert.Equal(1.0, ArtworkPicker.Pick(bandit, Context(0), Themes, explorationRate: 0, profileId: 1, titleId: 10, visit: 1).Propensity, 12);
        Assert.Equal(1.0 / 3, ArtworkPicker.Pick(bandit, Context(0), Themes, explorationRate: 1, profileId: 1, titleId: 10, visit: 2).Propensity, 12);

        // At 10 %: 0.1 ÷ 3 for an explored variant other than the pick, 0.1 ÷ 3 + 0.9 for the bandit's own pick ("romantic").
        var picks = Enumerable.Range(1, 400).Select(profile => ArtworkPicker.Pick(bandit, Context(0), Themes, explorationRate: 0.1, profile, titleId: 10, visit: 1)).ToList();
        Assert.All(picks, pick => Assert.Equal(pick.Theme == "romantic" ? (0.1 / 3) + 0.9 : 0.1 / 3, pick.Propensity, 12));
        Assert.Contains(picks, pick => pick.Explored && pick.Theme != "romantic");
        Assert.Contains(picks, pick => !pick.Explored);
    }

    [Fact]
    public void OneProfileExploresAtTheRateAcrossItsVisitsNotOnceForAllOfThem()
    {
        var bandit = new LinUcbBandit(3, alpha: 0.1);
        // One profile, one title, visits 1..2,000 at a 10 % exploration rate: a fair coin per visit explores 200 times
        // (standard deviation 13.4; 150..250 is more than 3.7 of them either side), and every visit's explored theme is uniform.
        var picks = Enumerable.Range(1, 2000).Select(visit => ArtworkPicker.Pick(bandit, Context(0), Themes, explorationRate: 0.1, profileId: 7, titleId: 10, visit)).ToList();
        var explored = picks.Where(p => p.Explored).ToList();
        Assert.InRange(explored.Count, 150, 250);
        // Neighbouring visits decide independently: a decision flips between two visits with chance 2 × 0.1 × 0.9 = 0.18, ≈ 360 times in 1,999.
        var flips = picks.Zip(picks.Skip(1)).Count(pair => pair.First.Explored != pair.Second.Explored);
        Assert.InRange(flips, 290, 430);
        Assert.All(Themes, theme => Assert.InRange(explored.Count(p => p.Theme == theme), explored.Count / 6, explored.Count / 2));
    }

    [Fact]
    public void TheSameSeedLogsTheSameImpressionsAndThePlantedRuleIsTheDocumentedOne()
    {
        var (truth, variants) = PlantedArtworkWorld();
        var a = ArtworkLog.Generate(truth, variants, new ArtworkLogOptions(Seed: 9, ImpressionsPerProfile: 5));
        var b = ArtworkLog.Generate(truth, variants, new ArtworkLogOptions(Seed: 9, ImpressionsPerProfile: 5));
        Assert.Equal(a, b, (x, y) => x.ProfileId == y.ProfileId && x.TitleId == y.TitleId && x.Shown == y.Shown && x.Played == y.Played && x.Device == y.Device);

        var themes = ArtworkLog.Themes(variants);
        var (favourite, second) = ArtworkLog.PlantedPreference("Heist Lovers", themes);
        Assert.NotEqual(favourite, second);
        // Weight 0.7 in a community whose favourite it is: 4 % + 30 % × 0.7.
        Assert.Equal(0.04 + (0.30 * 0.7), ArtworkLog.PlantedTake([("Heist Lovers", 0.7)], favourite, themes), 9);
        Assert.Equal(0.04 + (0.12 * 0.7), ArtworkLog.PlantedTake([("Heist Lovers", 0.7)], second, themes), 9);
    }

    [Fact]
    public void TwoProfilesWithDifferentTastesArePickedDifferentArtworkForTheSameTitle()
    {
        var bandit = new LinUcbBandit(3, alpha: 0.1);
        var random = new Random(11);
        for (var step = 0; step < 3000; step++)
        {
            var fan = step % 2;
            var theme = Themes[random.Next(Themes.Length)];
            bandit.Observe(Context(fan), theme, random.NextDouble() < Take(fan, theme));
        }

        // Exploration off: the pick is the bandit's, and says what it expects against the default (first) variant.
        var romanceFan = ArtworkPicker.Pick(bandit, Context(0), Themes, explorationRate: 0, profileId: 1, titleId: 10, visit: 1);
        var thrillFan = ArtworkPicker.Pick(bandit, Context(1), Themes, explorationRate: 0, profileId: 2, titleId: 10, visit: 1);

        Assert.Equal("romantic", romanceFan.Theme);
        Assert.Equal("dark", thrillFan.Theme);
        Assert.False(romanceFan.Explored);
        Assert.True(romanceFan.ExpectedTake > romanceFan.DefaultExpectedTake + 0.2);
        // Always exploring: a uniform pick, the same for the same profile, title and visit.
        var explored = ArtworkPicker.Pick(bandit, Context(0), Themes, explorationRate: 1, profileId: 1, titleId: 10, visit: 1);
        Assert.True(explored.Explored);
        Assert.Equal(explored, ArtworkPicker.Pick(bandit, Context(0), Themes, explorationRate: 1, profileId: 1, titleId: 10, visit: 1));
    }

    private static byte[] Bytes(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }

    private static string Text(Action<Stream> save) => System.Text.Encoding.UTF8.GetString(Bytes(save));

    private static (GroundTruth Truth, Dictionary<int, IReadOnlyList<string>> Variants) PlantedArtworkWorld()
    {
        string[] themes = ["action", "comedic", "dark", "ensemble", "family", "romantic"];
        var communities = CommunityNames.Select((name, i) => new PlantedCommunityInfo(i + 1, name, IsKids: false)).ToList();
        var memberships = new List<PlantedMembershipInfo>();
        var random = new Random(1);
        for (var profile = 1; profile <= 600; profile++)
        {
            var main = 1 + (profile % communities.Count);
            var other = 1 + ((profile / communities.Count) % communities.Count);
            memberships.Add(new PlantedMembershipInfo(profile, 1, main, 0.8f));
            if (other != main)
            {
                memberships.Add(new PlantedMembershipInfo(profile, 2, other, 0.2f));
            }
        }

        var variants = new Dictionary<int, IReadOnlyList<string>>();
        for (var title = 1; title <= 50; title++)
        {
            var shuffled = themes.ToArray();
            random.Shuffle(shuffled);
            variants[title] = shuffled.Take(4).ToArray();
        }

        return (new GroundTruth(communities, [], memberships), variants);
    }
}
