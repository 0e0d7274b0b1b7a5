using StreamingDemo.Domain;

namespace StreamingDemo.Web.FirstRun;

/// <summary>
/// Declares the site ready once the store is migrated and seeded. While nothing trains at start-up this is
/// the last step of the first run; when the recommender trains on start, it reports Ready itself and this
/// service only fills the gap if it has not.
/// </summary>
public sealed partial class SiteReadyAnnouncer(FirstRunStatus status, ILogger<SiteReadyAnnouncer> logger) : BackgroundService
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
#pragma warning disable CA1031 // The store initializer already reported the failure to the warming-up page; this service only must not crash the host.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogStoreFailed(logger, error);
            return;
        }

        if (status.Current.Stage is not (FirstRunStage.Ready or FirstRunStage.Failed or FirstRunStage.Training))
        {
            status.Report(FirstRunStage.Ready, "Ready", 100);
            LogReady(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The site is ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store did not become ready; the warming-up page shows the failure")]
    private static partial void LogStoreFailed(ILogger logger, Exception error);
}
