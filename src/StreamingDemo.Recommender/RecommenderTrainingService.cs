using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender;

/// <summary>
/// Trains the recommender in the background: once the store is ready (reporting first-run progress), then again whenever
/// the data changed, on <see cref="RecommenderOptions.RetrainInterval"/>. Loads a persisted model for the current data
/// version instead of training when one exists; a failed run keeps the previous model serving.
/// </summary>
public sealed class RecommenderTrainingService(
    StreamingRecommender recommender,
    IInteractionSource source,
    FirstRunStatus status,
    IOptions<RecommenderOptions> options,
    ModelStore store,
    TimeProvider clock,
    ILogger<RecommenderTrainingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await status.WhenStoreReady.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception error)
        {
            logger.LogError(error, "The store never became ready; the recommender will not train");
            recommender.SetMessage("The store failed to initialise");
            return;
        }

        await RefreshAsync(firstRun: true, stoppingToken);
        var interval = options.Value.RetrainInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync(firstRun: false, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private readonly SemaphoreSlim refreshing = new(1, 1);

    /// <summary>
    /// Brings the live model in line with the store now (after a reset or a dataset switch): loads the persisted model
    /// for the store's data version, or trains one. Returns true when the live model matches the store afterwards.
    /// </summary>
    public async Task<bool> RefreshNowAsync(CancellationToken ct)
    {
        await RefreshAsync(firstRun: false, ct);
        return recommender.Model?.DataVersion == await source.GetDataVersionAsync(ct);
    }

    /// <summary>Retrains when the data version moved on since the live model; otherwise does nothing. One run at a time.</summary>
    internal async Task RefreshAsync(bool firstRun, CancellationToken ct)
    {
        await refreshing.WaitAsync(ct);
        try
        {
            await RefreshOnceAsync(firstRun, ct);
        }
        finally
        {
            refreshing.Release();
        }
    }

    private async Task RefreshOnceAsync(bool firstRun, CancellationToken ct)
    {
        try
        {
            var version = await source.GetDataVersionAsync(ct);
            if (!firstRun && recommender.Model?.DataVersion == version)
            {
                return;
            }

            var includedThrough = recommender.FeedbackSequence;
            if (firstRun)
            {
                status.Report(FirstRunStage.Training, "Reading viewing history…", 0);
            }

            var snapshot = await source.LoadSnapshotAsync(ct);
            var started = clock.GetTimestamp();
            var model = await Task.Run(() => store.TryLoad(snapshot, options.Value), ct);
            if (model is null)
            {
                var progress = new SynchronousProgress<TrainingProgress>(p =>
                {
                    if (firstRun)
                    {
                        status.Report(FirstRunStage.Training, $"Training taste communities… {p.Stage}", 5 + p.Fraction * 90);
                    }
                });
                model = await Task.Run(() => RecommenderTrainer.Train(snapshot, options.Value, progress: progress, clock: clock, ct: ct), ct);
                try
                {
                    await Task.Run(() => store.Save(model, options.Value), ct);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    // Serving matters more than the cache: the next start simply trains again.
                    logger.LogWarning(error, "Could not save the recommender model to {Directory}", store.Directory);
                }

                logger.LogInformation("Trained recommender on data {Version} in {Seconds:0.0} s", snapshot.DataVersion, clock.GetElapsedTime(started).TotalSeconds);
            }
            else
            {
                logger.LogInformation("Loaded the persisted recommender for data {Version} in {Seconds:0.0} s", snapshot.DataVersion, clock.GetElapsedTime(started).TotalSeconds);
            }

            recommender.Swap(model, includedThrough);
            if (firstRun)
            {
                status.Report(FirstRunStage.Ready, "Ready", 100);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception error)
        {
            logger.LogError(error, "Recommender training failed; the previous model keeps serving");
            recommender.SetMessage($"Training failed: {error.Message}");
            if (firstRun && recommender.Model is null)
            {
                status.Report(FirstRunStage.Failed, $"Training failed: {error.Message}", 0);
            }
        }
    }
}
