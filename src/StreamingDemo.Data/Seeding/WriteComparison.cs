using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Seeding;

public sealed record WriteRate(string Writer, int Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>
/// Writes the same viewing sessions into two fresh stores, once through EF Core's change tracker and once
/// through the seeder's bulk writer, so the benchmark shows what the bulk path buys in the same run.
/// </summary>
public static class WriteComparison
{
    public static async Task<IReadOnlyList<WriteRate>> RunAsync(string directory, int rows, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        Directory.CreateDirectory(directory);
        var random = new Random(1);
        var start = WorldGenerator.ReferenceDate.AddDays(-180).Ticks;
        var sessions = Enumerable.Range(0, rows)
            .Select(i => new GeneratedSession(1 + (i / 100), 1 + random.Next(1000), 0, (DeviceType)random.Next(4),
                start + (i * TimeSpan.TicksPerMinute), 0, random.Next(60, 7200), random.NextDouble() < 0.7))
            .ToArray();

        var efPath = Path.Combine(directory, "compare-ef.db");
        var options = await CreateAsync(efPath, cancellationToken);
        var clock = TimeProvider.System.GetTimestamp();
        await using (var context = new StreamingDbContext(options))
        {
            context.ViewingSessions.AddRange(sessions.Select((s, i) => new ViewingSession
            {
                Id = i + 1, ProfileId = s.ProfileId, TitleId = s.TitleId, Device = s.Device, StartedAt = new DateTime(s.StartedAtTicks, DateTimeKind.Utc),
                StartPositionSeconds = s.StartPosition, EndPositionSeconds = s.EndPosition, Completed = s.Completed,
            }));
            await context.SaveChangesAsync(cancellationToken);
        }

        var ef = new WriteRate("EF Core AddRange + SaveChanges", rows, TimeProvider.System.GetElapsedTime(clock));

        var bulkPath = Path.Combine(directory, "compare-bulk.db");
        await CreateAsync(bulkPath, cancellationToken);
        clock = TimeProvider.System.GetTimestamp();
        await using (var connection = new SqliteConnection($"Data Source={bulkPath};Pooling=False"))
        {
            await connection.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            StoreBuilder.WriteSessions(new BulkWriter(connection, transaction), sessions, null);
            await transaction.CommitAsync(cancellationToken);
        }

        var bulk = new WriteRate("Bulk writer (prepared multi-row INSERT)", rows, TimeProvider.System.GetElapsedTime(clock));
        StoreFiles.Delete(efPath);
        StoreFiles.Delete(bulkPath);
        return [ef, bulk];
    }

    private static async Task<DbContextOptions<StreamingDbContext>> CreateAsync(string path, CancellationToken cancellationToken)
    {
        StoreFiles.Delete(path);
        var options = new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using var context = new StreamingDbContext(options);
        await context.Database.MigrateAsync(cancellationToken);
        return options;
    }
}
