using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Lab;
using StreamingDemo.Web.Features.Profiles;
using StreamingDemo.Web.Features.Titles;

namespace StreamingDemo.Web.Features.Api;

/// <summary>A profile as the API lists it.</summary>
public sealed record ProfileDto(int Id, string Name, bool IsKids, string TasteSummary, IReadOnlyList<TasteShare> Taste)
{
    public static ProfileDto From(PersonaModel persona) => new(persona.Id, persona.Name, persona.IsKids, persona.TasteSummary, persona.Taste);
}

public sealed record ProfilePageDto(IReadOnlyList<ProfileDto> Items, int TotalCount, int Page, int PageSize, int PageCount);

/// <summary>
/// One card: the title, its match for the profile exactly as the site shows it (null where the site shows none: below 50 %,
/// exploration cards, Continue Watching) and the evidence behind it (matchProbability is always there).
/// </summary>
public sealed record CardDto(int TitleId, string Name, TitleKind Kind, int Year, string Maturity, string Genre, int? MatchPercent, double? Progress, ThumbRating? Thumb, Explanation Explanation)
{
    public static CardDto From(HomeCard card) => new(card.Title.Id, card.Title.Name, card.Title.Kind, card.Title.Year, card.Title.Maturity, card.Title.GenreName,
        card.MatchPercent, card.Progress, card.Thumb, card.Explanation);
}

public sealed record RowDto(string Key, RowKind Kind, string Title, IReadOnlyList<CardDto> Cards);

/// <summary>A composed home page: the layout and device it was composed for, the visible shape, and the rows.</summary>
public sealed record HomePageDto(int ProfileId, DeviceType Device, string Layout, int VisibleRows, int VisibleCardsPerRow, DateTime ComposedAt, IReadOnlyList<RowDto> Rows)
{
    public static HomePageDto From(HomeView view, DeviceType device, string layout) => new(view.ProfileId, device, layout, view.Layout.Rows, view.Layout.CardsPerRow,
        view.ComposedAt, [.. view.Rows.Select(r => new RowDto(r.Key, r.Kind, r.Title, [.. r.Cards.Select(CardDto.From)]))]);
}

public sealed record TitleDto(int Id, string Name, TitleKind Kind, int Year, string Maturity, int RuntimeMinutes, string Genre, int Seasons, string Synopsis,
    IReadOnlyList<string> MicroGenres, IReadOnlyList<CreditGroup> Credits, IReadOnlyList<EpisodeView> Episodes, int? MatchPercent, ThumbRating? Thumb)
{
    public static TitleDto From(TitleDetail detail) => new(detail.Card.Id, detail.Card.Name, detail.Card.Kind, detail.Card.Year, detail.Card.Maturity,
        detail.Card.RuntimeMinutes, detail.Card.GenreName, detail.Card.Seasons, detail.Synopsis, [.. detail.Tags.Select(t => t.Name)], detail.Credits,
        detail.Episodes, detail.Match?.ShownMatchPercent, detail.Thumb);
}

public sealed record SimilarTitleDto(int TitleId, string Name, int Year, string Genre, int? MatchPercent);

/// <summary>Body of <c>POST /profiles/{id}/thumbs</c>: rating is down, up, love, or none to take the thumb back.</summary>
public sealed record ThumbRequest(int? TitleId, string? Rating);

public sealed record ThumbResult(int ProfileId, int TitleId, string Rating);

/// <summary>Body of <c>POST /profiles/{id}/progress</c>: how far the viewer got, on which device.</summary>
public sealed record ProgressRequest(int? TitleId, int? EpisodeId, int? PositionSeconds, string? Device);

public sealed record ProgressResult(int ProfileId, int TitleId, int? EpisodeId, long SessionId, int PositionSeconds, int RuntimeSeconds, bool Completed);

/// <summary>A stored layout: identity, version (send it back in <c>If-Match</c> to guard an update) and the layout document.</summary>
public sealed record LayoutDto(int Id, string Slug, bool IsBuiltIn, int Version, DateTime UpdatedAt, HomeLayout Layout)
{
    public static LayoutDto From(StoredLayout stored) => new(stored.Id, stored.Slug, stored.IsBuiltIn, stored.Version, stored.UpdatedAt, stored.Layout);
}
