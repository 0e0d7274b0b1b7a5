using System.Net;
using System.Text;

namespace StreamingDemo.Web.Art;

/// <summary>Draws a profile avatar as a square SVG: the style's colour, a soft highlight and its glyph.</summary>
public static class AvatarSvg
{
    public static string Build(AvatarStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var background = WebUtility.HtmlEncode(style.Background);
        var foreground = WebUtility.HtmlEncode(style.Foreground);
        var svg = new StringBuilder(1024);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 200\" width=\"200\" height=\"200\">");
        svg.Append("<defs><radialGradient id=\"hl\" cx=\".3\" cy=\".25\" r=\".9\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\".28\"/><stop offset=\"1\" stop-color=\"#fff\" stop-opacity=\"0\"/></radialGradient></defs>");
        svg.Append("<rect width=\"200\" height=\"200\" rx=\"14\" fill=\"").Append(background).Append("\"/>");
        svg.Append("<rect width=\"200\" height=\"200\" rx=\"14\" fill=\"url(#hl)\"/>");
        svg.Append("<text x=\"100\" y=\"104\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-family=\"'Noto Color Emoji', 'Segoe UI Emoji', 'Apple Color Emoji', 'DejaVu Sans', Arial, sans-serif\" font-size=\"104\" font-weight=\"700\" fill=\"")
            .Append(foreground).Append("\">").Append(WebUtility.HtmlEncode(style.Glyph)).Append("</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
