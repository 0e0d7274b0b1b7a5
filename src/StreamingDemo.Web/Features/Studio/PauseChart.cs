using StreamingDemo.Data.Studio;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>The minutes [From, To] (inclusive) holding the most pause points, and their share of all pauses.</summary>
public sealed record PausePeak(int FromMinute, int ToMinute, int Pauses, double Share);

/// <summary>
/// Where viewers of one title pause and stop (M3), per minute of the movie or episode. Minute m holds positions from
/// m:00 to m:59. A stop is a session that ended before the credits.
/// </summary>
public sealed record PauseChart(int TitleId, int RuntimeMinutes, int Sessions, IReadOnlyList<int> PausesPerMinute, IReadOnlyList<int> StopsPerMinute, PausePeak? Peak)
{
    public const int PeakWindowMinutes = 3;

    public int Pauses => PausesPerMinute.Sum();

    public int Stops => StopsPerMinute.Sum();

    public static PauseChart From(TitleViewingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var minutes = Math.Max(1, facts.RuntimeMinutes);
        var pauses = PerMinute(facts.PauseSeconds, minutes);
        var stops = PerMinute(facts.StopSeconds, minutes);
        return new PauseChart(facts.TitleId, minutes, facts.Sessions, pauses, stops, PeakOf(pauses));
    }

    private static int[] PerMinute(IReadOnlyList<int> seconds, int minutes)
    {
        var counts = new int[minutes];
        foreach (var s in seconds)
        {
            counts[Math.Clamp(s / 60, 0, minutes - 1)]++;
        }

        return counts;
    }

    /// <summary>The earliest window of <see cref="PeakWindowMinutes"/> consecutive minutes with the most pauses; null without pauses.</summary>
    private static PausePeak? PeakOf(int[] pauses)
    {
        var total = pauses.Sum();
        if (total == 0)
        {
            return null;
        }

        var width = Math.Min(PeakWindowMinutes, pauses.Length);
        var (best, bestFrom) = (-1, 0);
        for (var from = 0; from + width <= pauses.Length; from++)
        {
            var sum = 0;
            for (var m = from; m < from + width; m++)
            {
                sum += pauses[m];
            }

            if (sum > best)
            {
                (best, bestFrom) = (sum, from);
            }
        }

        return new PausePeak(bestFrom, bestFrom + width - 1, best, (double)best / total);
    }
}
