using StreamingDemo.Web.Features.Notifications;

namespace StreamingDemo.Web.Tests.Notifications;

/// <summary>The demo clock (M4): moved by the presenter, shared, kept across a restart, back to real time on reset.</summary>
public sealed class DemoClockTests : IDisposable
{
    private static readonly DateTime Tuesday = new(2026, 12, 1, 19, 0, 0, DateTimeKind.Utc);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "streamingdemo-clock-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTime real = new(Tuesday);

    private string StateFile => Path.Combine(directory, NotificationServices.ClockFileName);

    [Fact]
    public void FridayAtHalfPastTwoIsTheComingFridayOrTheNextOneWhenItHasPassed()
    {
        Assert.Equal(new DateTime(2026, 12, 4, 14, 30, 0, DateTimeKind.Utc), DemoClock.Next(Tuesday, DayOfWeek.Friday, new TimeOnly(14, 30)));
        Assert.Equal(new DateTime(2026, 12, 11, 14, 30, 0, DateTimeKind.Utc), DemoClock.Next(new DateTime(2026, 12, 4, 14, 30, 0, DateTimeKind.Utc), DayOfWeek.Friday, new TimeOnly(14, 30)));
    }

    [Fact]
    public void AMovedClockIsStillMovedAfterARestartAndKeepsRunning()
    {
        var clock = new DemoClock(real, StateFile);
        clock.MoveTo(new DateTime(2026, 12, 4, 14, 30, 0, DateTimeKind.Utc));

        real.Advance(TimeSpan.FromHours(1));
        var restarted = new DemoClock(real, StateFile);

        Assert.Equal(new DateTime(2026, 12, 4, 15, 30, 0, DateTimeKind.Utc), restarted.GetUtcNow().UtcDateTime);
        Assert.True(restarted.IsMoved);
        Assert.False(File.Exists(StateFile + ".tmp"));
    }

    [Fact]
    public void JumpsAddUpAndAResetBringsBackRealTimeAlsoAfterARestart()
    {
        var clock = new DemoClock(real, StateFile);
        clock.Jump(TimeSpan.FromHours(1));
        clock.Jump(TimeSpan.FromDays(1));
        Assert.Equal(Tuesday.AddDays(1).AddHours(1), clock.GetUtcNow().UtcDateTime);

        var change = clock.Reset();

        Assert.Equal(Tuesday.AddDays(1).AddHours(1), change.From);
        Assert.Equal(Tuesday, change.To);
        Assert.Equal(Tuesday, new DemoClock(real, StateFile).GetUtcNow().UtcDateTime);
    }

    [Fact]
    public void AMoveTooFarFromRealTimeIsRefusedAndChangesNothing()
    {
        var clock = new DemoClock(real, StateFile);
        clock.Jump(TimeSpan.FromDays(2));
        var before = File.ReadAllText(StateFile);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.MoveTo(new DateTime(2040, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

        Assert.Contains("within 3 years of real time", error.Message, StringComparison.Ordinal);
        Assert.Equal(Tuesday.AddDays(2), clock.GetUtcNow().UtcDateTime);
        Assert.Equal(before, File.ReadAllText(StateFile));
    }

    [Fact]
    public void ADamagedClockFileMeansRealTimeNotAFailedStart()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(StateFile, "{ not json");

        Assert.Equal(Tuesday, new DemoClock(real, StateFile).GetUtcNow().UtcDateTime);
    }

    [Fact]
    public void MoversEverywhereHearOfAMove()
    {
        var clock = new DemoClock(real, StateFile);
        var heard = new List<DemoClockChange>();
        clock.Moved += heard.Add;

        clock.Jump(TimeSpan.FromHours(1));

        Assert.Equal([new DemoClockChange(Tuesday, Tuesday.AddHours(1))], heard);
    }

    [Theory]
    [InlineData("Friday 14:30", "2026-12-04T14:30")]
    [InlineData("fri 9:05", "2026-12-04T09:05")]
    [InlineData("Tuesday 18:00", "2026-12-08T18:00")]
    [InlineData("2026-12-24 18:00", "2026-12-24T18:00")]
    public void APresenterTypesAWeekdayAndATimeOrADateAndATime(string text, string expected)
    {
        var at = DemoClockInput.Parse(text, Tuesday, out var error);

        Assert.Null(error);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), at);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Funday 14:30")]
    [InlineData("Friday 25:00")]
    [InlineData("next week")]
    public void WhatIsNotAMomentGetsAClearError(string text)
    {
        Assert.Null(DemoClockInput.Parse(text, Tuesday, out var error));
        Assert.Contains("Friday 14:30", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
