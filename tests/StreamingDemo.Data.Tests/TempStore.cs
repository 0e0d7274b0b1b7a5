using Microsoft.Data.Sqlite;
using StreamingDemo.Data.Seeding;

namespace StreamingDemo.Data.Tests;

/// <summary>A throwaway directory for real SQLite files, removed after the test.</summary>
public sealed class TempStore : IDisposable
{
    public TempStore() => Directory.CreateDirectory(DirectoryPath);

    public string DirectoryPath { get; } = Path.Combine(Path.GetTempPath(), "streamingdemo-tests", Guid.NewGuid().ToString("N"));

    public string PathFor(string name) => Path.Combine(DirectoryPath, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(DirectoryPath, recursive: true);
    }
}

/// <summary>One small seeded store shared by the read-only tests of a class.</summary>
public sealed class SmallStoreFixture : IAsyncLifetime
{
    private readonly TempStore temp = new();

    public string DatabasePath => temp.PathFor("small.db");

    public SeedSummary Summary { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Summary = await DatabaseSeeder.SeedAsync(DatabasePath, SeedPresets.Small, seed: 7);

    public ValueTask DisposeAsync()
    {
        temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
