using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Artwork;

/// <summary>
/// As soon as the first model is live, warm-starts the artwork bandit from the logged impressions (seconds on `demo`)
/// and runs the studio's artwork replay, so neither the first home page nor the first studio visit waits for them.
/// </summary>
public sealed class ArtworkWarmup(IFirstRunStatus firstRun, ArtworkService artwork, ArtworkReplayService replay, ILogger<ArtworkWarmup> logger) : BackgroundService
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

        firstRun.Changed += OnChanged;
        try
        {
            OnChanged(firstRun.Current);
            await ready.Task.WaitAsync(stoppingToken);
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
        finally
        {
            firstRun.Changed -= OnChanged;
        }
    }
}
