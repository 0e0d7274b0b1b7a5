using Bunit;
using StreamingDemo.Web.Components.Browse;
using StreamingDemo.Web.Features.Browse;

namespace StreamingDemo.Web.Tests;

public sealed class PageChangesTests : MudTestContext
{
    [Fact]
    public void ComparingTwoPagesFindsWhatEnteredLeftAndMoved()
    {
        (int, string)[] before = [(1, "Alpha"), (2, "Bravo"), (3, "Charlie"), (4, "Delta")];
        (int, string)[] after = [(3, "Charlie"), (1, "Alpha"), (5, "Echo"), (2, "Bravo")];

        var changes = HomeFeed.Compare("You gave Delta a thumbs down", before, after);

        Assert.Equal(["Echo"], changes.Entered.Select(t => t.Name));
        Assert.Equal(3, changes.Entered[0].To);
        Assert.Equal(["Delta"], changes.Left.Select(t => t.Name));
        Assert.Equal(["Charlie"], changes.Up.Select(t => t.Name));
        Assert.Equal((3, 1), (changes.Up[0].From!.Value, changes.Up[0].To!.Value));
        Assert.Equal(["Bravo", "Alpha"], changes.Down.Select(t => t.Name));
    }

    [Fact]
    public void AnUnchangedPageHasNoChanges() =>
        Assert.True(HomeFeed.Compare("You loved Alpha", [(1, "Alpha")], [(1, "Alpha")]).IsEmpty);

    [Fact]
    public void TheBannerNamesTheCauseAndWhatMoved()
    {
        var changes = HomeFeed.Compare("You gave Delta a thumbs down", [(4, "Delta"), (1, "Alpha")], [(1, "Alpha"), (5, "Echo")]);

        var cut = Render<PageChangesBanner>(p => p.Add(b => b.Changes, changes));

        Assert.StartsWith("You gave Delta a thumbs down.", cut.Find("h2").TextContent, StringComparison.Ordinal);
        var text = cut.Find("dl").TextContent;
        Assert.Contains("Echo", text, StringComparison.Ordinal);
        Assert.Contains("Delta", text, StringComparison.Ordinal);
        Assert.Contains("Alpha (2 → 1)", text, StringComparison.Ordinal);
    }
}
