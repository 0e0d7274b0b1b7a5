using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Studio;

namespace StreamingDemo.Web.Tests.Studio;

public sealed class PageComparisonTests
{
    // Page A reads 1, 2, 3 | 4, 5, (1 again); page B reads 6, 4 | 2, 7.
    private static readonly VisiblePage PageA = new([new("Top Picks", [1, 2, 3]), new("Top 10", [4, 5, 1])]);
    private static readonly VisiblePage PageB = new([new("Top Picks", [6, 4]), new("Dramas", [2, 7])]);

    private static readonly Dictionary<int, IReadOnlyList<int>> Tags = new()
    {
        [1] = [10], [2] = [10, 11], [3] = [10], [4] = [12], [5] = [], [6] = [12], [7] = [11],
    };

    private static readonly Dictionary<int, string> Names = new() { [10] = "Dark Crime", [11] = "Cosy Mysteries", [12] = "Alien Worlds" };

    [Fact]
    public void TitlesOnBothPagesAreSharedWithTheirRankOnEachPage()
    {
        var summary = PageComparison.Compare([PageA, PageB], Tags, Names);

        Assert.Equal([2, 4], summary.Shared.Keys.Order());
        Assert.Equal([2, 3], summary.Shared[2].Ranks);
        Assert.Equal([4, 2], summary.Shared[4].Ranks);
    }

    [Fact]
    public void OverlapIsSharedTitlesOverDistinctVisibleTitles()
    {
        var summary = PageComparison.Compare([PageA, PageB], Tags, Names);

        Assert.Equal(7, summary.DistinctTitles);
        Assert.Equal(2.0 / 7, summary.Overlap, 10);
    }

    [Fact]
    public void ARepeatedTitleKeepsItsFirstRank()
    {
        var summary = PageComparison.Compare([PageA, PageB], Tags, Names);

        Assert.Equal(1, summary.Ranks[0][1]);
        Assert.Equal(5, summary.Ranks[0].Count);
    }

    [Fact]
    public void RowsWithTheSameHeadingOnTwoPagesAreShared()
    {
        var summary = PageComparison.Compare([PageA, PageB], Tags, Names);

        Assert.Equal(["Top Picks"], summary.SharedRows);
    }

    [Fact]
    public void TheMicroGenresWhoseSharesDifferMostSeparateThePages()
    {
        // A: Dark Crime 3/5, Cosy 1/5, Alien 1/5. B: Dark Crime 1/4, Cosy 2/4, Alien 2/4.
        var summary = PageComparison.Compare([PageA, PageB], Tags, Names);

        Assert.Equal(["Dark Crime", "Alien Worlds", "Cosy Mysteries"], summary.Separating.Select(g => g.Name));
        Assert.Equal([0.6, 0.25], summary.Separating[0].Shares);
        Assert.Equal(0.35, summary.Separating[0].Spread, 10);
        Assert.Equal(0.3, summary.Separating[1].Spread, 10);
    }

    [Fact]
    public void IdenticalPagesShareEveryTitleAndNothingSeparatesThem()
    {
        var summary = PageComparison.Compare([PageA, PageA], Tags, Names);

        Assert.Equal(1.0, summary.Overlap);
        Assert.Empty(summary.Separating);
    }
}

public sealed class CompareRequestTests
{
    [Fact]
    public void OneProfileOnTwoDevicesIsTwoPages()
    {
        var request = CompareRequest.TryParse("12", "tv,phone", out var error);

        Assert.Null(error);
        Assert.Equal([(12, DeviceType.Tv), (12, DeviceType.Phone)], request!.Pages);
        Assert.Equal("profiles=12&device=tv,phone", request.ToQuery());
    }

    [Fact]
    public void TwoProfilesWithoutADeviceAreComparedOnDesktop()
    {
        var request = CompareRequest.TryParse("12, 40", null, out _);

        Assert.Equal([(12, DeviceType.Desktop), (40, DeviceType.Desktop)], request!.Pages);
        Assert.Equal("profiles=12,40&device=desktop", request.ToQuery());
    }

    [Fact]
    public void ThreeProfilesPairWithThreeDevices()
    {
        var request = CompareRequest.TryParse("1,2,3", "TV,Tablet,phone", out _);

        Assert.Equal([(1, DeviceType.Tv), (2, DeviceType.Tablet), (3, DeviceType.Phone)], request!.Pages);
    }

    [Theory]
    [InlineData("12,abc", null, "\"abc\" is not a profile id")]
    [InlineData("12,-4", null, "\"-4\" is not a profile id")]
    [InlineData("12", null, "needs two pages")]
    [InlineData("", "tv,phone", "at least one profile")]
    [InlineData("1,2,3,4", null, "At most 3")]
    [InlineData("1,2", "tv,phone,tablet", "do not pair up")]
    [InlineData("1,2", "fridge", "\"fridge\" is not a device")]
    [InlineData("1,2", "2", "\"2\" is not a device")]
    public void BadValuesGetAMessageAndNoRequest(string profiles, string? device, string message)
    {
        var request = CompareRequest.TryParse(profiles, device, out var error);

        Assert.Null(request);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
