using System.Globalization;
using System.Text.Json;

namespace StreamingDemo.Web.Features.Notifications;

/// <summary>What a move of the demo clock did: where it was and where it is now.</summary>
public sealed record DemoClockChange(DateTime From, DateTime To);

/// <summary>
/// The site-wide demo clock (M4): real time plus an offset a presenter sets ("Friday 14:30", +1 h, +1 day, back to real
/// time). It is the app's <see cref="TimeProvider"/>, so every "now" the site uses — notifications, viewing sessions,
/// thumbs — reads the same moment. The offset is kept in a file beside the database (written to a temp file and renamed),
/// so the clock survives a restart and keeps running from where it was. Times are UTC, the frame of the seeded history.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    /// <summary>The demo clock stays within this distance of real time; anything further is refused as a typo.</summary>
    public static readonly TimeSpan MaxOffset = TimeSpan.FromDays(3 * 366);

    private readonly TimeProvider real;
    private readonly string? stateFile;
    private readonly Lock gate = new();
    private TimeSpan offset;

    public DemoClock(TimeProvider real, string? stateFile)
    {
        ArgumentNullException.ThrowIfNull(real);
        this.real = real;
        this.stateFile = stateFile;
        offset = Read(stateFile);
    }

    /// <summary>Raised after every move, outside any lock.</summary>
    public event Action<DemoClockChange>? Moved;

    public TimeSpan Offset
    {
        get
        {
            lock (gate)
            {
                return offset;
            }
        }
    }

    /// <summary>True while the clock is not real time.</summary>
    public bool IsMoved => Offset != TimeSpan.Zero;

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Real time, whatever the demo clock says.</summary>
    public DateTime RealUtcNow => real.GetUtcNow().UtcDateTime;

    /// <summary>Moves the clock to <paramref name="target"/> (UTC). Throws <see cref="ArgumentOutOfRangeException"/> (and changes nothing) beyond <see cref="MaxOffset"/>.</summary>
    public DemoClockChange MoveTo(DateTime target)
    {
        var utc = DateTime.SpecifyKind(target, DateTimeKind.Utc);
        var wanted = utc - real.GetUtcNow().UtcDateTime;
        if (wanted.Duration() > MaxOffset)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target,
                $"The demo clock stays within {MaxOffset.TotalDays / 366:0} years of real time; {utc.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} is further.");
        }

        return Set(wanted);
    }

    /// <summary>Moves the clock forward (or back) by <paramref name="by"/>.</summary>
    public DemoClockChange Jump(TimeSpan by) => MoveTo(GetUtcNow().UtcDateTime + by);

    /// <summary>Back to real time.</summary>
    public DemoClockChange Reset() => Set(TimeSpan.Zero);

    /// <summary>The first moment after <paramref name="from"/> that falls on <paramref name="day"/> at <paramref name="time"/>: "next Friday 14:30".</summary>
    public static DateTime Next(DateTime from, DayOfWeek day, TimeOnly time)
    {
        var candidate = from.Date.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7) + time.ToTimeSpan();
        return DateTime.SpecifyKind(candidate > from ? candidate : candidate.AddDays(7), DateTimeKind.Utc);
    }

    private DemoClockChange Set(TimeSpan next)
    {
        DemoClockChange change;
        lock (gate)
        {
            var now = real.GetUtcNow().UtcDateTime;
            Write(stateFile, next);
            change = new DemoClockChange(now + offset, now + next);
            offset = next;
        }

        Moved?.Invoke(change);
        return change;
    }

    private static TimeSpan Read(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return TimeSpan.Zero;
        }

        try
        {
            var state = JsonSerializer.Deserialize<ClockState>(File.ReadAllText(path));
            return state is null ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Clamp(state.OffsetSeconds, -MaxOffset.TotalSeconds, MaxOffset.TotalSeconds));
        }
        catch (JsonException)
        {
            // A damaged file means real time, never a failed start.
            return TimeSpan.Zero;
        }
    }

    /// <summary>Write-then-rename: a crash mid-write leaves the previous offset, never half a file.</summary>
    private static void Write(string? path, TimeSpan value)
    {
        if (path is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new ClockState(value.TotalSeconds)));
        File.Move(temp, path, overwrite: true);
    }

    private sealed record ClockState(double OffsetSeconds);
}
