namespace StreamingDemo.Domain;

/// <summary>The kinds of home-page rows (PRODUCT.md V3).</summary>
public enum RowKind
{
    ContinueWatching = 0,
    TopPicks = 1,
    BecauseYouWatched = 2,
    MicroGenre = 3,
    TrendingInCommunity = 4,
    NewReleases = 5,
    Top10 = 6,
    Exploration = 7,
}

/// <summary>A learned taste community with the weight it has in one profile's taste.</summary>
public sealed record CommunityWeight(int CommunityId, string Name, double Weight);

public sealed record TagMatch(int MicroGenreId, string Name, double Strength);

/// <summary>
/// The evidence behind one recommended title for one profile (V8). Every figure comes from the same
/// computation that ranked the title.
/// </summary>
public sealed record Explanation(
    int? SeedTitleId,
    string? SeedTitleName,
    IReadOnlyList<CommunityWeight> Communities,
    IReadOnlyList<TagMatch> Tags,
    IReadOnlyDictionary<string, double> GeneratorScores,
    double PopularityPercentile,
    bool IsExploration,
    double ModelScore,
    double MatchProbability);

/// <summary>
/// A title placed for a profile: the match (0..1) — the calibrated probability that the profile enjoys the title if it starts
/// it (V4) — and why.
/// </summary>
public sealed record RecommendedTitle(int TitleId, double Match, Explanation Explanation)
{
    /// <summary>
    /// Below this match no % is shown (docs/decisions/0016): less than an even chance that the profile enjoys the title once
    /// started, and a card saying "31% match" reads as a warning rather than a recommendation.
    /// </summary>
    public const double ShownMatchThreshold = 0.50;

    /// <summary>The match as a whole percentage ("NN% match").</summary>
    public int MatchPercent => (int)Math.Round(Match * 100, MidpointRounding.AwayFromZero);

    /// <summary>The % a recommendation card shows, or null: exploration cards say "Explore" instead, and below
    /// <see cref="ShownMatchThreshold"/> no % is shown.</summary>
    public int? ShownMatchPercent => Explanation.IsExploration || Match < ShownMatchThreshold ? null : MatchPercent;
}

public sealed record HomeRow(string Key, RowKind Kind, string Title, int? SeedTitleId, IReadOnlyList<RecommendedTitle> Items);

public sealed record HomePage(int ProfileId, DeviceType Device, IReadOnlyList<HomeRow> Rows, DateTime ComposedAt);

/// <summary>A partially watched title that the page shows first (V5); supplied by the viewing store.</summary>
public sealed record ContinueWatchingEntry(int TitleId, int? EpisodeId, string? EpisodeLabel, double Progress, DateTime LastWatchedAt);

/// <summary>What to compose: <paramref name="Layout"/> null means the site's built-in "Netflix-style" layout.</summary>
public sealed record HomePageRequest(
    int ProfileId,
    DeviceType Device,
    IReadOnlyList<ContinueWatchingEntry> ContinueWatching,
    int Visit = 0,
    Layouts.HomeLayout? Layout = null);

/// <summary>A micro-genre of the profile's recent viewing and its share of the micro-genre tags of its latest titles.</summary>
public sealed record RecentMicroGenre(int MicroGenreId, string Name, int GenreId, double Share);

public sealed record ProfileTaste(int ProfileId, IReadOnlyList<CommunityWeight> Communities)
{
    /// <summary>How many of the latest titles with positive evidence make up <see cref="RecentMicroGenres"/>.</summary>
    public const int RecentTitles = 10;

    /// <summary>The micro-genres of the profile's <see cref="RecentTitles"/> latest titles, largest share first (shares sum to 1).</summary>
    public IReadOnlyList<RecentMicroGenre> RecentMicroGenres { get; init; } = [];
}

public sealed record CommunitySummary(
    int Id,
    string Name,
    int Size,
    IReadOnlyList<TagMatch> DistinguishingTags,
    IReadOnlyList<int> InfluentialProfileIds);

public sealed record RecommenderStatus(bool IsReady, string ModelVersion, DateTime? TrainedAt, string Message);

/// <summary>The recommender as pages and APIs use it. Reads from models held in memory; never trains on the request path.</summary>
public interface IRecommender
{
    RecommenderStatus Status { get; }

    HomePage ComposeHomePage(HomePageRequest request);

    /// <summary>The profile's ranking over the whole catalogue, best first, excluding titles it has already watched or thumbed down (titles in progress belong to Continue Watching).</summary>
    IReadOnlyList<RecommendedTitle> Rank(int profileId, int count);

    /// <summary>
    /// Scores the given titles for the profile in one pass over the catalogue, keyed by title id. Titles the model does
    /// not know (added after it was trained) are left out: a page shows no match for them rather than a made-up one.
    /// Empty while the first model trains.
    /// </summary>
    IReadOnlyDictionary<int, RecommendedTitle> ScoreTitles(int profileId, IReadOnlyCollection<int> titleIds);

    IReadOnlyList<RecommendedTitle> SimilarTitles(int titleId, int profileId, int count);

    ProfileTaste GetTaste(int profileId);

    IReadOnlyList<CommunitySummary> Communities { get; }

    /// <summary>Folds a live signal into the profile's recommendations immediately (V7).</summary>
    void Apply(FeedbackEvent feedback);
}

/// <summary>
/// How much of a home page a device shows (V9): rows on the page, cards visible per row without scrolling, and cards a row
/// holds in total. The one place these numbers live; the page composer dedupes titles over the visible cards.
/// </summary>
public sealed record DeviceLayout(DeviceType Device, int Rows, int CardsPerRow, int ItemsPerRow)
{
    public static readonly DeviceLayout Tv = new(DeviceType.Tv, 6, 5, 20);
    public static readonly DeviceLayout Desktop = new(DeviceType.Desktop, 8, 6, 20);
    public static readonly DeviceLayout Tablet = new(DeviceType.Tablet, 6, 4, 16);
    public static readonly DeviceLayout Phone = new(DeviceType.Phone, 5, 3, 12);

    public static DeviceLayout For(DeviceType device) => device switch
    {
        DeviceType.Tv => Tv,
        DeviceType.Tablet => Tablet,
        DeviceType.Phone => Phone,
        _ => Desktop,
    };
}
