using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;

namespace StreamingDemo.Web.Tests;

/// <summary>A private copy of the seeded store for a test that writes, so the shared one stays as seeded.</summary>
public sealed class StoreCopy : IAsyncDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "streamingdemo-web-copy-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly ServiceProvider services;

    public StoreCopy(SeededStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using (var source = new SqliteConnection(new StoreLocation(store.DatabasePath).ConnectionString))
        {
            source.Open();
            using var copy = source.CreateCommand();
            copy.CommandText = "VACUUM INTO $path";
            copy.Parameters.AddWithValue("$path", path);
            copy.ExecuteNonQuery();
        }

        var collection = new ServiceCollection();
        collection.AddDbContextFactory<StreamingDbContext>(o => o.UseSqlite(new StoreLocation(path).ConnectionString));
        services = collection.BuildServiceProvider();
    }

    public IDbContextFactory<StreamingDbContext> Contexts => services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();

    public string DatabasePath => path;

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
