using Microsoft.AspNetCore.Http.Features;

namespace StreamingDemo.Web.Features.Security;

/// <summary>
/// Request size limits. Bodies are small everywhere (forms, JSON) except uploads: an upload endpoint raises its own
/// limit with <c>.WithMetadata(new RequestSizeLimitAttribute(RequestLimits.UploadBytes))</c>.
/// </summary>
public static class RequestLimits
{
    /// <summary>Any request body unless an endpoint says otherwise.</summary>
    public const long BodyBytes = 1024 * 1024;

    /// <summary>Dataset uploads (MovieLens CSVs) on the endpoints that accept them.</summary>
    public const long UploadBytes = 64L * 1024 * 1024;

    /// <summary>One form field (a name, a key); longer values are refused before they reach a handler.</summary>
    public const int FormValueLength = 16 * 1024;

    /// <summary>Deepest JSON an API body may nest; deeper documents are refused with 400 before any handler runs.</summary>
    public const int JsonDepth = 32;

    /// <summary>One circuit message (a typed name, a click): Blazor's own default, stated here so it is not raised by accident.</summary>
    public const long CircuitMessageBytes = 32 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = BodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = FormValueLength;
            form.ValueCountLimit = 256;
            form.MultipartBodyLengthLimit = UploadBytes;
        });
        builder.Services.AddSignalR(hub => hub.MaximumReceiveMessageSize = CircuitMessageBytes);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.MaxDepth = JsonDepth);
        return builder;
    }
}
