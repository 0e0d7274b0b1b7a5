using System.Text.Json;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace StreamingDemo.Web.Features.Api;

/// <summary>What the API needs: problem details, its JSON conventions, the OpenAPI document and the Scalar reference.</summary>
public static class ApiServices
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // Enums travel as camelCase names ("topPicks", "desktop"), as in the layout documents.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "StreamingDemo API";
            document.Info.Description = "Profiles, home pages per device and layout, titles, similar titles, feedback, progress and layouts. Errors are RFC 7807 problem details.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and its browsable reference at <c>/api/docs</c>, in every environment.</summary>
    public static IEndpointRouteBuilder MapApiDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        endpoints.MapScalarApiReference("/api/docs", o => o.WithTitle("StreamingDemo API").DisableDefaultFonts());
        return endpoints;
    }
}
