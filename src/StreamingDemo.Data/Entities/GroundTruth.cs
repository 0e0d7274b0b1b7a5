namespace StreamingDemo.Data.Entities;

/// <summary>A curated taste community from seed-data: the planted structure the generator draws from.</summary>
public sealed class PlantedCommunity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Summary { get; set; }
    public bool IsKids { get; set; }
}

public sealed class PlantedCommunityAffinity
{
    public int CommunityId { get; set; }
    public int MicroGenreId { get; set; }
    public float Weight { get; set; }
}

/// <summary>
/// The ground truth of one seeded profile: one of its three planted communities with its weight.
/// Used only by evaluation (the oracle) and by truthful persona summaries, never by the recommender.
/// </summary>
public sealed class PlantedMembership
{
    public int ProfileId { get; set; }
    public int Rank { get; set; }
    public int CommunityId { get; set; }
    public float Weight { get; set; }
}

/// <summary>The planted viewing habits of one seeded profile.</summary>
public sealed class PlantedHabit
{
    public int ProfileId { get; set; }
    /// <summary>Hour of day (0..23) around which this profile usually starts watching.</summary>
    public int PeakHour { get; set; }
    /// <summary>Comma-separated relative weights Monday..Sunday.</summary>
    public required string WeekdayWeights { get; set; }
    public float BingeFactor { get; set; }
    public float Activity { get; set; }
}
