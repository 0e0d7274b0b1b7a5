using System.Text;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>The studio's exports: data billboards and year-in-review cards as SVG (M5).</summary>
public static class StudioEndpoints
{
    public static IEndpointRouteBuilder MapStudioEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/studio/billboards/{key}.svg", async (string key, bool? download, BillboardService billboards, HttpContext context, CancellationToken cancellationToken) =>
        {
            var billboard = await billboards.FindAsync(key, cancellationToken);
            return billboard is null ? Results.NotFound() : Svg(context, BillboardSvg.Billboard(billboard), $"billboard-{billboard.Key}.svg", download == true);
        }).ExcludeFromDescription();
        endpoints.MapGet("/studio/year-in-review/{profileId:int}.svg", async (int profileId, bool? download, BillboardService billboards, HttpContext context, CancellationToken cancellationToken) =>
        {
            var review = await billboards.YearInReviewAsync(profileId, cancellationToken);
            return review is null ? Results.NotFound() : Svg(context, BillboardSvg.Review(review), $"year-in-review-{profileId}.svg", download == true);
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Svg(HttpContext context, string svg, string fileName, bool download)
    {
        // Counts change with every play, so the image is always the current one.
        context.Response.Headers.CacheControl = "no-store";
        return download
            ? Results.File(Encoding.UTF8.GetBytes(svg), "image/svg+xml", fileName)
            : Results.Text(svg, "image/svg+xml", Encoding.UTF8);
    }
}
