using Bunit;
using MudBlazor;
using StreamingDemo.Web.Components.Shared;

namespace StreamingDemo.Web.Tests;

/// <summary>The precomputed card icons are the very markup MudIcon renders, so the cards look and read as before.</summary>
public sealed class IconMarkupTests : MudTestContext
{
    public static TheoryData<string, Size> Icons => new()
    {
        { MudBlazor.Icons.Material.Outlined.Info, Size.Small },
        { MudBlazor.Icons.Material.Outlined.ThumbUp, Size.Small },
        { MudBlazor.Icons.Material.Filled.Favorite, Size.Medium },
    };

    [Theory]
    [MemberData(nameof(Icons))]
    public void TheMarkupIsWhatMudIconRenders(string icon, Size size)
    {
        var mud = Render<MudIcon>(p => p.Add(i => i.Icon, icon).Add(i => i.Size, size));
        var ours = Render(builder => builder.AddContent(0, IconMarkup.Svg(icon, size)));

        ours.MarkupMatches(mud.Markup);
    }

    [Fact]
    public void CompactThumbButtonsShowMudIconsSmallThumbs()
    {
        var cut = Render<StreamingDemo.Web.Components.Titles.ThumbButtons>(p => p.Add(t => t.Compact, true));

        var svgs = cut.FindAll("button.thumb svg.mud-icon-size-small");
        Assert.Equal(3, svgs.Count);
        var down = Render<MudIcon>(p => p.Add(i => i.Icon, MudBlazor.Icons.Material.Outlined.ThumbDown).Add(i => i.Size, Size.Small));
        svgs[0].MarkupMatches(down.Markup);
    }
}
