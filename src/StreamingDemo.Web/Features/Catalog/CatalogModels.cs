using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Catalog;

public sealed record MicroGenreOption(int Id, string Name);

/// <summary>A genre and the micro-genres under it, for the catalogue filters.</summary>
public sealed record GenreOption(int Id, string Name, IReadOnlyList<MicroGenreOption> MicroGenres);

public enum CatalogSort
{
    Title = 0,
    Newest = 1,
}

/// <summary>What the viewer asked the catalogue for. A micro-genre only counts under its own genre.</summary>
public sealed record CatalogFilter(string? Search = null, int? GenreId = null, int? MicroGenreId = null, CatalogSort Sort = CatalogSort.Title)
{
    public static CatalogFilter Empty { get; } = new();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Search) && GenreId is null && MicroGenreId is null;
}

/// <summary>A title as a catalogue card shows it.</summary>
public sealed record TitleCardModel(
    int Id,
    string Name,
    TitleKind Kind,
    int Year,
    string Maturity,
    int RuntimeMinutes,
    string GenreName,
    int Seasons)
{
    /// <summary>"1h 52m" for a movie, "3 seasons" for a series.</summary>
    public string LengthLabel => Kind == TitleKind.Series
        ? Seasons == 1 ? "1 season" : $"{Seasons} seasons"
        : RuntimeMinutes >= 60 ? $"{RuntimeMinutes / 60}h {RuntimeMinutes % 60:00}m" : $"{RuntimeMinutes}m";

    public string KindLabel => Kind == TitleKind.Series ? "Series" : "Movie";
}
