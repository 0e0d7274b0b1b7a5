using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Artwork;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>One card on the home page: the title, its match for this profile, why, the viewer's thumb, (for Continue Watching) progress, and the artwork chosen for this profile.</summary>
public sealed record HomeCard(TitleCardModel Title, int? MatchPercent, Explanation Explanation, double? Progress = null, string? EpisodeLabel = null, ThumbRating? Thumb = null, CardArtwork? Artwork = null)
{
    /// <summary>The poster the card shows: the chosen variant, else the title's default poster.</summary>
    public string PosterUrl => Artwork?.Url() ?? $"/art/poster/{Title.Id}.svg";

    /// <summary>The 16:9 card crop of the same variant (the TV layout's cards), drawn for that shape rather than a trimmed poster.</summary>
    public string LandscapeUrl => Artwork?.Url("card") ?? PosterUrl;
}

public sealed record HomeRowView(string Key, RowKind Kind, string Title, IReadOnlyList<HomeCard> Cards);

/// <summary>The large billboard at the top of the home page: the best pick with its synopsis.</summary>
public sealed record Billboard(HomeCard Card, string Synopsis);

/// <summary>A title whose place on the visible page changed after feedback: from and to are 1-based positions, null when absent.</summary>
public sealed record MovedTitle(int TitleId, string Name, int? From, int? To);

/// <summary>What a thumb changed on the visible part of the page (V7): titles that entered, left, moved up or down.</summary>
public sealed record PageChanges(string Cause, IReadOnlyList<MovedTitle> Entered, IReadOnlyList<MovedTitle> Left, IReadOnlyList<MovedTitle> Up, IReadOnlyList<MovedTitle> Down)
{
    public bool IsEmpty => Entered.Count == 0 && Left.Count == 0 && Up.Count == 0 && Down.Count == 0;
}

/// <param name="Visit">The home-page visit it was composed for (a prerendered preview names the visit its circuit commits).</param>
/// <param name="Personalized">Whether its artwork was personalized (the page's contrast switch).</param>
public sealed record HomeView(int ProfileId, DeviceLayout Layout, Billboard? Billboard, IReadOnlyList<HomeRowView> Rows, DateTime ComposedAt, PageChanges? Changes = null, int Visit = 0, bool Personalized = true);

/// <summary>A thumb given on a home-page card (null takes the card's thumb back).</summary>
public sealed record CardRating(HomeCard Card, ThumbRating? Rating);
