using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace StreamingDemo.Web.Features.Presenter;

/// <summary>
/// Authenticates API calls that carry the key in the <c>X-Presenter-Key</c> header; answers 401 when they do not.
/// </summary>
public sealed class PresenterKeyHeaderHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PresenterKey key) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(PresenterPolicy.HeaderName, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count != 1 || !key.Matches(values[0]))
        {
            // The candidate itself is never logged.
            return Task.FromResult(AuthenticateResult.Fail("The presenter key does not match."));
        }

        var identity = PresenterIdentity.Create(key.Fingerprint, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{PresenterPolicy.HeaderName} realm=\"presenter\"";
        return Task.CompletedTask;
    }
}

/// <summary>The identity of a signed-in presenter, the same for the cookie and the header.</summary>
public static class PresenterIdentity
{
    public static ClaimsIdentity Create(string fingerprint, string scheme) =>
        new([new Claim(ClaimTypes.Name, "Presenter"), new Claim(PresenterPolicy.KeyClaim, fingerprint)], scheme);
}
