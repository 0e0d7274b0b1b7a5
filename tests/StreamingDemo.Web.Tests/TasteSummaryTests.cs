using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Tests;

public sealed class TasteSummaryTests
{
    [Fact]
    public void ADominantCommunityIsSaidToBeMostOfTheTaste()
    {
        var summary = TasteSummary.Describe(
        [
            new TasteShare(1, "Nordic Noir Devotees", 0.62),
            new TasteShare(2, "Cozy Bakers", 0.25),
            new TasteShare(3, "Space Opera Fans", 0.13),
        ]);

        Assert.Equal("Mostly Nordic Noir Devotees, with Cozy Bakers and a little Space Opera Fans", summary);
    }

    [Fact]
    public void CommunitiesAreOrderedByWeightNotByTheOrderTheyArrive()
    {
        var summary = TasteSummary.Describe(
        [
            new TasteShare(3, "Space Opera Fans", 0.2),
            new TasteShare(1, "Nordic Noir Devotees", 0.45),
            new TasteShare(2, "Cozy Bakers", 0.35),
        ]);

        Assert.Equal("Mainly Nordic Noir Devotees, with Cozy Bakers and Space Opera Fans", summary);
    }

    [Fact]
    public void NearlyEqualTopCommunitiesAreCalledEqualParts()
    {
        var summary = TasteSummary.Describe(
        [
            new TasteShare(1, "Anime Binge-Watchers", 0.41),
            new TasteShare(2, "True Crime Sleuths", 0.39),
            new TasteShare(3, "Cozy Bakers", 0.2),
        ]);

        Assert.Equal("Equal parts Anime Binge-Watchers and True Crime Sleuths, with Cozy Bakers", summary);
    }

    [Fact]
    public void BreakdownShowsEachCommunityShareAsAPercentage()
    {
        var breakdown = TasteSummary.Breakdown(
        [
            new TasteShare(1, "Nordic Noir Devotees", 0.62),
            new TasteShare(2, "Cozy Bakers", 0.25),
            new TasteShare(3, "Space Opera Fans", 0.13),
        ]);

        Assert.Equal("62% Nordic Noir Devotees · 25% Cozy Bakers · 13% Space Opera Fans", breakdown);
    }

    [Fact]
    public void AProfileWithoutPlantedTasteSaysSoInsteadOfInventingOne() =>
        Assert.Equal("Taste still forming", TasteSummary.Describe([]));
}
