using StreamingDemo.Domain;

namespace StreamingDemo.Data.Entities;

public sealed class Genre
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public bool IsKids { get; set; }
}

/// <summary>A Netflix-style "altgenre" tag such as "Dark Scandinavian Crime Dramas".</summary>
public sealed class MicroGenre
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int GenreId { get; set; }
    public Genre? Genre { get; set; }
}

public sealed class Title
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TitleKind Kind { get; set; }
    public int Year { get; set; }
    /// <summary>Movie runtime, or the typical episode runtime of a series.</summary>
    public int RuntimeMinutes { get; set; }
    public required string Maturity { get; set; }
    public required string Synopsis { get; set; }
    public int PrimaryGenreId { get; set; }
    public Genre? PrimaryGenre { get; set; }
    public DateTime AddedAt { get; set; }
    public bool IsKids { get; set; }
    /// <summary>The artwork theme of the default poster.</summary>
    public required string ArtworkTheme { get; set; }
    public List<TitleGenre> Genres { get; set; } = [];
    public List<TitleTag> Tags { get; set; } = [];
    public List<Credit> Credits { get; set; } = [];
    public List<Episode> Episodes { get; set; } = [];
    public List<ArtworkVariant> ArtworkVariants { get; set; } = [];
}

public sealed class TitleGenre
{
    public int TitleId { get; set; }
    public int GenreId { get; set; }
    public Genre? Genre { get; set; }
}

public sealed class TitleTag
{
    public int TitleId { get; set; }
    public int MicroGenreId { get; set; }
    public MicroGenre? MicroGenre { get; set; }
}

public enum CreditRole
{
    Director = 0,
    Creator = 1,
    Cast = 2,
    Writer = 3,
}

public sealed class Credit
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public required string PersonName { get; set; }
    public CreditRole Role { get; set; }
    public string? Character { get; set; }
    public int Order { get; set; }
}

public sealed class Episode
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public int SeasonNumber { get; set; }
    public int EpisodeNumber { get; set; }
    public required string Name { get; set; }
    public int RuntimeMinutes { get; set; }
    public required string Synopsis { get; set; }
    /// <summary>When the episode can be watched: seeded episodes since their title joined the catalogue; a new season on its premiere.</summary>
    public DateTime AvailableAt { get; set; }
}

/// <summary>One artwork variant of a title (V10): a theme and the focal subject it shows.</summary>
public sealed class ArtworkVariant
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public required string Theme { get; set; }
    public required string Focus { get; set; }
}
