using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamingDemo.Cli.Commands;
using StreamingDemo.Data;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Recommender;

namespace StreamingDemo.Cli;

/// <summary>
/// The web app's composition for the CLI: the same <c>AddStreamingData</c> and <c>AddRecommender</c> (options bound from
/// the "Store" and "Recommender" sections and validated, the configured model directory), pointed at one store.
/// Environment variables configure it as they do the site (<c>Recommender__Factors=64</c>, <c>Recommender__ModelDirectory=…</c>);
/// what the command line says wins.
/// </summary>
internal static class CliServices
{
    /// <summary>
    /// The composition for a verb that reads an existing store (evaluate, train, home): the file must be a complete store, and
    /// one written by an older version is migrated first, as the site does at start. Anything else is a usage error that
    /// names the file and changes nothing.
    /// </summary>
    public static async Task<ServiceProvider> ForExistingStoreAsync(string databasePath, CancellationToken cancellationToken, params (string Key, string Value)[] settings)
    {
        if (!await StoreFiles.IsCompleteAsync(databasePath, cancellationToken))
        {
            throw new CommandLineException(
                $"{databasePath} is not a complete StreamingDemo store (not SQLite, or seeding never finished). Seed one with `seed --db {databasePath}` or import one with `import`.");
        }

        var provider = For(databasePath, settings);
        try
        {
            await using var context = await provider.GetRequiredService<IDbContextFactory<StreamingDbContext>>().CreateDbContextAsync(cancellationToken);
            await context.Database.MigrateAsync(cancellationToken);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public static ServiceProvider For(string databasePath, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection([new(StoreOptions.SectionName + ":" + nameof(StoreOptions.DatabasePath), databasePath),
                .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddStreamingData(Directory.GetCurrentDirectory());
        services.AddRecommender(sp => sp.GetRequiredService<StoreLocation>().ModelDirectory);
        var provider = services.BuildServiceProvider();
        // As the web host does at start: every option set registered with ValidateOnStart, checked now.
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }
}
