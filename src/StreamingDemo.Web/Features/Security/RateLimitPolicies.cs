using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace StreamingDemo.Web.Features.Security;

/// <summary>
/// Named ASP.NET Core rate-limiter policies, partitioned per client address. Apply with
/// <c>.RequireRateLimiting(RateLimitPolicies.Api)</c> on a route group, <c>Writes</c> on endpoints that store something.
/// A rejected request gets 429 with Retry-After.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Every /api/v1 call: generous enough for a workshop room behind one address, not for a scraper loop.</summary>
    public const string Api = "api";

    /// <summary>Endpoints that write (feedback, progress, profile creation, imports).</summary>
    public const string Writes = "writes";

    /// <summary>Presenter sign-in attempts: a handful a minute, so the key cannot be guessed online.</summary>
    public const string PresenterSignIn = "presenter-sign-in";

    public static IServiceCollection AddStreamingRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.SectionName));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Api, context => Window(context, Api, limits.ApiPerMinute));
            options.AddPolicy(Writes, context => Window(context, Writes, limits.WritesPerMinute));
            options.AddPolicy(PresenterSignIn, context => Window(context, PresenterSignIn, limits.PresenterSignInsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> Window(HttpContext context, string policy, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            policy + ":" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}

/// <summary>Section "RateLimits": HTTP permits per client address per minute, and the feedback budget per profile.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public int ApiPerMinute { get; set; } = 600;

    public int WritesPerMinute { get; set; } = 300;

    public int PresenterSignInsPerMinute { get; set; } = 5;

    /// <summary>Feedback writes (thumbs, plays, progress, onboarding picks) per profile per minute, from any source including a Blazor circuit.</summary>
    public int FeedbackPerProfilePerMinute { get; set; } = 120;

    /// <summary>How many feedback writes a profile may make at once before the per-minute pace applies.</summary>
    public int FeedbackBurstPerProfile { get; set; } = 60;
}
