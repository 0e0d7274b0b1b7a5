using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Seeding;

/// <summary>
/// The first run (PRODUCT.md W1): on start, a complete store is migrated and used as it is; a missing or
/// incomplete one is seeded into a side file that replaces it only once its completion marker is written,
/// so a run killed midway is simply redone on the next start.
/// </summary>
public sealed class StoreInitializer(
    StoreLocation store,
    IOptions<StoreOptions> options,
    IDbContextFactory<StreamingDbContext> contexts,
    FirstRunStatus status,
    IServiceProviderIsService services,
    ILogger<StoreInitializer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Off the start-up thread: Kestrel serves the warming-up page while this runs.
        Task.Run(() => InitializeAsync(stoppingToken), stoppingToken);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            status.Report(FirstRunStage.Migrating, "Opening the catalogue store", 1);
            var partial = StoreBuilder.PartialPath(store.DatabasePath);
            if (File.Exists(partial))
            {
                logger.LogWarning("Found {Partial} from an interrupted first run; discarding it and seeding again", partial);
                StoreFiles.Delete(partial);
            }

            if (await StoreFiles.IsCompleteAsync(store.DatabasePath, cancellationToken))
            {
                await using var context = await contexts.CreateDbContextAsync(cancellationToken);
                await context.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Store {Path} is complete; starting without reseeding", store.DatabasePath);
            }
            else
            {
                await SeedAsync(cancellationToken);
            }

            // A registered recommender trains next and reports Ready itself; without one the site is ready now.
            if (services.IsService(typeof(IRecommender)))
            {
                status.Report(FirstRunStage.Training, "Catalogue ready; training the recommender", 0);
            }
            else
            {
                status.Report(FirstRunStage.Ready, "Ready", 100);
            }

            status.MarkStoreReady();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("First run stopped before it finished; it will be redone on the next start");
        }
        catch (Exception error)
        {
            logger.LogError(error, "The catalogue store could not be prepared");
            status.MarkStoreFailed(error);
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.SeedOnStart)
        {
            throw new InvalidOperationException(
                $"The store at {store.DatabasePath} is missing or incomplete and Store:SeedOnStart is false. Seed it with the CLI or enable SeedOnStart.");
        }

        var preset = SeedPresets.Get(settings.Preset);
        logger.LogInformation("First run: seeding preset {Preset} (seed {Seed}) into {Path}", preset.Name, settings.Seed, store.DatabasePath);
        var lastLogged = -10.0;
        var progress = new SynchronousProgress<SeedProgress>(p =>
        {
            status.Report(FirstRunStage.Seeding, p.Stage, p.Percent);
            if (p.Percent - lastLogged >= 10 || p.Percent >= 100)
            {
                lastLogged = p.Percent;
                logger.LogInformation("First run: {Stage} {Percent:0}%", p.Stage, p.Percent);
            }
        });
        var summary = await DatabaseSeeder.SeedAsync(store.DatabasePath, preset, settings.Seed, progress, cancellationToken);
        logger.LogInformation(
            "First run: seeded {Titles} titles, {Profiles} profiles, {Sessions} viewing sessions in {Seconds:0.0} s",
            summary.Titles, summary.Profiles, summary.Sessions, summary.Elapsed.TotalSeconds);
    }
}

public static class StoreInitializerRegistration
{
    /// <summary>Registers the first-run status and the hosted service that migrates and seeds the store.</summary>
    public static IServiceCollection AddStoreInitializer(this IServiceCollection services)
    {
        services.AddSingleton<FirstRunStatus>();
        services.AddSingleton<IFirstRunStatus>(sp => sp.GetRequiredService<FirstRunStatus>());
        services.AddSingleton<StoreInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreInitializer>());
        return services;
    }
}
