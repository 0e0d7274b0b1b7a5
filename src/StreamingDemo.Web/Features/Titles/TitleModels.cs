using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Features.Titles;

public sealed record TagView(int MicroGenreId, int GenreId, string Name);

public sealed record CreditView(string Name, CreditRole Role, string? Character);

/// <summary>An episode with how far this profile got in it (null when never started).</summary>
public sealed record EpisodeView(int Id, int Season, int Number, string Name, int RuntimeMinutes, string Synopsis, double? Progress);

/// <summary>Everything the title page shows, for one profile (or none).</summary>
public sealed record TitleDetail(
    TitleCardModel Card,
    string Synopsis,
    IReadOnlyList<TagView> Tags,
    IReadOnlyList<CreditView> Credits,
    IReadOnlyList<EpisodeView> Episodes,
    RecommendedTitle? Match,
    ThumbRating? Thumb,
    IReadOnlyList<HomeCard> Similar);
