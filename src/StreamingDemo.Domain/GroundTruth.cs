namespace StreamingDemo.Domain;

/// <summary>A planted community's liking for one micro-genre (seeded data only).</summary>
public sealed record PlantedAffinityInfo(int CommunityId, int MicroGenreId, float Weight);

/// <summary>One of a seeded profile's three planted communities, rank 1 the strongest.</summary>
public sealed record PlantedMembershipInfo(int ProfileId, int Rank, int CommunityId, float Weight);

public sealed record PlantedCommunityInfo(int Id, string Name, bool IsKids);

/// <summary>
/// The planted taste structure a seeded world was drawn from. Only offline evaluation (the oracle, the adjusted Rand
/// index) reads it; the recommender never trains on it.
/// </summary>
public sealed record GroundTruth(
    IReadOnlyList<PlantedCommunityInfo> Communities,
    IReadOnlyList<PlantedAffinityInfo> Affinities,
    IReadOnlyList<PlantedMembershipInfo> Memberships);

public interface IGroundTruthSource
{
    /// <summary>The planted structure, or null when the store has none (for example an imported MovieLens catalogue).</summary>
    Task<GroundTruth?> LoadAsync(CancellationToken cancellationToken = default);
}
