using StreamingDemo.Domain;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender.Tests;

/// <summary>Choices in interactive titles feed the profile's taste (V11): always picking one kind of branch leans the page towards it.</summary>
public sealed class StoryChoiceTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 20, 0, 0, DateTimeKind.Utc);

    /// <summary>A micro-genre of a planted community the profile does not belong to, and the titles carrying it.</summary>
    private static (string Slug, HashSet<int> Titles) ForeignTag(int profileId)
    {
        var mine = TrainedWorld.World.Mixtures[profileId].Select(m => m.Community).ToHashSet();
        var community = Enumerable.Range(0, 6).First(c => !mine.Contains(c));
        var tag = (community * 4) + 1;
        var titles = TrainedWorld.World.Snapshot.Titles.Where(t => t.MicroGenreIds.Contains(tag)).Select(t => t.Id).ToHashSet();
        return ($"tag-{tag}", titles);
    }

    private static double MeanMicroGenreScore(StreamingRecommender recommender, int profileId, IReadOnlyCollection<int> titles) =>
        recommender.ScoreTitles(profileId, titles).Values.Average(t => t.Explanation.GeneratorScores["micro-genre-affinity"]);

    [Fact]
    public void AViewerWhoKeepsPickingOneKindOfBranchLeansTowardsItsMicroGenre()
    {
        var recommender = TrainedWorld.NewRecommender();
        const int profile = 5;
        var (slug, tagged) = ForeignTag(profile);
        var others = TrainedWorld.World.Snapshot.Titles.Select(t => t.Id).Where(id => !tagged.Contains(id)).ToList();
        var taggedBefore = MeanMicroGenreScore(recommender, profile, tagged);
        var othersBefore = MeanMicroGenreScore(recommender, profile, others);

        // One story, three decisions, the same kind of branch every time.
        for (var i = 0; i < 3; i++)
        {
            recommender.Apply(new FeedbackEvent(profile, 1, FeedbackKind.StoryChoice, Now.AddMinutes(i), Leanings: [slug]));
        }

        var taggedAfter = MeanMicroGenreScore(recommender, profile, tagged);
        var othersAfter = MeanMicroGenreScore(recommender, profile, others);
        Assert.True(taggedAfter > 2 * taggedBefore, $"{slug} titles' micro-genre affinity went from {taggedBefore:0.000} to {taggedAfter:0.000}");
        Assert.True(othersAfter <= othersBefore, $"other titles' micro-genre affinity went from {othersBefore:0.000} to {othersAfter:0.000}");
    }

    [Fact]
    public void AChoiceLeansTheTasteWithoutCountingAsAWatchedTitle()
    {
        var recommender = TrainedWorld.NewRecommender();
        const int profile = 7;
        var (slug, _) = ForeignTag(profile);
        var ranked = recommender.Rank(profile, 500).Select(r => r.TitleId).ToHashSet();
        var unwatched = ranked.First();

        recommender.Apply(new FeedbackEvent(profile, unwatched, FeedbackKind.StoryChoice, Now, Leanings: [slug]));

        // The title the story belongs to is not excluded as watched by the choice alone (the play itself does that).
        Assert.Contains(unwatched, recommender.Rank(profile, 500).Select(r => r.TitleId));
    }

    [Fact]
    public void ChoicesLeaningToUnknownMicroGenresChangeNothing()
    {
        var recommender = TrainedWorld.NewRecommender();
        const int profile = 9;
        var before = recommender.Rank(profile, 30).Select(r => r.TitleId).ToList();

        recommender.Apply(new FeedbackEvent(profile, 1, FeedbackKind.StoryChoice, Now, Leanings: ["no-such-micro-genre"]));

        Assert.Equal(before, recommender.Rank(profile, 30).Select(r => r.TitleId));
    }
}
