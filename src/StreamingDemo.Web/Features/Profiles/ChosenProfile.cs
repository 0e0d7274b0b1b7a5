using System.Globalization;

namespace StreamingDemo.Web.Features.Profiles;

/// <summary>
/// The profile chosen in this browser, kept in a plain cookie: it is a preference, not a credential, and a
/// cookie is readable on the first request, so the first paint already shows the right avatar.
/// </summary>
public static class ChosenProfile
{
    public const string CookieName = "streamingdemo-profile";

    public static int? Read(HttpContext? context)
    {
        var value = context?.Request.Cookies[CookieName];
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    public static void Write(HttpResponse response, int profileId)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, profileId.ToString(CultureInfo.InvariantCulture), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });
    }

    /// <summary>Where "Who's watching" sends a chosen profile: the choose endpoint, which remembers it and redirects.</summary>
    public static string ChooseUrl(int profileId, string returnUrl = "/browse") =>
        string.Create(CultureInfo.InvariantCulture, $"/profiles/{profileId}/choose?returnUrl={Uri.EscapeDataString(returnUrl)}");
}
