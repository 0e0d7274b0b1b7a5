namespace StreamingDemo.Web.Features.Browse;

/// <summary>The "show the machinery" switch: a plain navigation that sets the browser's cookie and goes back.</summary>
public static class MachineryEndpoints
{
    public static IEndpointRouteBuilder MapMachineryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/machinery", (string? show, string? returnUrl, HttpContext context) =>
        {
            if (!bool.TryParse(show, out var on))
            {
                return Results.BadRequest("show must be true or false.");
            }

            Machinery.Write(context.Response, on);
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/browse";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
