using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StreamingDemo.Data.Interactive;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Interactive;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Interactive;
using StreamingDemo.Web.Features.Operations;
using StreamingDemo.Web.Features.Security;

namespace StreamingDemo.Web.Tests;

/// <summary>Playing an interactive title: every choice saved through the one feedback path, endings found, replays.</summary>
[Collection(nameof(SeededStoreCollection))]
public sealed class InteractiveTitleTests(SeededStore seeded) : IAsyncLifetime
{
    private StoreCopy store = null!;
    private RecordingRecommender recommender = null!;
    private FeedbackService feedback = null!;
    private InteractiveService interactive = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        store = new StoreCopy(seeded);
        recommender = new RecordingRecommender(store.Contexts);
        feedback = new FeedbackService(store.Contexts, recommender, TimeProvider.System, new StoreWriteGate(), Options.Create(new RateLimitOptions()));
        interactive = new InteractiveService(store.Contexts, new NoCommunities());
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task StartingAStoryOpensAPlaythroughAndAViewingAtTheFirstScene()
    {
        var (profile, title, story) = await FreshViewerAsync();

        var started = await feedback.StartStoryAsync(profile, title, DeviceType.Tablet, Cancel);

        Assert.Equal(story.Start, started.SceneId);
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var play = await db.StoryPlays.SingleAsync(p => p.Id == started.PlayId, Cancel);
        Assert.Equal((profile, title, "", (string?)null), (play.ProfileId, play.TitleId, play.Path, play.EndingSceneId));
        Assert.Equal(DeviceType.Tablet, (await db.ViewingSessions.SingleAsync(s => s.Id == started.SessionId, Cancel)).Device);
    }

    [Fact]
    public async Task AChoiceIsOnThePathBeforeTheRecommenderHearsWhatItLeansTo()
    {
        var (profile, title, story) = await FreshViewerAsync();
        var started = await feedback.StartStoryAsync(profile, title, DeviceType.Tv, Cancel);
        var choice = story.Scene(story.Start).Choices[1];

        var result = await feedback.ChooseAsync(started.PlayId!.Value, choice.Id, Cancel);

        Assert.Equal(choice.Next, result.SceneId);
        Assert.False(result.Finished);
        var applied = recommender.Applied[^1];
        Assert.True(applied.AlreadySaved);
        Assert.Equal(FeedbackKind.StoryChoice, applied.Event.Kind);
        Assert.Equal(choice.Leanings, applied.Event.Leanings);
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(choice.Id, (await db.StoryPlays.SingleAsync(p => p.Id == started.PlayId, Cancel)).Path);
    }

    [Fact]
    public async Task AChoiceNotOfferedAtTheCurrentSceneIsRefusedAndChangesNothing()
    {
        var (profile, title, story) = await FreshViewerAsync();
        var started = await feedback.StartStoryAsync(profile, title, DeviceType.Tv, Cancel);
        var later = story.Scene(story.Scene(story.Start).Choices[0].Next).Choices[0];
        var heard = recommender.Applied.Count;

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => feedback.ChooseAsync(started.PlayId!.Value, later.Id, Cancel));

        Assert.Contains($"is not a choice offered at scene '{story.Start}'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(heard, recommender.Applied.Count);
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal("", (await db.StoryPlays.SingleAsync(p => p.Id == started.PlayId, Cancel)).Path);
    }

    [Fact]
    public async Task ReachingAnEndingFinishesThePlayAndAReplayFindsASecondEnding()
    {
        var (profile, title, story) = await FreshViewerAsync();
        Assert.Equal(new EndingsFound(0, story.Endings.Count(), []).Label, (await interactive.EndingsFoundAsync(profile, title, Cancel))!.Label);

        var first = await PlayAsync(profile, title, story, pick: 0);
        var second = await PlayAsync(profile, title, story, pick: 1);

        Assert.NotEqual(first, second);
        var found = await interactive.EndingsFoundAsync(profile, title, Cancel);
        Assert.Equal($"2 of {story.Endings.Count()}", found!.Label);
        Assert.Equal(story.Endings.Where(e => e.Id == first || e.Id == second).Select(e => e.Ending), found.FoundNames);
    }

    [Fact]
    public async Task AnEndedPlayTakesNoMoreChoices()
    {
        var (profile, title, story) = await FreshViewerAsync();
        var started = await feedback.StartStoryAsync(profile, title, DeviceType.Tv, Cancel);
        var scene = story.Scene(story.Start);
        while (!scene.IsEnding)
        {
            scene = story.Scene((await feedback.ChooseAsync(started.PlayId!.Value, scene.DefaultChoice!.Id, Cancel)).SceneId!);
        }

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => feedback.ChooseAsync(started.PlayId!.Value, story.Scene(story.Start).Choices[0].Id, Cancel));

        Assert.Contains("has already ended", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrdinaryTitleCannotBePlayedAsAStory()
    {
        var (profile, _, _) = await FreshViewerAsync();
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var ordinary = await db.Titles.Where(t => !db.InteractiveTitles.Any(i => i.TitleId == t.Id)).Select(t => t.Id).FirstAsync(Cancel);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => feedback.StartStoryAsync(profile, ordinary, DeviceType.Tv, Cancel));

        Assert.Equal($"Title {ordinary} is not interactive. (Parameter 'titleId')", refused.Message);
        Assert.Null(await interactive.EndingsFoundAsync(profile, ordinary, Cancel));
        Assert.False(await db.StoryPlays.AnyAsync(p => p.TitleId == ordinary, Cancel));
    }

    [Fact]
    public async Task TheStudioListsEverySeededInteractiveTitleWithItsViewers()
    {
        var titles = await interactive.ListAsync(Cancel);

        Assert.Equal(4, titles.Count);
        Assert.Equal(3, titles.Count(t => t.IsKids));
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        foreach (var title in titles)
        {
            var viewers = await db.StoryPlays.Where(p => p.TitleId == title.TitleId).Select(p => p.ProfileId).Distinct().CountAsync(Cancel);
            Assert.Equal(viewers, title.Analysis.Viewers);
        }
    }

    /// <summary>Plays the story taking choice <paramref name="pick"/> (or the last one offered) at every decision; returns the ending's scene.</summary>
    private async Task<string> PlayAsync(int profile, int title, StoryGraph story, int pick)
    {
        var started = await feedback.StartStoryAsync(profile, title, DeviceType.Tv, Cancel);
        var scene = story.Scene(started.SceneId!);
        FeedbackResult result;
        do
        {
            result = await feedback.ChooseAsync(started.PlayId!.Value, scene.Choices[Math.Min(pick, scene.Choices.Count - 1)].Id, Cancel);
            scene = story.Scene(result.SceneId!);
        }
        while (!result.Finished);

        Assert.True(scene.IsEnding);
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        Assert.Equal(scene.Id, (await db.StoryPlays.SingleAsync(p => p.Id == started.PlayId, Cancel)).EndingSceneId);
        return scene.Id;
    }

    private async Task<(int Profile, int Title, StoryGraph Story)> FreshViewerAsync()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var attached = await db.InteractiveTitles.OrderBy(t => t.TitleId).FirstAsync(Cancel);
        var profile = await db.Profiles.Where(p => !db.StoryPlays.Any(s => s.ProfileId == p.Id && s.TitleId == attached.TitleId))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Cancel);
        return (profile, attached.TitleId, InteractiveStories.Default.Find(attached.StoryKey)!);
    }

    private sealed class NoCommunities : ITasteCommunityAtlas
    {
        public string ModelVersion => "";

        public IReadOnlyList<CommunityProfile> Communities => [];

        public IReadOnlyList<int> MemberIds(int communityId) => [];

        public IReadOnlyDictionary<int, int> DominantCommunities { get; } = new Dictionary<int, int>();
    }
}
