using Microsoft.AspNetCore.Components.Routing;

namespace StreamingDemo.Web.Components.Layout;

/// <summary>One entry of an area's navigation (studio, lab): where it goes, what it says, and when it counts as current.</summary>
public sealed record AreaNavLink(string Href, string Label, NavLinkMatch Match = NavLinkMatch.Prefix);
