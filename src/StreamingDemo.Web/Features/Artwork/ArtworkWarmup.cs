using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Operations;

namespace StreamingDemo.Web.Features.Artwork;

/// <summary>
/// As soon as the first model is live, warm-starts the artwork bandit from the logged impressions (seconds on `demo`)
/// and runs the studio's artwork replay, so neither the first home page nor the first studio visit waits for them. After a
/// presenter reset or a dataset switch it has the artwork follow the new store and warms it again.
/// </summary>
public sealed class ArtworkWarmup(IFirstRunStatus firstRun, ArtworkService artwork, ArtworkReplayService replay, StoreEvents events, ILogger<ArtworkWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(FirstRunProgress progress)
        {
            if (progress.IsReady)
            {
                ready.TrySetResult();
            }
        }

        // Subscribed before any page is (handlers run in order): the artwork drops the old store's state before pages reload.
        void OnReplaced(string reason)
        {
            artwork.StoreReplaced(reason);
            _ = WarmAsync(stoppingToken);
        }

        firstRun.Changed += OnChanged;
        events.Replaced += OnReplaced;
        try
        {
            OnChanged(firstRun.Current);
            await ready.Task.WaitAsync(stoppingToken);
            await WarmAsync(stoppingToken);
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the first page that needs the bandit warm-starts it.
        }
        finally
        {
            firstRun.Changed -= OnChanged;
            events.Replaced -= OnReplaced;
        }
    }

    private async Task WarmAsync(CancellationToken stoppingToken)
    {
        try
        {
            await artwork.WarmAsync(stoppingToken);
            await replay.GetAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down first: the first page that needs the bandit warm-starts it.
        }
        catch (Exception error) when (error is InvalidOperationException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogWarning(error, "The artwork bandit could not be warmed ahead of time; the first page that needs it does so");
        }
    }
}
