using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace StreamingDemo.Web.Features.Notifications;

/// <summary>
/// The HTML of a notification email (M4) for the browser preview. Every piece of data (title names, the profile's name,
/// the body) is HTML-encoded: a title called &lt;script&gt; shows as text.
/// </summary>
public static class NotificationEmail
{
    public static string Render(string profileName, NotificationCandidate candidate, DateTime sendAt)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var html = HtmlEncoder.Default;
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"<div class=\"mail\"><div class=\"mail-head\"><p class=\"mail-meta\">From: StreamingDemo &lt;hello@streamingdemo.example&gt;</p>");
        builder.Append(CultureInfo.InvariantCulture, $"<p class=\"mail-meta\">To: {html.Encode(profileName)}</p>");
        builder.Append(CultureInfo.InvariantCulture, $"<p class=\"mail-meta\">Sent: {html.Encode(sendAt.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture))}</p>");
        builder.Append(CultureInfo.InvariantCulture, $"<p class=\"mail-subject\">{html.Encode(candidate.Subject)}</p></div>");
        builder.Append("<div class=\"mail-body\"><p class=\"mail-brand\">STREAMING<span>DEMO</span></p>");
        builder.Append(CultureInfo.InvariantCulture, $"<img class=\"mail-art\" src=\"/art/poster/{candidate.TitleId}.svg\" alt=\"{html.Encode(candidate.TitleName)}\" width=\"400\" height=\"600\" />");
        builder.Append(CultureInfo.InvariantCulture, $"<p class=\"mail-greeting\">Hi {html.Encode(profileName)},</p>");
        builder.Append(CultureInfo.InvariantCulture, $"<p class=\"mail-text\">{html.Encode(candidate.Body)}</p>");
        builder.Append(CultureInfo.InvariantCulture, $"<p><a class=\"mail-button\" href=\"/title/{candidate.TitleId}\">{(candidate.Kind == NotificationKind.Recovery ? "Resume" : "Watch now")}</a></p>");
        builder.Append("<p class=\"mail-foot\">You get this because notifications are on for this profile. We only write about shows you already love or are watching.</p></div></div>");
        return builder.ToString();
    }
}
