using StreamingDemo.Data;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Notifications;

/// <summary>M4 notifications and the site-wide demo clock.</summary>
public static class NotificationServices
{
    /// <summary>The demo clock's offset lives beside the seeded database, like the presenter key and the models.</summary>
    public const string ClockFileName = "demo-clock.json";

    /// <summary>Registers the demo clock as the app's <see cref="TimeProvider"/>; call before anything registers the system clock.</summary>
    public static IServiceCollection AddDemoClock(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DemoClock(TimeProvider.System,
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sp.GetRequiredService<StoreLocation>().SeededPath))!, ClockFileName)));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>());
        return services;
    }

    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<IViewingStartsPrior, InsightsStartsPrior>();
        services.AddSingleton<NotificationPlanner>();
        services.AddSingleton<NotificationCentre>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService<NotificationTicker>();
        return services;
    }
}

/// <summary>Real time moves the demo clock too: once the site is ready, checks every half minute for send times passed.</summary>
public sealed class NotificationTicker(IFirstRunStatus firstRun, NotificationDispatcher dispatcher, ILogger<NotificationTicker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (!firstRun.Current.IsReady)
            {
                continue;
            }

            try
            {
                await dispatcher.CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // A store being replaced (reset, dataset switch) fails one check; the next one catches up.
                logger.LogWarning(e, "Notification check failed; retrying in {Seconds} s", Interval.TotalSeconds);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
