using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Recommender;

namespace StreamingDemo.Web.Features.Operations;

/// <summary>What a reset did, for the presenter page and the API.</summary>
public sealed record ResetResult(string Preset, int Seed, int Titles, int Profiles, int Sessions, string ModelVersion, TimeSpan Elapsed);

/// <summary>
/// One-click reset (W2): rebuilds the store from the configured preset and seed through the one store builder (a
/// partial file renamed over the live store only when complete, so a crash mid-reset leaves the old store), then
/// switches the site back to the seeded store when a dataset was live, has the recommender load or train the model for the seeded data, without restarting the server. Open pages hear
/// <see cref="StoreEvents.Replaced"/> and reload onto the fresh store. One reset runs at a time. The whole reset holds the
/// <see cref="StoreWriteGate"/>: writes in flight finish first, writes arriving meanwhile wait and land on the fresh store.
/// </summary>
public sealed class DemoReset(
    StoreLocation store,
    IOptions<StoreOptions> options,
    RecommenderTrainingService training,
    StreamingDemo.Domain.IRecommender recommender,
    StoreEvents events,
    StoreWriteGate gate,
    TimeProvider clock,
    ILogger<DemoReset> logger) : IDisposable
{
    private readonly SemaphoreSlim running = new(1, 1);

    public bool IsRunning => running.CurrentCount == 0;

    /// <summary>Resets the demo. Throws <see cref="InvalidOperationException"/> when a reset is already running.</summary>
    public async Task<ResetResult> ResetAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!await running.WaitAsync(0, cancellationToken))
        {
            throw new InvalidOperationException("A reset is already running.");
        }

        try
        {
            var result = await gate.ReplaceAsync(() => RebuildAsync(progress, cancellationToken), cancellationToken);
            // Pages reload once the gate is open again, so whatever they do next lands on the fresh store at once.
            events.RaiseReplaced("reset");
            return result;
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<ResetResult> RebuildAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var settings = options.Value;
        var preset = SeedPresets.Get(settings.Preset);
        logger.LogWarning("Presenter reset: reseeding preset {Preset} (seed {Seed}) into {Path}", preset.Name, settings.Seed, store.SeededPath);
        progress?.Report("Rebuilding the seeded catalogue and viewers");
        var seeded = await DatabaseSeeder.SeedAsync(store.SeededPath, preset, settings.Seed, cancellationToken: cancellationToken);
        // A reset always brings back the seeded demo, also when an imported dataset was live.
        store.Use(store.SeededPath);

        progress?.Report("Loading the recommender for the seeded data");
        if (!await training.RefreshNowAsync(cancellationToken))
        {
            throw new InvalidOperationException("The recommender could not be brought up to date after the reset: " + recommender.Status.Message);
        }

        var result = new ResetResult(preset.Name, settings.Seed, seeded.Titles, seeded.Profiles, seeded.Sessions,
            recommender.Status.ModelVersion, clock.GetElapsedTime(started));
        logger.LogWarning("Presenter reset finished in {Seconds:0.0} s; model {Version} is live", result.Elapsed.TotalSeconds, result.ModelVersion);
        return result;
    }

    public void Dispose() => running.Dispose();
}
