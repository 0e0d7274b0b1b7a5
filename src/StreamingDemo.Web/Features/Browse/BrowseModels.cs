using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>One card on the home page: the title, its match for this profile, why, and (for Continue Watching) progress.</summary>
public sealed record HomeCard(TitleCardModel Title, int MatchPercent, Explanation Explanation, double? Progress = null, string? EpisodeLabel = null);

public sealed record HomeRowView(string Key, RowKind Kind, string Title, IReadOnlyList<HomeCard> Cards);

/// <summary>The large billboard at the top of the home page: the best pick with its synopsis.</summary>
public sealed record Billboard(HomeCard Card, string Synopsis);

public sealed record HomeView(int ProfileId, DeviceLayout Layout, Billboard? Billboard, IReadOnlyList<HomeRowView> Rows, DateTime ComposedAt);
