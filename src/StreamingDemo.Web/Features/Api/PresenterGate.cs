using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using StreamingDemo.Web.Features.Presenter;

namespace StreamingDemo.Web.Features.Api;

/// <summary>
/// Checks the presenter policy inside an API endpoint, so a refusal is a problem-details body like every other API error:
/// 401 without a valid <c>X-Presenter-Key</c> (or presenter cookie), 403 when signed in but not allowed.
/// </summary>
internal static class PresenterGate
{
    public static async Task<ProblemHttpResult?> RefusalAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var policy = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(PresenterPolicy.Name)
            ?? throw new InvalidOperationException("The presenter policy is not registered.");
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, context);
        var authorization = await evaluator.AuthorizeAsync(policy, authentication, context, resource: null);
        if (authorization.Succeeded)
        {
            return null;
        }

        return authorization.Challenged
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The presenter key is required",
                detail: $"Send the presenter key in the {PresenterPolicy.HeaderName} header (or sign in at /presenter).")
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the presenter can do this", detail: "This sign-in is not the presenter's.");
    }
}
