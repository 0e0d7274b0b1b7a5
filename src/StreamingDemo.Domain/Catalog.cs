namespace StreamingDemo.Domain;

public enum TitleKind
{
    Movie = 0,
    Series = 1,
}

/// <summary>A viewer's explicit verdict on a title. "Love" is Netflix's "two thumbs up".</summary>
public enum ThumbRating
{
    Down = -1,
    Up = 1,
    Love = 2,
}

public enum DeviceType
{
    Tv = 0,
    Desktop = 1,
    Tablet = 2,
    Phone = 3,
}

public sealed record GenreInfo(int Id, string Slug, string Name, bool IsKids);

public sealed record MicroGenreInfo(int Id, string Slug, string Name, int GenreId);

/// <summary>A title as the recommender and pages see it: catalogue facts, no viewing data.</summary>
public sealed record TitleInfo(
    int Id,
    string Name,
    TitleKind Kind,
    int Year,
    int RuntimeMinutes,
    string Maturity,
    int PrimaryGenreId,
    IReadOnlyList<int> MicroGenreIds,
    DateTime AddedAt,
    bool IsKids);
