using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using StreamingDemo.Web.Features.Artwork;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Art;

/// <summary>Generated artwork as cacheable SVG files, so cards use plain &lt;img&gt; elements with alt text.</summary>
public static class ArtEndpoints
{
    // Posters are a pure function of the seeded title, so browsers may keep them for a day.
    private const string CacheControl = "public, max-age=86400";

    public static IEndpointRouteBuilder MapArtEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var art = endpoints.MapGroup("/art").ExcludeFromDescription();
        art.MapGet("/poster/{titleId:int}.svg", async (int titleId, CatalogService catalog, HttpContext context, CancellationToken cancellationToken) =>
        {
            var spec = await catalog.GetPosterAsync(titleId, cancellationToken);
            return spec is null ? Results.NotFound() : Svg(context, PosterSvg.Build(spec));
        });
        // V10: one of a title's artwork variants in a crop (poster, card, hero); an unknown crop or a theme the title has no variant in is a 404.
        art.MapGet("/{crop}/{titleId:int}/{theme}.svg", async (string crop, int titleId, string theme, CatalogService catalog, ArtworkService artwork, IArtworkStyles styles, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (ArtworkCrops.Find(crop) is not { } found || !(await artwork.VariantsOfAsync(titleId, cancellationToken)).Contains(theme, StringComparer.Ordinal))
            {
                return Results.NotFound();
            }

            var spec = await catalog.GetPosterAsync(titleId, cancellationToken);
            return spec is null ? Results.NotFound() : Svg(context, PosterSvg.Build(spec with { Palette = styles.Theme(theme) }, found));
        });
        art.MapGet("/avatar/{key}.svg", (string key, IArtworkStyles styles, HttpContext context) =>
            Svg(context, AvatarSvg.Build(styles.Avatar(key))));
        return endpoints;
    }

    private static IResult Svg(HttpContext context, string svg)
    {
        var bytes = Encoding.UTF8.GetBytes(svg);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(bytes), 0, 8) + "\"");
        context.Response.Headers.CacheControl = CacheControl;
        context.Response.Headers.ETag = etag.ToString();
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags) && tags.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(bytes, "image/svg+xml; charset=utf-8");
    }
}
