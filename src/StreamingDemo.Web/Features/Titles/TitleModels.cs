using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Features.Titles;

public sealed record TagView(int MicroGenreId, int GenreId, string Name);

/// <summary>One line of a title's credits: "Directors" and who, in billing order.</summary>
public sealed record CreditGroup(string Label, IReadOnlyList<string> Names);

/// <summary>An episode with how far this profile got in it (null when never started).</summary>
public sealed record EpisodeView(int Id, int Season, int Number, string Name, int RuntimeMinutes, string Synopsis, double? Progress);

/// <summary>Everything the title page shows, for one profile (or none).</summary>
public sealed record TitleDetail(
    TitleCardModel Card,
    string Synopsis,
    IReadOnlyList<TagView> Tags,
    IReadOnlyList<CreditGroup> Credits,
    IReadOnlyList<EpisodeView> Episodes,
    RecommendedTitle? Match,
    ThumbRating? Thumb,
    IReadOnlyList<HomeCard> Similar);
