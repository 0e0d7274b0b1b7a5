using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Data.Seeding;

namespace StreamingDemo.Web.Tests;

/// <summary>A store seeded once with the small preset (same seed, same world) and shared by the feature-service tests.</summary>
public sealed class SeededStore : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "streamingdemo-web-tests-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider? services;

    public string DatabasePath => Path.Combine(directory, "store.db");

    public IDbContextFactory<StreamingDbContext> Contexts => services!.GetRequiredService<IDbContextFactory<StreamingDbContext>>();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        await DatabaseSeeder.SeedAsync(DatabasePath, SeedPresets.Small, seed: 42);
        var collection = new ServiceCollection();
        collection.AddDbContextFactory<StreamingDbContext>(o => o.UseSqlite(new StoreLocation(DatabasePath).ConnectionString));
        services = collection.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

[CollectionDefinition(nameof(SeededStoreCollection))]
public sealed class SeededStoreCollection : ICollectionFixture<SeededStore>;
