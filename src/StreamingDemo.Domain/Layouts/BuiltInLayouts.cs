namespace StreamingDemo.Domain.Layouts;

/// <summary>The layouts the site ships with. "Netflix-style" is the page the site shows; the other two differ clearly from it.</summary>
public static class BuiltInLayouts
{
    public const string NetflixStyleSlug = "netflix-style";
    public const string GenreShelvesSlug = "genre-shelves";
    public const string DiscoveryFirstSlug = "discovery-first";

    /// <summary>Today's device shapes (<see cref="DeviceLayout"/>).</summary>
    public static readonly IReadOnlyDictionary<DeviceType, DeviceShape> StandardDevices = new Dictionary<DeviceType, DeviceShape>
    {
        [DeviceType.Tv] = Shape(DeviceLayout.Tv),
        [DeviceType.Desktop] = Shape(DeviceLayout.Desktop),
        [DeviceType.Tablet] = Shape(DeviceLayout.Tablet),
        [DeviceType.Phone] = Shape(DeviceLayout.Phone),
    };

    /// <summary>The site's page: resume and top picks pinned, personal rows ranked by relevance, a little exploration.</summary>
    public static readonly HomeLayout NetflixStyle = new()
    {
        Name = "Netflix-style",
        Description = "Continue Watching and Top Picks pinned; because-you-watched, micro-genre, trending, new and Top 10 rows ranked by how well they match; one discovery row.",
        Ordering = RowOrdering.Relevance,
        Rows =
        [
            new LayoutRow { Kind = RowKind.ContinueWatching, Pinned = true },
            new LayoutRow { Kind = RowKind.TopPicks, Pinned = true },
            new LayoutRow { Kind = RowKind.BecauseYouWatched, Seeds = 3 },
            new LayoutRow { Kind = RowKind.MicroGenre, Count = 4 },
            new LayoutRow { Kind = RowKind.TrendingInCommunity, Communities = 1 },
            new LayoutRow { Kind = RowKind.NewReleases },
            new LayoutRow { Kind = RowKind.Top10, Window = Top10Window.Recent },
            new LayoutRow { Kind = RowKind.Exploration },
        ],
        Devices = StandardDevices,
        ExplorationRate = 0.1,
        Dedupe = true,
        Repermutation = 0.3,
    };

    /// <summary>A shelf per favourite micro-genre in a fixed order, no exploration, and a calm page that barely moves between visits.</summary>
    public static readonly HomeLayout GenreShelves = new()
    {
        Name = "Genre shelves",
        Description = "Continue Watching, then six micro-genre shelves in a fixed order, then the all-time Top 10 and new releases. No discovery cards.",
        Ordering = RowOrdering.Fixed,
        Rows =
        [
            new LayoutRow { Kind = RowKind.ContinueWatching, Pinned = true },
            new LayoutRow { Kind = RowKind.MicroGenre, Count = 6 },
            new LayoutRow { Kind = RowKind.Top10, Window = Top10Window.AllTime },
            new LayoutRow { Kind = RowKind.NewReleases },
        ],
        Devices = StandardDevices,
        ExplorationRate = 0,
        Dedupe = true,
        Repermutation = 0.05,
    };

    /// <summary>Discovery up top: the exploration row pinned first, community trends, and a page-wise diverse order.</summary>
    public static readonly HomeLayout DiscoveryFirst = new()
    {
        Name = "Discovery first",
        Description = "Something Different pinned first, then trending in two communities and new releases; the rest ordered for variety. More discovery cards.",
        Ordering = RowOrdering.Diverse,
        Rows =
        [
            new LayoutRow { Kind = RowKind.Exploration, Pinned = true },
            new LayoutRow { Kind = RowKind.ContinueWatching },
            new LayoutRow { Kind = RowKind.TrendingInCommunity, Communities = 2 },
            new LayoutRow { Kind = RowKind.NewReleases },
            new LayoutRow { Kind = RowKind.TopPicks },
            new LayoutRow { Kind = RowKind.BecauseYouWatched, Seeds = 2 },
            new LayoutRow { Kind = RowKind.MicroGenre, Count = 3 },
            new LayoutRow { Kind = RowKind.Top10, Window = Top10Window.Recent },
        ],
        Devices = StandardDevices,
        ExplorationRate = 0.3,
        Dedupe = true,
        Repermutation = 0.5,
        Diversity = 0.5,
    };

    public static IReadOnlyList<(string Slug, HomeLayout Layout)> All { get; } =
    [
        (NetflixStyleSlug, NetflixStyle),
        (GenreShelvesSlug, GenreShelves),
        (DiscoveryFirstSlug, DiscoveryFirst),
    ];

    private static DeviceShape Shape(DeviceLayout layout) => new(layout.Rows, layout.CardsPerRow, layout.ItemsPerRow);
}
