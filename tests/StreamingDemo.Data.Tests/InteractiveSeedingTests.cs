using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data.Entities;
using StreamingDemo.Data.Interactive;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Interactive;

namespace StreamingDemo.Data.Tests;

/// <summary>The seeder makes real titles interactive and plays them the way each profile's planted taste leans.</summary>
public sealed class InteractiveSeedingTests(DemoWorldWithStoriesFixture fixture, SmallStoreFixture store) : IClassFixture<DemoWorldWithStoriesFixture>, IClassFixture<SmallStoreFixture>
{
    private SeededWorld World => fixture.World;

    [Fact]
    public void EachStoryIsAttachedToADifferentMovieOfItsAudienceCarryingItsMicroGenres()
    {
        var titles = World.Titles.ToDictionary(t => t.Id);
        var slugs = World.MicroGenres.ToDictionary(m => m.Id, m => m.Slug);

        Assert.Equal(InteractiveStories.Default.Stories.Count, World.InteractiveTitles.Select(t => t.TitleId).Distinct().Count());
        Assert.All(World.InteractiveTitles, attached =>
        {
            var story = InteractiveStories.Default.Find(attached.StoryKey)!;
            var title = titles[attached.TitleId];
            Assert.Equal(story.Audience == StoryAudience.Kids, title.IsKids);
            Assert.Equal(TitleKind.Movie, title.Kind);
            Assert.Contains(title.Tags, t => story.MicroGenres.Contains(slugs[t.MicroGenreId]));
        });
    }

    [Fact]
    public void EveryViewerOfAnInteractiveTitlePlaysItToAnEndingAlongAValidPath()
    {
        var interactive = World.InteractiveTitles.ToDictionary(t => t.TitleId, t => InteractiveStories.Default.Find(t.StoryKey)!);
        var viewers = World.Sessions.Where(s => interactive.ContainsKey(s.TitleId)).Select(s => (s.ProfileId, s.TitleId)).ToHashSet();

        Assert.Equal(viewers, World.StoryPlays.Select(p => (p.ProfileId, p.TitleId)).ToHashSet());
        Assert.All(World.StoryPlays, play =>
        {
            var story = interactive[play.TitleId];
            var end = StoryPaths.SceneAfter(story, play.Path.Split(StoryPlay.PathSeparator));
            Assert.True(end.IsEnding);
            Assert.Equal(end.Id, play.EndingSceneId);
        });
        Assert.Contains(World.StoryPlays.GroupBy(p => (p.ProfileId, p.TitleId)), g => g.Count() == 2);
    }

    [Fact]
    public void ProfilesPickTheBranchTheirPlantedTasteLeansTo()
    {
        // Over every decision taken, split the viewers by which of the two offered choices their planted communities like more.
        var affinity = World.Affinities.GroupBy(a => a.CommunityId).ToDictionary(g => g.Key, g => g.ToDictionary(a => a.MicroGenreId, a => (double)a.Weight));
        var micro = World.MicroGenres.ToDictionary(m => m.Slug, m => m.Id);
        var members = World.Memberships.GroupBy(m => m.ProfileId).ToDictionary(g => g.Key, g => g.ToArray());
        double Liking(int profile, StoryChoice choice) => choice.Leanings.Average(slug =>
            members[profile].Sum(m => m.Weight * affinity[m.CommunityId].GetValueOrDefault(micro[slug])));

        var agreed = 0;
        var decided = 0;
        foreach (var play in World.StoryPlays.DistinctBy(p => (p.ProfileId, p.TitleId)))
        {
            var story = InteractiveStories.Default.Find(play.StoryKey)!;
            foreach (var id in play.Path.Split(StoryPlay.PathSeparator))
            {
                var (scene, taken) = story.FindChoice(id)!.Value;
                if (scene.Choices.Count != 2)
                {
                    continue;
                }

                var other = scene.Choices.Single(c => c != taken);
                var (mine, theirs) = (Liking(play.ProfileId, taken), Liking(play.ProfileId, other));
                if (Math.Abs(mine - theirs) < 0.15)
                {
                    continue;
                }

                decided++;
                agreed += mine > theirs ? 1 : 0;
            }
        }

        Assert.True(decided > 200, $"only {decided} decisions with a clear planted preference");
        // First plays: a softmax with sharpness 5 over a gap of at least 0.15 picks the liked branch at least 68% of the time.
        Assert.True(agreed / (double)decided > 0.68, $"{agreed} of {decided} decisions followed the planted taste");
    }

    [Fact]
    public async Task TheSeededStoreHoldsTheInteractiveTitlesAndTheirPlays()
    {
        await using var context = new StreamingDbContext(new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite($"Data Source={store.DatabasePath};Pooling=False").Options);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(4, await context.InteractiveTitles.CountAsync(ct));
        var plays = await context.StoryPlays.ToListAsync(ct);
        Assert.NotEmpty(plays);
        Assert.All(plays, p => Assert.NotNull(p.EndingSceneId));
    }
}

/// <summary>The demo world with its interactive titles and plays, generated once.</summary>
public sealed class DemoWorldWithStoriesFixture
{
    public DemoWorldWithStoriesFixture()
    {
        World = new WorldGenerator(SeedVocabulary.Default, SeedPresets.Demo, seed: 42).Generate();
        StoryPlayGenerator.Generate(World, InteractiveStories.Default, seed: 42);
    }

    internal SeededWorld World { get; }
}
