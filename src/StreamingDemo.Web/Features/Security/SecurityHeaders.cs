using System.Security.Cryptography;

namespace StreamingDemo.Web.Features.Security;

/// <summary>
/// Sets the security headers on every response. The Content-Security-Policy allows scripts only from this site plus the
/// import map Blazor renders inline (a per-request nonce, read by App.razor); styles allow inline attributes because
/// MudBlazor and Blazor's reconnect UI set <c>style</c> on elements. The circuit's WebSocket is same-origin ('self').
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "csp-nonce";

    /// <summary>The nonce of this request's inline import map; empty outside a request.</summary>
    public static string Nonce(HttpContext? context) =>
        context?.Items[NonceItem] as string ?? string.Empty;

    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });
}
