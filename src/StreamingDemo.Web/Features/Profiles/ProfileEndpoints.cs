namespace StreamingDemo.Web.Features.Profiles;

public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A plain navigation (not a circuit call) so the cookie is set by an HTTP response, then the site reloads as this profile.
        endpoints.MapGet("/profiles/{profileId:int}/choose", async (int profileId, string? returnUrl, PersonaDirectory directory, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (await directory.FindAsync(profileId, cancellationToken) is null)
            {
                return Results.NotFound();
            }

            ChosenProfile.Write(context.Response, profileId);
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/browse";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
