using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using StreamingDemo.Web.Features.Security;

namespace StreamingDemo.Web.Features.Presenter;

public static class PresenterEndpoints
{
    /// <summary>Where a wrong key sends the browser back to; the key itself never appears in a URL.</summary>
    public const string SignInPage = "/presenter";

    public static IEndpointRouteBuilder MapPresenterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Plain form posts (antiforgery-checked by the form binding), so the cookie is set by an HTTP response.
        endpoints.MapPost("/presenter/sign-in", async ([FromForm] string? key, [FromForm] string? returnUrl, PresenterKey presenterKey, HttpContext context, ILoggerFactory loggers) =>
        {
            if (!presenterKey.Matches(key))
            {
                loggers.CreateLogger(typeof(PresenterEndpoints)).LogWarning(
                    "Presenter sign-in with a wrong key from {Address}", context.Connection.RemoteIpAddress);
                return Results.LocalRedirect(SignInPage + "?error=wrong-key");
            }

            var principal = new ClaimsPrincipal(PresenterIdentity.Create(presenterKey.Fingerprint, PresenterPolicy.CookieScheme));
            await context.SignInAsync(PresenterPolicy.CookieScheme, principal, new AuthenticationProperties { IsPersistent = true });
            return Results.LocalRedirect(LocalOrDefault(returnUrl, SignInPage));
        }).RequireRateLimiting(RateLimitPolicies.PresenterSignIn).ExcludeFromDescription();

        endpoints.MapPost("/presenter/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(PresenterPolicy.CookieScheme);
            return Results.LocalRedirect(SignInPage);
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Only same-site paths: an open redirect would let a link send a signed-in presenter anywhere.</summary>
    public static string LocalOrDefault(string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : fallback;
}
