using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Health;

/// <summary>Healthy once the store is migrated and seeded; unhealthy while seeding (with the stage) or after a failed first run.</summary>
public sealed class StoreHealthCheck(FirstRunStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var progress = status.Current;
        var data = new Dictionary<string, object> { ["stage"] = progress.Stage.ToString(), ["percent"] = progress.Percent };
        var store = status.WhenStoreReady;
        var result = store.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy("Store seeded", data)
            : store.IsFaulted
                ? HealthCheckResult.Unhealthy("First run failed: " + progress.Message, data: data)
                : HealthCheckResult.Unhealthy(progress.Message, data: data);
        return Task.FromResult(result);
    }
}

/// <summary>Healthy while a trained model is serving; reports its version and when it was trained.</summary>
public sealed class RecommenderHealthCheck(IRecommender recommender) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = recommender.Status;
        var data = new Dictionary<string, object> { ["modelVersion"] = status.ModelVersion };
        if (status.TrainedAt is DateTime trainedAt)
        {
            data["trainedAt"] = trainedAt;
        }

        return Task.FromResult(status.IsReady
            ? HealthCheckResult.Healthy(status.Message, data)
            : HealthCheckResult.Unhealthy(status.Message, data: data));
    }
}

/// <summary>
/// Healthy once the site has warmed itself up (<see cref="SiteWarmup"/>), so the first attendee a load balancer or the
/// presenter lets in does not pay the process's cold start; an in-memory server (tests) has nothing to warm.
/// </summary>
public sealed class WarmthHealthCheck(SiteWarmth warmth, IServer server) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmth.IsWarm || SiteWarmup.Addresses(server).Count == 0
            ? HealthCheckResult.Healthy("Warm")
            : HealthCheckResult.Unhealthy("Warming up: rendering the first pages once"));
}
