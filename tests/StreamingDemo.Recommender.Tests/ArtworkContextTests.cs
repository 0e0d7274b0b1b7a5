using StreamingDemo.Domain;
using StreamingDemo.Recommender.Artwork;

namespace StreamingDemo.Recommender.Tests;

/// <summary>The artwork bandit's context (V10): taste communities, recent micro-genres and device.</summary>
public sealed class ArtworkContextTests
{
    [Fact]
    public void TheContextHoldsTheCommunityWeightsTheRecentMicroGenreSharesPerFamilyAndTheDevice()
    {
        var context = new ArtworkContext(communityIds: [0, 1], genreIds: [7, 3]);
        var taste = new ProfileTaste(1, [new CommunityWeight(1, "Heist Lovers", 0.6), new CommunityWeight(0, "Cosy Crime", 0.4)])
        {
            RecentMicroGenres =
            [
                new RecentMicroGenre(701, "Slow-burn Detective Series", 7, 0.5),
                new RecentMicroGenre(702, "Stylish Heist Capers", 7, 0.25),
                new RecentMicroGenre(301, "Cosy Village Mysteries", 3, 0.25),
            ],
        };

        // [constant, community 0, community 1, genre 3, genre 7, tv, desktop, tablet, phone]
        Assert.Equal(9, context.Dimension);
        Assert.Equal([1, 0.4, 0.6, 0.25, 0.75, 0, 0, 0, 1], context.For(taste, DeviceType.Phone));
        Assert.Equal([1, 0.4, 0.6, 0.25, 0.75, 1, 0, 0, 0], context.For(taste, DeviceType.Tv));
    }

    [Fact]
    public void RecentViewingInAnotherGenreChangesTheProfilesContextAndTheArtworkPicked()
    {
        var world = TrainedWorld.World;
        var recommender = TrainedWorld.NewRecommender();
        var genres = world.Snapshot.Genres.Select(g => g.Id).ToList();
        var familyOf = world.Snapshot.MicroGenres.ToDictionary(m => m.Id, m => m.GenreId);
        var context = new ArtworkContext(Enumerable.Range(0, recommender.Communities.Count), genres);
        const int profile = 9;
        var before = recommender.GetTaste(profile);
        Assert.NotEmpty(before.RecentMicroGenres);
        Assert.Equal(1.0, before.RecentMicroGenres.Sum(r => r.Share), 9);

        // The genre family the profile has watched least lately, and ten titles wholly in it, played after everything else.
        var recentFamilies = before.RecentMicroGenres.GroupBy(r => r.GenreId).ToDictionary(g => g.Key, g => g.Sum(r => r.Share));
        var inFamily = world.Snapshot.Titles
            .Where(t => t.MicroGenreIds.Count > 0 && t.MicroGenreIds.Select(m => familyOf[m]).Distinct().Count() == 1)
            .GroupBy(t => familyOf[t.MicroGenreIds[0]])
            .Where(g => g.Count() >= ProfileTaste.RecentTitles)
            .OrderBy(g => recentFamilies.GetValueOrDefault(g.Key)).ThenBy(g => g.Key)
            .First();
        var later = world.Snapshot.AsOf.AddDays(1);
        foreach (var (title, i) in inFamily.Take(ProfileTaste.RecentTitles).Select((t, i) => (t, i)))
        {
            recommender.Apply(new FeedbackEvent(profile, title.Id, FeedbackKind.Play, later.AddMinutes(i), Completion: 1f));
        }

        var after = recommender.GetTaste(profile);

        // The last ten titles are all in that family now, so every recent micro-genre is in it and its context feature is 1.
        Assert.All(after.RecentMicroGenres, r => Assert.Equal(inFamily.Key, r.GenreId));
        var familySlot = 1 + recommender.Communities.Count + genres.Order().ToList().IndexOf(inFamily.Key);
        var x0 = context.For(before, DeviceType.Desktop);
        var x1 = context.For(after, DeviceType.Desktop);
        Assert.Equal(recentFamilies.GetValueOrDefault(inFamily.Key), x0[familySlot], 9);
        Assert.Equal(1.0, x1[familySlot], 9);

        // A bandit that learned "viewers into this family lately play romantic artwork, others dark" now picks romantic.
        var bandit = new LinUcbBandit(context.Dimension, alpha: 0);
        var random = new Random(4);
        for (var step = 0; step < 2000; step++)
        {
            var fan = step % 2 == 0;
            var x = fan ? x1 : x0;
            foreach (var theme in new[] { "romantic", "dark" })
            {
                bandit.Observe(x, theme, random.NextDouble() < ((theme == "romantic") == fan ? 0.4 : 0.05));
            }
        }

        Assert.Equal("dark", ArtworkPicker.Pick(bandit, x0, ["dark", "romantic"], 0, profile, 1, 1).Theme);
        Assert.Equal("romantic", ArtworkPicker.Pick(bandit, x1, ["dark", "romantic"], 0, profile, 1, 1).Theme);
    }
}
