using System.Globalization;

namespace StreamingDemo.Web.Features.Notifications;

/// <summary>An hour of the week: weekdays run Monday (0) to Sunday (6), as on the studio's insights heatmap.</summary>
public readonly record struct WeekSlot(int Weekday, int Hour)
{
    private static readonly string[] Names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static WeekSlot Of(DateTime at) => new(((int)at.DayOfWeek + 6) % 7, at.Hour);

    public DayOfWeek Day => (DayOfWeek)((Weekday + 1) % 7);

    public string DayName => Names[Weekday];

    public string Label => string.Create(CultureInfo.InvariantCulture, $"{DayName} {Hour:00}:00–{(Hour + 1) % 24:00}:00");
}

/// <summary>
/// A profile's best send time and the evidence behind it: its viewing starts per weekday × hour, the prior from everyone
/// that smooths them, the slot chosen and how many of the profile's own starts fall in it.
/// </summary>
public sealed record SendTimeEvidence(int[,] Starts, int TotalStarts, WeekSlot Slot, int StartsInSlot, double PriorShareInSlot)
{
    /// <summary>Share of the profile's own starts that fall in the chosen slot (0 with no history).</summary>
    public double ShareInSlot => TotalStarts == 0 ? 0 : StartsInSlot / (double)TotalStarts;

    /// <summary>True when the profile has too little history of its own and the prior chose the slot.</summary>
    public bool ChosenByPrior { get; init; }

    /// <summary>When to send: <see cref="SendTimeLearner.Lead"/> before the slot begins, so the notification is waiting when the habit starts.</summary>
    public TimeOnly SendAt => TimeOnly.FromTimeSpan(TimeSpan.FromHours(Slot.Hour) - SendTimeLearner.Lead + (Slot.Hour == 0 ? TimeSpan.FromDays(1) : TimeSpan.Zero));

    /// <summary>The weekday of <see cref="SendAt"/> (the day before for a slot starting at midnight).</summary>
    public DayOfWeek SendDay => Slot.Hour == 0 ? (DayOfWeek)(((int)Slot.Day + 6) % 7) : Slot.Day;

    public string SendLabel => string.Create(CultureInfo.InvariantCulture, $"{SendDay} {SendAt:HH:mm}");

    /// <summary>The latest send moment in (<paramref name="after"/>, <paramref name="upTo"/>], or null when none falls there.</summary>
    public DateTime? DueIn(DateTime after, DateTime upTo)
    {
        // The first send moment after upTo − 7 days is the last one at or before upTo.
        var latest = DemoClock.Next(upTo.AddDays(-7), SendDay, SendAt);
        return latest > after && latest <= upTo ? latest : null;
    }

    /// <summary>The first send moment after <paramref name="now"/>.</summary>
    public DateTime NextAfter(DateTime now) => DemoClock.Next(now, SendDay, SendAt);
}

/// <summary>
/// Learns a best send time from viewing habits (M4, seed 003 idea 2): each weekday × hour slot scores the profile's own
/// starts in it plus <see cref="PriorStarts"/> pseudo-starts spread like everyone's starts, and the top slot wins
/// (ties: earliest in the week). A profile with a clear habit gets its own peak; a sparse one leans on when people watch.
/// </summary>
public static class SendTimeLearner
{
    /// <summary>Weight of the prior from everyone, in starts: a profile needs more own starts than this to overrule it everywhere.</summary>
    public const double PriorStarts = 10;

    /// <summary>How long before the slot the notification goes out.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromMinutes(30);

    /// <summary>Buckets start times into weekday × hour (Monday first).</summary>
    public static int[,] Histogram(IEnumerable<DateTime> starts)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var counts = new int[7, 24];
        foreach (var start in starts)
        {
            var slot = WeekSlot.Of(start);
            counts[slot.Weekday, slot.Hour]++;
        }

        return counts;
    }

    public static SendTimeEvidence Learn(int[,] profileStarts, int[,] everyoneStarts)
    {
        ArgumentNullException.ThrowIfNull(profileStarts);
        ArgumentNullException.ThrowIfNull(everyoneStarts);
        var everyone = Total(everyoneStarts);
        var own = Total(profileStarts);
        var best = new WeekSlot(4, 20);
        var bestScore = double.NegativeInfinity;
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                var prior = everyone == 0 ? 1.0 / 168 : everyoneStarts[d, h] / (double)everyone;
                var score = profileStarts[d, h] + (PriorStarts * prior);
                if (score > bestScore)
                {
                    (best, bestScore) = (new WeekSlot(d, h), score);
                }
            }
        }

        var priorShare = everyone == 0 ? 1.0 / 168 : everyoneStarts[best.Weekday, best.Hour] / (double)everyone;
        var ownBest = 0;
        foreach (var count in profileStarts)
        {
            ownBest = Math.Max(ownBest, count);
        }

        return new SendTimeEvidence(profileStarts, own, best, profileStarts[best.Weekday, best.Hour], priorShare)
        {
            ChosenByPrior = profileStarts[best.Weekday, best.Hour] < ownBest || own == 0,
        };
    }

    private static int Total(int[,] counts)
    {
        var total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        return total;
    }
}
