using Microsoft.Data.Sqlite;

namespace StreamingDemo.Data.Seeding;

/// <summary>
/// Prepared-statement inserts inside the caller's transaction: about 20× faster than EF change tracking
/// for the millions of rows a preset needs.
/// </summary>
internal sealed class BulkWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    public void Insert<T>(string table, string[] columns, IEnumerable<T> rows, Action<SqliteParameter[], T> bind, Action<int>? onRow = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();
        var count = 0;
        foreach (var row in rows)
        {
            bind(parameters, row);
            command.ExecuteNonQuery();
            onRow?.Invoke(++count);
        }
    }

    /// <summary>Drops a table's secondary indexes for the duration of a bulk load and recreates them from their own DDL after.</summary>
    public void WithoutIndexes(string table, Action load)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL";
            query.Parameters.AddWithValue("$t", table);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute($"DROP INDEX \"{name}\"");
        }

        load();
        foreach (var (_, sql) in indexes)
        {
            Execute(sql);
        }
    }

    public void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
