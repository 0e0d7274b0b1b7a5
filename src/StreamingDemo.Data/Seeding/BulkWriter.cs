using Microsoft.Data.Sqlite;

namespace StreamingDemo.Data.Seeding;

/// <summary>Binds one row's values to its slice of a multi-row INSERT's parameters.</summary>
internal delegate void RowBinder<in T>(Span<SqliteParameter> parameters, T row);

/// <summary>
/// Prepared multi-row inserts inside the caller's transaction: many times faster than EF change tracking
/// for the millions of rows a preset needs.
/// </summary>
internal sealed class BulkWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    private const int RowsPerStatement = 8;

    public void Insert<T>(string table, string[] columns, IEnumerable<T> rows, RowBinder<T> bind, Action<int>? onRow = null)
    {
        using var full = Prepare(table, columns, RowsPerStatement, out var fullParameters);
        var buffer = new T[RowsPerStatement];
        var buffered = 0;
        var written = 0;
        foreach (var row in rows)
        {
            buffer[buffered++] = row;
            if (buffered == RowsPerStatement)
            {
                Execute(full, fullParameters, columns.Length, buffer, buffered, bind);
                written += buffered;
                buffered = 0;
                onRow?.Invoke(written);
            }
        }

        if (buffered > 0)
        {
            using var tail = Prepare(table, columns, buffered, out var tailParameters);
            Execute(tail, tailParameters, columns.Length, buffer, buffered, bind);
            onRow?.Invoke(written + buffered);
        }
    }

    private SqliteCommand Prepare(string table, string[] columns, int rowCount, out SqliteParameter[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var rowsSql = Enumerable.Range(0, rowCount)
            .Select(r => "(" + string.Join(", ", columns.Select((_, c) => $"$p{(r * columns.Length) + c}")) + ")");
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", rowsSql)}";
        parameters = Enumerable.Range(0, rowCount * columns.Length)
            .Select(i => command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value)))
            .ToArray();
        command.Prepare();
        return command;
    }

    private static void Execute<T>(SqliteCommand command, SqliteParameter[] parameters, int width, T[] rows, int count, RowBinder<T> bind)
    {
        for (var r = 0; r < count; r++)
        {
            bind(parameters.AsSpan(r * width, width), rows[r]);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Binds one row's values in column order; booleans become 0/1 and nulls DBNull, as SQLite stores them.</summary>
    public static void Bind(Span<SqliteParameter> parameters, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                bool b => b ? 1 : 0,
                var v => v,
            };
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
