using StreamingDemo.Data.Studio;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Studio;

namespace StreamingDemo.Web.Tests.Studio;

/// <summary>A year in review from a handful of sessions whose figures are worked out by hand.</summary>
public sealed class YearInReviewTests
{
    private static readonly DateOnly LastDay = new(2026, 5, 31);

    private static DateTime At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static readonly ProfileSessionFact[] Sessions =
    [
        new(1, "Fjord", 10, "Crime", At(5, 1, 21), 2_400),   // 40 min
        new(1, "Fjord", 10, "Crime", At(5, 2, 21), 1_800),   // 30 min
        new(2, "Bake Off", 20, "Food", At(5, 2, 9), 3_000),  // 50 min
        new(3, "Quick Laugh", 30, "Comedy", At(5, 3, 21), 90), // 1.5 min
    ];

    private static readonly ProfileThumbFact[] Thumbs =
    [
        new(9, "Before The Period", ThumbRating.Up, new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc)),
        new(2, "Bake Off", ThumbRating.Down, At(3, 1, 12)),
        new(1, "Fjord", ThumbRating.Love, At(4, 2, 12)),
        new(3, "Quick Laugh", ThumbRating.Up, At(5, 3, 22)),
    ];

    private static readonly (int, string)[] Tags = [(1, "Nordic Noir"), (2, "Cosy Baking"), (1, "Slow Burn"), (3, "Slow Burn"), (99, "Not Watched")];

    private static YearInReview Review() => YearInReview.Build(7, "Astrid", LastDay, Sessions, Thumbs, Tags);

    [Fact]
    public void MinutesAreTheWatchedSecondsSummedAndRoundedDown()
    {
        var review = Review();

        Assert.Equal(121, review.Minutes); // 7,290 s
        Assert.Equal(4, review.Sessions);
        Assert.Equal(3, review.Titles);
        Assert.Equal(3, review.DaysWatched);
        Assert.Equal(new DateOnly(2025, 6, 1), review.From);
    }

    [Fact]
    public void TheTopTitleAndGenresRankByMinutesAndMicroGenresByTitles()
    {
        var review = Review();

        Assert.Equal(new RankedName("Fjord", 70), review.TopTitle);
        Assert.Equal([new RankedName("Crime", 70), new RankedName("Food", 50), new RankedName("Comedy", 1)], review.TopGenres);
        Assert.Equal([new RankedName("Slow Burn", 2), new RankedName("Cosy Baking", 1), new RankedName("Nordic Noir", 1)], review.TopMicroGenres);
    }

    [Fact]
    public void TheFirstThumbsUpIsTheEarliestUpOrLoveInsideThePeriod()
    {
        var review = Review();

        Assert.Equal("Fjord", review.FirstThumbUpTitle);
        Assert.Equal(new DateOnly(2026, 4, 2), review.FirstThumbUpDay);
        Assert.Equal(21, review.PeakHour);
    }

    [Fact]
    public void AProfileThatWatchedNothingGetsAnEmptyReviewThatSaysSo()
    {
        var review = YearInReview.Build(8, "New Viewer", LastDay, [], [], []);

        Assert.True(review.IsEmpty);
        Assert.Null(review.TopTitle);
        Assert.Null(review.PeakHour);
        Assert.Contains("Nothing watched yet.", BillboardSvg.Review(review), StringComparison.Ordinal);
    }
}
