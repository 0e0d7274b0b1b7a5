using StreamingDemo.Web.Features.Presenter;
using StreamingDemo.Web.Features.Security;

namespace StreamingDemo.Web.Features.Operations;

public static class AdminEndpoints
{
    /// <summary>
    /// <c>POST /api/v1/admin/reset</c>: the presenter's reset for scripts. 401 without the key (X-Presenter-Key header or
    /// the presenter's cookie), 409 while another reset runs, 200 with what was restored.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1/admin")
            .RequireAuthorization(PresenterPolicy.Name)
            .RequireRateLimiting(RateLimitPolicies.Api)
            .WithTags("Presenter");
        admin.MapPost("/reset", async (DemoReset reset, CancellationToken cancellationToken) =>
        {
            try
            {
                var result = await reset.ResetAsync(cancellationToken: cancellationToken);
                return Results.Ok(new
                {
                    result.Preset,
                    result.Seed,
                    result.Titles,
                    result.Profiles,
                    result.Sessions,
                    result.ModelVersion,
                    elapsedSeconds = Math.Round(result.Elapsed.TotalSeconds, 1),
                });
            }
            catch (InvalidOperationException busy) when (reset.IsRunning)
            {
                return Results.Problem(busy.Message, statusCode: StatusCodes.Status409Conflict);
            }
        })
        .WithName("ResetDemo")
        .WithSummary("Restore the seeded store and its models (presenter only)");
        return endpoints;
    }
}
