using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using QRCoder;

namespace StreamingDemo.Web.Features.Operations;

/// <summary>Section "Join": the address attendees type or scan. Empty: worked out from the request (see <see cref="JoinLink"/>).</summary>
public sealed class JoinOptions
{
    public const string SectionName = "Join";

    /// <summary>The site's address as attendees reach it, e.g. <c>http://192.168.1.20:5073</c>.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>
/// The short join link (<c>/j</c>, which opens onboarding) and its QR code. The address is the configured public URL,
/// else the one the presenter's browser used; a loopback address (localhost) is swapped for this machine's LAN
/// address, because attendees' phones cannot reach "localhost".
/// </summary>
public sealed class JoinLink(Microsoft.Extensions.Options.IOptions<JoinOptions> options)
{
    public const string ShortPath = "/j";

    /// <summary>The join URL for a site reached at <paramref name="requestBase"/>, plus whether it had to guess the LAN address.</summary>
    public JoinAddress For(Uri requestBase)
    {
        ArgumentNullException.ThrowIfNull(requestBase);
        if (Uri.TryCreate(options.Value.PublicUrl, UriKind.Absolute, out var configured) && configured.Scheme is "http" or "https")
        {
            return new JoinAddress(new Uri(configured, ShortPath).ToString(), false);
        }

        var builder = new UriBuilder(requestBase) { Path = ShortPath, Query = string.Empty, Fragment = string.Empty };
        if (requestBase.IsLoopback && LanAddress() is { } lan)
        {
            builder.Host = lan.ToString();
            return new JoinAddress(builder.Uri.ToString(), true);
        }

        return new JoinAddress(builder.Uri.ToString(), false);
    }

    /// <summary>The QR code of <paramref name="url"/> as an SVG document (black modules on white, with a quiet zone).</summary>
    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(8);
    }

    private static IPAddress? LanAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}

public sealed record JoinAddress(string Url, bool GuessedLanAddress);

public static class JoinEndpoints
{
    public static IEndpointRouteBuilder MapJoinEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The short link attendees type: straight to onboarding.
        endpoints.MapGet(JoinLink.ShortPath, () => Results.LocalRedirect("/profiles/new")).ExcludeFromDescription();
        endpoints.MapGet("/join/qr.svg", (HttpContext context, JoinLink join) =>
        {
            var request = context.Request;
            var address = join.For(new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"));
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(JoinLink.QrSvg(address.Url), "image/svg+xml; charset=utf-8");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
