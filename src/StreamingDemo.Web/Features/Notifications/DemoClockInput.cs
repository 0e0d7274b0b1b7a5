using System.Globalization;

namespace StreamingDemo.Web.Features.Notifications;

/// <summary>
/// Reads what a presenter types to move the demo clock: a weekday and a time ("Friday 14:30", "fri 9:05": the next such
/// moment after now) or a date and a time ("2026-12-04 14:30"), all UTC.
/// </summary>
public static class DemoClockInput
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-ddTHH:mm"];

    /// <summary>The moment <paramref name="text"/> names, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static DateTime? Parse(string? text, DateTime now, out string? error)
    {
        error = null;
        var value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            error = "Type a weekday and a time (Friday 14:30) or a date and a time (2026-12-04 14:30).";
            return null;
        }

        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var exact))
        {
            return DateTime.SpecifyKind(exact, DateTimeKind.Utc);
        }

        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && Weekday(parts[0]) is DayOfWeek day
            && TimeOnly.TryParseExact(parts[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return DemoClock.Next(now, day, time);
        }

        error = $"\"{value}\" is not a moment the demo clock knows. Use a weekday and a time (Friday 14:30) or a date and a time (2026-12-04 14:30).";
        return null;
    }

    private static DayOfWeek? Weekday(string word)
    {
        if (word.Length < 3)
        {
            return null;
        }

        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (day.ToString().StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return day;
            }
        }

        return null;
    }
}
