using StreamingDemo.Web.Features.Notifications;

namespace StreamingDemo.Web.Tests.Notifications;

/// <summary>Best send time (M4): weekday × hour starts, smoothed by everyone's, the top slot, sent half an hour ahead.</summary>
public sealed class SendTimeLearningTests
{
    // Tuesday 1 December 2026; the Friday of that week is the 4th, the Monday after the 7th.
    private static readonly DateTime Tuesday = new(2026, 12, 1, 19, 0, 0, DateTimeKind.Utc);

    private static int[,] Uniform(int perSlot)
    {
        var counts = new int[7, 24];
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                counts[d, h] = perSlot;
            }
        }

        return counts;
    }

    private static int[,] Starts(params (int Weekday, int Hour, int Count)[] cells)
    {
        var counts = new int[7, 24];
        foreach (var (weekday, hour, count) in cells)
        {
            counts[weekday, hour] = count;
        }

        return counts;
    }

    [Fact]
    public void StartsAreBucketedByWeekdayFromMondayAndHour()
    {
        var histogram = SendTimeLearner.Histogram(
        [
            new DateTime(2026, 12, 4, 15, 10, 0, DateTimeKind.Utc), // Friday 15h
            new DateTime(2026, 12, 4, 15, 59, 0, DateTimeKind.Utc), // Friday 15h
            new DateTime(2026, 12, 7, 0, 5, 0, DateTimeKind.Utc),   // Monday 0h
            new DateTime(2026, 12, 6, 23, 59, 0, DateTimeKind.Utc), // Sunday 23h
        ]);

        Assert.Equal(2, histogram[4, 15]);
        Assert.Equal(1, histogram[0, 0]);
        Assert.Equal(1, histogram[6, 23]);
        Assert.Equal(4, histogram.Cast<int>().Sum());
    }

    [Fact]
    public void AProfileWithAClearHabitIsSentItsBusiestHourHalfAnHourAhead()
    {
        // Three starts Friday 15h, two Saturday 21h; everyone watches evenly. Scores: 3 + 10/168 against 2 + 10/168.
        var evidence = SendTimeLearner.Learn(Starts((4, 15, 3), (5, 21, 2)), Uniform(10));

        Assert.Equal(new WeekSlot(4, 15), evidence.Slot);
        Assert.Equal("Friday 15:00–16:00", evidence.Slot.Label);
        Assert.Equal("Friday 14:30", evidence.SendLabel);
        Assert.Equal(3, evidence.StartsInSlot);
        Assert.Equal(5, evidence.TotalStarts);
        Assert.Equal(0.6, evidence.ShareInSlot, 10);
        Assert.False(evidence.ChosenByPrior);
    }

    [Fact]
    public void ASparseProfileLeansOnWhenEveryoneWatches()
    {
        // Everyone: 80% of starts on Sunday 20h, 20% on Saturday 21h. One own start on Monday 9h scores 1;
        // Sunday 20h scores 0 + 10 × 0.8 = 8.
        var everyone = Starts((6, 20, 800), (5, 21, 200));

        var evidence = SendTimeLearner.Learn(Starts((0, 9, 1)), everyone);

        Assert.Equal(new WeekSlot(6, 20), evidence.Slot);
        Assert.Equal("Sunday 19:30", evidence.SendLabel);
        Assert.Equal(0, evidence.StartsInSlot);
        Assert.Equal(0.8, evidence.PriorShareInSlot, 10);
        Assert.True(evidence.ChosenByPrior);
    }

    [Fact]
    public void NineOwnStartsOutweighASlotHoldingEightyPercentOfEveryonesStarts()
    {
        var everyone = Starts((6, 20, 800), (5, 21, 200));

        // Monday 9h: 9 + 0 = 9 beats Sunday 20h: 0 + 8 = 8.
        var evidence = SendTimeLearner.Learn(Starts((0, 9, 9)), everyone);

        Assert.Equal(new WeekSlot(0, 9), evidence.Slot);
        Assert.Equal("Monday 08:30", evidence.SendLabel);
        Assert.Equal(1.0, evidence.ShareInSlot, 10);
    }

    [Fact]
    public void AProfileWithNoHistoryGetsEveryonesBusiestSlot()
    {
        var evidence = SendTimeLearner.Learn(new int[7, 24], Starts((2, 21, 5), (4, 20, 7)));

        Assert.Equal(new WeekSlot(4, 20), evidence.Slot);
        Assert.Equal(0, evidence.TotalStarts);
        Assert.True(evidence.ChosenByPrior);
    }

    [Fact]
    public void ASlotAtMidnightIsSentTheEveningBefore()
    {
        var evidence = SendTimeLearner.Learn(Starts((0, 0, 4)), Uniform(1));

        Assert.Equal(DayOfWeek.Sunday, evidence.SendDay);
        Assert.Equal(new TimeOnly(23, 30), evidence.SendAt);
    }

    [Fact]
    public void ASendTimeIsDueOnlyWhenTheClockMovesPastIt()
    {
        var friday = SendTimeLearner.Learn(Starts((4, 15, 3)), Uniform(1)); // sends Friday 14:30
        var fridayAt1430 = new DateTime(2026, 12, 4, 14, 30, 0, DateTimeKind.Utc);

        Assert.Equal(fridayAt1430, friday.DueIn(Tuesday, fridayAt1430));
        Assert.Null(friday.DueIn(Tuesday, fridayAt1430.AddMinutes(-1)));
        Assert.Null(friday.DueIn(fridayAt1430, fridayAt1430.AddHours(2)));
        // Three weeks at once: only the latest send time is due, once.
        Assert.Equal(fridayAt1430.AddDays(14), friday.DueIn(Tuesday, fridayAt1430.AddDays(15)));
        Assert.Equal(fridayAt1430, friday.NextAfter(Tuesday));
    }
}
