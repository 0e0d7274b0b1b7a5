using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
        services.AddSingleton(sp => new StoreLocation(ResolvePath(sp.GetRequiredService<IOptions<StoreOptions>>().Value.DatabasePath, contentRoot)));
        services.AddDbContextFactory<StreamingDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<StoreLocation>().ConnectionString));
        services.AddSingleton<IInteractionSource, SqliteInteractionSource>();
        services.AddSingleton<Studio.ViewingFacts>();
        return services;
    }

    private static string ResolvePath(string path, string contentRoot) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));
}

/// <summary>The resolved database file and its connection string.</summary>
public sealed record StoreLocation(string DatabasePath)
{
    public string ConnectionString { get; } = new SqliteConnectionStringBuilder
    {
        DataSource = DatabasePath,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Where trained models are kept unless Recommender:ModelDirectory says otherwise: "models" beside the database.</summary>
    public string ModelDirectory => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "models");
}
