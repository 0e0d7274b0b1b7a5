using Microsoft.Data.Sqlite;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Studio;

/// <summary>One viewing session as the studio's aggregates count it.</summary>
public readonly record struct SessionFact(int ProfileId, int TitleId, DeviceType Device, DateTime StartedAt);

/// <summary>When a profile first watched a title.</summary>
public readonly record struct FirstWatch(int ProfileId, int TitleId, DateTime At);

/// <summary>
/// Where viewers of one title paused and stopped: positions in seconds into the movie or episode, with its runtime.
/// <see cref="StopSeconds"/> holds the end position of every session that ended before the credits.
/// </summary>
public sealed record TitleViewingFacts(int TitleId, int RuntimeMinutes, int Sessions, IReadOnlyList<int> PauseSeconds, IReadOnlyList<int> StopSeconds);

/// <summary>Plain SQL reads behind the marketer studio's aggregates (M2, M3): streamed, untracked, on indexed columns.</summary>
public sealed class ViewingFacts(StoreLocation store)
{
    /// <summary>Every viewing session, in storage order (one pass; the caller aggregates).</summary>
    public async IAsyncEnumerable<SessionFact> ReadSessionsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ProfileId, TitleId, Device, StartedAt FROM ViewingSessions";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new SessionFact(reader.GetInt32(0), reader.GetInt32(1), (DeviceType)reader.GetInt32(2), new DateTime(reader.GetInt64(3), DateTimeKind.Utc));
        }
    }

    /// <summary>The first session of each title each of the given profiles watched (index on ProfileId, StartedAt).</summary>
    public async Task<IReadOnlyList<FirstWatch>> FirstWatchesAsync(IReadOnlyCollection<int> profileIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var result = new List<FirstWatch>();
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in profileIds.Distinct().Order().Chunk(500))
        {
            result.AddRange(await SqliteReads.ListAsync(connection,
                $"SELECT ProfileId, TitleId, MIN(StartedAt) FROM ViewingSessions WHERE ProfileId IN ({string.Join(',', chunk)}) GROUP BY ProfileId, TitleId",
                r => new FirstWatch(r.GetInt32(0), r.GetInt32(1), new DateTime(r.GetInt64(2), DateTimeKind.Utc)), cancellationToken));
        }

        return result;
    }

    /// <summary>The influence edges leaving the given profiles (primary key starts with FromProfileId).</summary>
    public async Task<IReadOnlyList<InfluenceEdgeInfo>> EdgesFromAsync(IReadOnlyCollection<int> profileIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var result = new List<InfluenceEdgeInfo>();
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in profileIds.Distinct().Order().Chunk(500))
        {
            result.AddRange(await SqliteReads.ListAsync(connection,
                $"SELECT FromProfileId, ToProfileId, Weight FROM InfluenceEdges WHERE FromProfileId IN ({string.Join(',', chunk)})",
                r => new InfluenceEdgeInfo(r.GetInt32(0), r.GetInt32(1), r.GetFloat(2)), cancellationToken));
        }

        return result;
    }

    /// <summary>Titles by how many pause points viewers left in them, most first.</summary>
    public async Task<IReadOnlyList<(int TitleId, int Pauses)>> MostPausedTitlesAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection,
            $"SELECT TitleId, COUNT(*) AS Pauses FROM PausePoints GROUP BY TitleId ORDER BY Pauses DESC, TitleId LIMIT {Math.Max(1, count)}",
            r => (r.GetInt32(0), r.GetInt32(1)), cancellationToken);
    }

    /// <summary>Pause points and early stops of one title (indexes on PausePoints.TitleId and ViewingSessions.TitleId); null for an unknown title.</summary>
    public async Task<TitleViewingFacts?> TitleViewingAsync(int titleId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var runtime = await SqliteReads.ListAsync(connection, $"SELECT RuntimeMinutes FROM Titles WHERE Id = {titleId}", r => r.GetInt32(0), cancellationToken);
        if (runtime.Count == 0)
        {
            return null;
        }

        var pauses = await SqliteReads.ListAsync(connection, $"SELECT PositionSeconds FROM PausePoints WHERE TitleId = {titleId}", r => r.GetInt32(0), cancellationToken);
        var sessions = await SqliteReads.ListAsync(connection, $"SELECT EndPositionSeconds, Completed FROM ViewingSessions WHERE TitleId = {titleId}",
            r => (End: r.GetInt32(0), Completed: r.GetBoolean(1)), cancellationToken);
        return new TitleViewingFacts(titleId, runtime[0], sessions.Count, pauses, [.. sessions.Where(s => !s.Completed).Select(s => s.End)]);
    }

    /// <summary>Every title's micro-genres, with the micro-genre names.</summary>
    public async Task<IReadOnlyList<(int TitleId, int MicroGenreId, string Name)>> TitleTagsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection,
            "SELECT t.TitleId, t.MicroGenreId, m.Name FROM TitleTags t JOIN MicroGenres m ON m.Id = t.MicroGenreId",
            r => (r.GetInt32(0), r.GetInt32(1), r.GetString(2)), cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
