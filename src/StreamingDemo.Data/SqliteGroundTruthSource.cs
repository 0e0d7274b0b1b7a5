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
        var communities = await ReadAsync(connection, "SELECT Id, Name, IsKids FROM GroundTruthCommunities ORDER BY Id",
            r => new PlantedCommunityInfo(r.GetInt32(0), r.GetString(1), r.GetBoolean(2)), cancellationToken);
        if (communities.Count == 0)
        {
            return null;
        }

        var affinities = await ReadAsync(connection, "SELECT CommunityId, MicroGenreId, Weight FROM GroundTruthCommunityAffinities ORDER BY CommunityId, MicroGenreId",
            r => new PlantedAffinityInfo(r.GetInt32(0), r.GetInt32(1), r.GetFloat(2)), cancellationToken);
        var memberships = await ReadAsync(connection, "SELECT ProfileId, Rank, CommunityId, Weight FROM GroundTruthMemberships ORDER BY ProfileId, Rank",
            r => new PlantedMembershipInfo(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetFloat(3)), cancellationToken);
        return new GroundTruth(communities, affinities, memberships);
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
