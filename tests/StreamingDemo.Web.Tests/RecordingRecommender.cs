using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Tests;

/// <summary>
/// An <see cref="IRecommender"/> that records the feedback folded into it and, at that moment, whether the store already
/// holds it (a thumb row with that rating, a viewing session of that title) — the "saved before applied" rule.
/// </summary>
public sealed class RecordingRecommender(IDbContextFactory<StreamingDbContext> contexts) : IRecommender
{
    public List<(FeedbackEvent Event, bool AlreadySaved)> Applied { get; } = [];

    public int ScoreCalls { get; private set; }

    public IReadOnlyList<int> LastScored { get; private set; } = [];

    /// <summary>The match % every scored title gets.</summary>
    public double Match { get; set; } = 0.87;

    public RecommenderStatus Status => new(true, "test", null, "Ready");

    public IReadOnlyList<CommunitySummary> Communities => [];

    public void Apply(FeedbackEvent feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        using var db = contexts.CreateDbContext();
        var saved = feedback.Kind switch
        {
            FeedbackKind.Thumb => db.Thumbs.Any(t => t.ProfileId == feedback.ProfileId && t.TitleId == feedback.TitleId && t.Rating == feedback.Thumb),
            FeedbackKind.OnboardingPick => db.Thumbs.Any(t => t.ProfileId == feedback.ProfileId && t.TitleId == feedback.TitleId && t.Rating == ThumbRating.Up),
            FeedbackKind.ThumbRemoved => !db.Thumbs.Any(t => t.ProfileId == feedback.ProfileId && t.TitleId == feedback.TitleId),
            FeedbackKind.StoryChoice => db.StoryPlays.Any(p => p.ProfileId == feedback.ProfileId && p.TitleId == feedback.TitleId && p.Path != string.Empty),
            _ => db.ViewingSessions.Any(s => s.ProfileId == feedback.ProfileId && s.TitleId == feedback.TitleId),
        };
        Applied.Add((feedback, saved));
    }

    public IReadOnlyDictionary<int, RecommendedTitle> ScoreTitles(int profileId, IReadOnlyCollection<int> titleIds)
    {
        ArgumentNullException.ThrowIfNull(titleIds);
        ScoreCalls++;
        LastScored = [.. titleIds];
        return titleIds.ToDictionary(id => id, id => new RecommendedTitle(id, Match, new Explanation(null, null, [], [], new Dictionary<string, double>(), 0.5, false, 0, Match)));
    }

    public HomePage ComposeHomePage(HomePageRequest request) => throw new NotSupportedException();

    public IReadOnlyList<RecommendedTitle> Rank(int profileId, int count) => throw new NotSupportedException();

    public IReadOnlyList<RecommendedTitle> SimilarTitles(int titleId, int profileId, int count) => [];

    public ProfileTaste GetTaste(int profileId) => new(profileId, []);
}
