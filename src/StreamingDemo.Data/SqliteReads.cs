using Microsoft.Data.Sqlite;

namespace StreamingDemo.Data;

/// <summary>Plain reads for the snapshot readers: one query, one mapped list, no change tracking.</summary>
internal static class SqliteReads
{
    public static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
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
