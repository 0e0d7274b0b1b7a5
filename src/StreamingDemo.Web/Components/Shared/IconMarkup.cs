using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace StreamingDemo.Web.Components.Shared;

/// <summary>
/// The markup <see cref="MudIcon"/> renders for an SVG icon (same classes, same attributes), as one precomputed string
/// for the icons repeated on every home-page card. A card showed four <see cref="MudIcon"/> components (info and three
/// thumbs); some 80 cards a page made that 300-odd components per render, each building its class list anew. One
/// markup frame per icon costs nothing per render. Only the site's own icon constants pass through here, never user input.
/// </summary>
public static class IconMarkup
{
    public static readonly MarkupString InfoSmall = Svg(Icons.Material.Outlined.Info, Size.Small);
    public static readonly MarkupString ThumbDownSmall = Svg(Icons.Material.Outlined.ThumbDown, Size.Small);
    public static readonly MarkupString ThumbDownMedium = Svg(Icons.Material.Outlined.ThumbDown, Size.Medium);
    public static readonly MarkupString ThumbUpSmall = Svg(Icons.Material.Outlined.ThumbUp, Size.Small);
    public static readonly MarkupString ThumbUpMedium = Svg(Icons.Material.Outlined.ThumbUp, Size.Medium);
    public static readonly MarkupString LoveSmall = Svg(Icons.Material.Filled.Favorite, Size.Small);
    public static readonly MarkupString LoveMedium = Svg(Icons.Material.Filled.Favorite, Size.Medium);

    /// <summary>
    /// An SVG icon path (a MudBlazor <see cref="Icons"/> constant) as MudIcon's markup at <paramref name="size"/>, hidden
    /// from assistive technology. Internal: the site uses only the constants above, so no caller can pass text through it.
    /// </summary>
    internal static MarkupString Svg(string icon, Size size)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(icon);
        var sizeClass = size switch
        {
            Size.Small => "small",
            Size.Large => "large",
            _ => "medium",
        };
        return new MarkupString($"""<svg class="mud-icon-root mud-svg-icon mud-icon-size-{sizeClass}" focusable="false" viewBox="0 0 24 24" aria-hidden="true" role="img">{icon}</svg>""");
    }
}
