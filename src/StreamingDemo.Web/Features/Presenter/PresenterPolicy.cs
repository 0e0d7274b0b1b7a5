namespace StreamingDemo.Web.Features.Presenter;

/// <summary>
/// The authorization policy that guards everything global (reset, dataset import and switch, layout delete, the demo
/// clock, retrain). Endpoints use <c>.RequireAuthorization(PresenterPolicy.Name)</c>; components use
/// <c>&lt;AuthorizeView Policy="@PresenterPolicy.Name"&gt;</c> or inject <see cref="PresenterAccess"/>.
/// </summary>
public static class PresenterPolicy
{
    public const string Name = "Presenter";

    /// <summary>The cookie a presenter's browser gets after signing in once at /presenter.</summary>
    public const string CookieScheme = "PresenterCookie";

    /// <summary>Scripts and API clients send the key in this header instead (never in a URL).</summary>
    public const string HeaderScheme = "PresenterKeyHeader";

    public const string HeaderName = "X-Presenter-Key";

    public const string CookieName = "streamingdemo-presenter";

    /// <summary>The claim a signed-in presenter carries: the fingerprint of the key it signed in with.</summary>
    public const string KeyClaim = "presenter-key";
}
