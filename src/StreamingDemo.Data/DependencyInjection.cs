using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamingDemo.Domain;

namespace StreamingDemo.Data;

public static class DependencyInjection
{
    /// <summary>Registers the SQLite store, a context factory (one context per operation) and the snapshot reader.</summary>
    public static IServiceCollection AddStreamingData(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "Store:DatabasePath must not be empty.")
            .Validate(o => SeedPresets.TryGet(o.Preset, out _), $"Store:Preset must be one of: {string.Join(", ", SeedPresets.Names)}.")
            .ValidateOnStart();
        services.AddSingleton(sp => StoreLocation.Open(ResolvePath(sp.GetRequiredService<IOptions<StoreOptions>>().Value.DatabasePath, contentRoot)));
        // The factory's options are built once; the interceptor points each connection at the store live at open time.
        services.AddDbContextFactory<StreamingDbContext>((sp, options) =>
        {
            var store = sp.GetRequiredService<StoreLocation>();
            options.UseSqlite(store.ConnectionString).AddInterceptors(new LiveStoreConnection(store));
        });
        services.AddSingleton<IInteractionSource, SqliteInteractionSource>();
        services.AddSingleton<Studio.ViewingFacts>();
        services.AddSingleton<Studio.BillboardFacts>();
        return services;
    }

    private static string ResolvePath(string path, string contentRoot) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
}

/// <summary>Opens every EF connection on the store live now, so a dataset switch reaches contexts from the one factory.</summary>
internal sealed class LiveStoreConnection(StoreLocation store) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Point(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Point(connection);
        return ValueTask.FromResult(result);
    }

    private void Point(DbConnection connection)
    {
        var live = store.ConnectionString;
        if (!string.Equals(connection.ConnectionString, live, StringComparison.Ordinal))
        {
            connection.ConnectionString = live;
        }
    }
}

/// <summary>
/// The resolved database file and its connection string. The configured (seeded) store is the default; the presenter
/// can switch the site to an imported dataset under <see cref="DatasetDirectory"/> (L5), and the choice is kept in
/// <see cref="LiveMarkerPath"/> so it survives a restart. Everything that opens the store reads <see cref="ConnectionString"/>
/// per operation, so a switch takes effect on the next query.
/// </summary>
public sealed class StoreLocation
{
    private volatile string current;

    public StoreLocation(string databasePath)
    {
        SeededPath = databasePath;
        current = databasePath;
    }

    /// <summary>The configured store the seeder builds and a reset restores.</summary>
    public string SeededPath { get; }

    /// <summary>The store the site serves now.</summary>
    public string DatabasePath => current;

    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = current,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Where trained models are kept unless Recommender:ModelDirectory says otherwise: "models" beside the seeded database.</summary>
    public string ModelDirectory => Path.Combine(Path.GetDirectoryName(SeededPath)!, "models");

    /// <summary>Where imported datasets live: "datasets" beside the seeded database, one <c>slug.db</c> each.</summary>
    public string DatasetDirectory => Path.Combine(Path.GetDirectoryName(SeededPath)!, "datasets");

    /// <summary>Names the live dataset's file when it is not the seeded store.</summary>
    public string LiveMarkerPath => Path.Combine(DatasetDirectory, "live.txt");

    /// <summary>The configured store, or the imported dataset the marker names when that file still exists.</summary>
    public static StoreLocation Open(string seededPath)
    {
        var location = new StoreLocation(seededPath);
        if (File.Exists(location.LiveMarkerPath))
        {
            var name = File.ReadAllText(location.LiveMarkerPath).Trim();
            var path = Path.Combine(location.DatasetDirectory, name);
            if (name.Length > 0 && Path.GetFileName(name) == name && File.Exists(path))
            {
                location.current = path;
            }
        }

        return location;
    }

    /// <summary>Serves <paramref name="databasePath"/> from now on and records the choice beside the database.</summary>
    public void Use(string databasePath)
    {
        if (string.Equals(databasePath, SeededPath, StringComparison.Ordinal))
        {
            if (File.Exists(LiveMarkerPath))
            {
                File.Delete(LiveMarkerPath);
            }
        }
        else
        {
            Directory.CreateDirectory(DatasetDirectory);
            var marker = LiveMarkerPath + ".partial";
            File.WriteAllText(marker, Path.GetFileName(databasePath));
            File.Move(marker, LiveMarkerPath, overwrite: true);
        }

        current = databasePath;
    }
}
