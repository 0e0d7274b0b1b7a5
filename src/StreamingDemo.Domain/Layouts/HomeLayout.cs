namespace StreamingDemo.Domain.Layouts;

/// <summary>How the page builder orders the rows of a layout (L1).</summary>
public enum RowOrdering
{
    /// <summary>Rows appear exactly in the layout's order.</summary>
    Fixed = 0,

    /// <summary>Pinned rows first; the rest by how well their visible cards match the profile (today's page).</summary>
    Relevance = 1,

    /// <summary>Pinned rows first; then, row by row, the best match after a penalty for every row of the same kind already above it.</summary>
    Diverse = 2,
}

/// <summary>Which popularity the Top 10 row ranks by.</summary>
public enum Top10Window
{
    /// <summary>Plays over the recent trending window ("Top 10 Today").</summary>
    Recent = 0,

    /// <summary>Plays over the whole history ("Top 10 of All Time").</summary>
    AllTime = 1,
}

/// <summary>Which artwork cards show: every title's default artwork, or the variant the artwork bandit picks per profile (V10).</summary>
public enum ArtworkPolicy
{
    Default = 0,
    Personalized = 1,
}

/// <summary>
/// One row template of a layout. <see cref="Seeds"/>, <see cref="Count"/>, <see cref="MicroGenres"/>, <see cref="Communities"/>
/// and <see cref="Window"/> apply only to the kinds named on them; the validator rejects them elsewhere.
/// </summary>
public sealed record LayoutRow
{
    public required RowKind Kind { get; init; }

    /// <summary>Kept above every unpinned row, in layout order, whatever the ordering policy.</summary>
    public bool Pinned { get; init; }

    /// <summary>BecauseYouWatched: how many recent, well-liked titles each get a row.</summary>
    public int? Seeds { get; init; }

    /// <summary>MicroGenre: how many of the profile's strongest micro-genres get a row (when <see cref="MicroGenres"/> is empty).</summary>
    public int? Count { get; init; }

    /// <summary>MicroGenre: these micro-genres (by slug), in this order, instead of the profile's strongest.</summary>
    public IReadOnlyList<string>? MicroGenres { get; init; }

    /// <summary>TrendingInCommunity: how many of the profile's strongest taste communities get a row.</summary>
    public int? Communities { get; init; }

    /// <summary>Top10: which popularity it ranks by.</summary>
    public Top10Window? Window { get; init; }
}

/// <summary>How much of the page a device shows: rows, cards visible per row, and cards a row holds in total.</summary>
public sealed record DeviceShape(int Rows, int CardsPerRow, int ItemsPerRow);

/// <summary>
/// A home-page layout as data (L1): the row templates and their parameters, the ordering policy, the page shape per
/// device, and the knobs of composition. The page builder reads one of these for every page it composes.
/// </summary>
public sealed record HomeLayout
{
    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    public RowOrdering Ordering { get; init; } = RowOrdering.Relevance;

    public required IReadOnlyList<LayoutRow> Rows { get; init; }

    /// <summary>Page shape per device; every device type has one.</summary>
    public required IReadOnlyDictionary<DeviceType, DeviceShape> Devices { get; init; }

    /// <summary>Chance per visible Top Picks card of a discovery title (0 to 0.5). One discovery card at most.</summary>
    public double ExplorationRate { get; init; } = 0.1;

    /// <summary>No title in the visible cards of two rows (rows that cannot fill their visible cards are left out).</summary>
    public bool Dedupe { get; init; } = true;

    /// <summary>How much a new visit moves things (0 to 1): the chance of swapping neighbouring cards, and half of it as row-order jitter.</summary>
    public double Repermutation { get; init; } = 0.3;

    /// <summary>Diverse ordering only: the share of a row's score lost for each row of the same kind above it (0 to 1).</summary>
    public double Diversity { get; init; } = 0.35;

    public ArtworkPolicy Artwork { get; init; } = ArtworkPolicy.Default;

    public DeviceLayout For(DeviceType device)
    {
        var shape = Devices.TryGetValue(device, out var s) ? s : BuiltInLayouts.StandardDevices[device];
        return new DeviceLayout(device, shape.Rows, shape.CardsPerRow, shape.ItemsPerRow);
    }
}
