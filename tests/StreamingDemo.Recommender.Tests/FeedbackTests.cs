using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Tests;

public sealed class FeedbackTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 20, 0, 0, DateTimeKind.Utc);

    private static HomePageRequest Desktop(int profileId, int visit = 0) => new(profileId, DeviceType.Desktop, [], visit);

    private static IEnumerable<int> Visible(HomePage page)
    {
        var layout = DeviceLayout.For(page.Device);
        return page.Rows.SelectMany(r => r.Items.Take(layout.CardsPerRow)).Select(i => i.TitleId);
    }

    [Fact]
    public void ThumbsDownRemovesTitleFromHomePageAndItNeverComesBack()
    {
        var recommender = TrainedWorld.NewRecommender();
        var first = recommender.ComposeHomePage(Desktop(5));
        var disliked = first.Rows.Single(r => r.Kind == RowKind.TopPicks).Items[0].TitleId;

        recommender.Apply(new FeedbackEvent(5, disliked, FeedbackKind.Thumb, Now, ThumbRating.Down));

        for (var visit = 0; visit < 5; visit++)
        {
            var page = recommender.ComposeHomePage(Desktop(5, visit));
            Assert.DoesNotContain(disliked, page.Rows.SelectMany(r => r.Items).Select(i => i.TitleId));
        }

        Assert.DoesNotContain(disliked, recommender.Rank(5, 200).Select(r => r.TitleId));
        Assert.DoesNotContain(disliked, recommender.SimilarTitles(recommender.Rank(5, 1)[0].TitleId, 5, 50).Select(r => r.TitleId));
    }

    [Fact]
    public void UndoingAThumbsDownBringsTheTitleBack()
    {
        var recommender = TrainedWorld.NewRecommender();
        var disliked = recommender.Rank(5, 1)[0].TitleId;
        recommender.Apply(new FeedbackEvent(5, disliked, FeedbackKind.Thumb, Now, ThumbRating.Down));
        Assert.DoesNotContain(disliked, recommender.Rank(5, 200).Select(r => r.TitleId));

        recommender.Apply(new FeedbackEvent(5, disliked, FeedbackKind.ThumbRemoved, Now.AddSeconds(5)));

        Assert.Contains(disliked, recommender.Rank(5, 200).Select(r => r.TitleId));
    }

    [Fact]
    public void UndoingAThumbsDownOnAWatchedTitleKeepsItOutOfTheRanking()
    {
        var recommender = TrainedWorld.NewRecommender();
        var watched = recommender.Rank(6, 1)[0].TitleId;
        recommender.Apply(new FeedbackEvent(6, watched, FeedbackKind.Play, Now, Completion: 1f));
        recommender.Apply(new FeedbackEvent(6, watched, FeedbackKind.Thumb, Now, ThumbRating.Down));

        recommender.Apply(new FeedbackEvent(6, watched, FeedbackKind.ThumbRemoved, Now.AddSeconds(5)));

        Assert.DoesNotContain(watched, recommender.Rank(6, 200).Select(r => r.TitleId));
    }

    [Fact]
    public void PlayingATitleChangesTheRankingAtOnceAndTakesThePlayedTitleOut()
    {
        var recommender = TrainedWorld.NewRecommender();
        var before = recommender.Rank(7, 20).Select(r => r.TitleId).ToList();
        var played = recommender.Rank(7, 60)[45].TitleId;

        recommender.Apply(new FeedbackEvent(7, played, FeedbackKind.Play, Now, Completion: 1f));
        recommender.Apply(new FeedbackEvent(7, played, FeedbackKind.Thumb, Now, ThumbRating.Love));
        var after = recommender.Rank(7, 20).Select(r => r.TitleId).ToList();

        Assert.DoesNotContain(played, after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void LovingATitleRaisesTheMatchOfTitlesLikeIt()
    {
        var recommender = TrainedWorld.NewRecommender();
        var loved = recommender.Rank(9, 200)[150].TitleId;
        var similar = recommender.SimilarTitles(loved, 9, 5).Select(r => r.TitleId).ToList();
        var before = recommender.ScoreTitles(9, similar).Values.Average(r => r.Match);

        recommender.Apply(new FeedbackEvent(9, loved, FeedbackKind.Play, Now, Completion: 1f));
        recommender.Apply(new FeedbackEvent(9, loved, FeedbackKind.Thumb, Now, ThumbRating.Love));
        var after = recommender.ScoreTitles(9, similar).Values.Average(r => r.Match);

        Assert.True(after > before, $"{before:0.000} → {after:0.000}");
    }

    [Fact]
    public void ThreeOnboardingPicksGiveANewProfileAPersonalPageWithoutRetraining()
    {
        var recommender = TrainedWorld.NewRecommender();
        var world = TrainedWorld.World;
        var model = TrainedWorld.Model;
        const int newcomer = 100_000;
        // Three titles mostly in planted community 2's micro-genres.
        var picks = world.Snapshot.Titles.OrderByDescending(t => t.MicroGenreIds.Average(tag => world.CommunityTagAffinity[2, tag - 1])).ThenBy(t => t.Id)
            .Take(3).Select(t => t.Id).ToList();
        Assert.Equal(3, picks.Count);

        foreach (var pick in picks)
        {
            recommender.Apply(new FeedbackEvent(newcomer, pick, FeedbackKind.OnboardingPick, Now));
        }

        var ranking = recommender.Rank(newcomer, 10);
        var inTaste = ranking.Count(r => world.Snapshot.Titles.Single(t => t.Id == r.TitleId).MicroGenreIds.Any(tag => world.CommunityTagAffinity[2, tag - 1] > 0));
        var page = recommender.ComposeHomePage(Desktop(newcomer));

        Assert.Equal(10, ranking.Count);
        Assert.True(inTaste >= 7, $"{inTaste} of 10 in the picked taste");
        Assert.DoesNotContain(ranking, r => picks.Contains(r.TitleId));
        Assert.Contains(page.Rows, r => r.Kind == RowKind.BecauseYouWatched && picks.Contains(r.SeedTitleId!.Value));
        Assert.Equal(3, recommender.GetTaste(newcomer).Communities.Count);
        Assert.Same(model, TrainedWorld.Model);
    }

    [Fact]
    public void ARetrainedModelTakesOverWithoutLosingFeedbackItHasNotSeen()
    {
        var recommender = TrainedWorld.NewRecommender();
        var disliked = recommender.Rank(11, 1)[0].TitleId;
        recommender.Apply(new FeedbackEvent(11, disliked, FeedbackKind.Thumb, Now, ThumbRating.Down));

        // The new model's data was read before the thumb (sequence 0), so the thumb must survive the swap.
        recommender.Swap(TrainedWorld.Model, includedThrough: 0);

        Assert.DoesNotContain(disliked, recommender.Rank(11, 100).Select(r => r.TitleId));
    }

    [Fact]
    public async Task ConcurrentFeedbackFromManyViewersIsNeverLost()
    {
        var recommender = TrainedWorld.NewRecommender();
        var profiles = Enumerable.Range(100, 16).ToArray();
        var disliked = profiles.ToDictionary(p => p, p => recommender.Rank(p, 12).Select(r => r.TitleId).ToArray());

        // Every viewer thumbs down twelve titles while pages for everyone are being composed on other threads.
        var writers = profiles.Select(p => Task.Run(() =>
        {
            foreach (var title in disliked[p])
            {
                recommender.Apply(new FeedbackEvent(p, title, FeedbackKind.Thumb, Now, ThumbRating.Down));
            }
        }, TestContext.Current.CancellationToken));
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(() =>
        {
            for (var i = 0; i < 40; i++)
            {
                recommender.ComposeHomePage(new HomePageRequest(profiles[(i + r) % profiles.Length], DeviceType.Phone, [], i));
            }
        }, TestContext.Current.CancellationToken));
        await Task.WhenAll(writers.Concat(readers));

        Assert.All(profiles, p => Assert.Empty(recommender.Rank(p, 300).Select(r => r.TitleId).Intersect(disliked[p])));
    }
}
