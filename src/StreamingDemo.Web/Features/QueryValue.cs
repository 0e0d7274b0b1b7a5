using System.Globalization;

namespace StreamingDemo.Web.Features;

/// <summary>Parses query-string values by hand, so a value that does not parse is ignored instead of failing the page.</summary>
public static class QueryValue
{
    /// <summary>A positive whole number, or null for anything else (text, zero, negatives, overflow).</summary>
    public static int? PositiveInt(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
