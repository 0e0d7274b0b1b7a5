using Microsoft.Data.Sqlite;
using StreamingDemo.Domain;

namespace StreamingDemo.Data;

/// <summary>Reads the planted communities of a seeded store for offline evaluation.</summary>
public sealed class SqliteGroundTruthSource(StoreLocation store) : IGroundTruthSource
{
    public async Task<GroundTruth?> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var communities = await SqliteReads.ListAsync(connection, "SELECT Id, Name, IsKids FROM GroundTruthCommunities ORDER BY Id",
            r => new PlantedCommunityInfo(r.GetInt32(0), r.GetString(1), r.GetBoolean(2)), cancellationToken);
        if (communities.Count == 0)
        {
            return null;
        }

        var affinities = await SqliteReads.ListAsync(connection, "SELECT CommunityId, MicroGenreId, Weight FROM GroundTruthCommunityAffinities ORDER BY CommunityId, MicroGenreId",
            r => new PlantedAffinityInfo(r.GetInt32(0), r.GetInt32(1), r.GetFloat(2)), cancellationToken);
        var memberships = await SqliteReads.ListAsync(connection, "SELECT ProfileId, Rank, CommunityId, Weight FROM GroundTruthMemberships ORDER BY ProfileId, Rank",
            r => new PlantedMembershipInfo(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetFloat(3)), cancellationToken);
        return new GroundTruth(communities, affinities, memberships);
    }
}
