using StreamingDemo.Data.Studio;
using StreamingDemo.Web.Features.Studio;

namespace StreamingDemo.Web.Tests.Studio;

/// <summary>Which instance each billboard template picks from its counts, and what it says when there is none.</summary>
public sealed class BillboardTemplateTests
{
    private static readonly DateOnly Valentines = new(2026, 2, 14);
    private static readonly DateOnly NewYear = new(2026, 1, 1);

    [Fact]
    public void HolidaysAreTheNamedDaysInsideTheViewingHistory()
    {
        var days = BillboardTemplates.HolidaysBetween(new DateOnly(2025, 12, 2), new DateOnly(2026, 2, 14));

        Assert.Equal(
            ["Christmas Eve 2025", "Christmas Day 2025", "New Year's Eve 2025", "New Year's Day 2026", "Valentine's Day 2026"],
            days.OrderBy(d => d.Day).Select(d => $"{d.Name} {d.Day.Year}"));
    }

    [Fact]
    public void TheHolidayBillboardTakesTheBusiestHolidayInstanceAndIgnoresOrdinaryDays()
    {
        var holidays = BillboardTemplates.HolidaysBetween(new DateOnly(2025, 12, 2), new DateOnly(2026, 5, 31));
        BillboardCount[] counts =
        [
            new(40, 7, "Ordinary Tuesday Hit", new DateOnly(2026, 3, 3)),
            new(12, 3, "Love Actually Again", Valentines),
            new(9, 4, "Hangover Cure", NewYear),
        ];

        var billboard = BillboardTemplates.RepeatOnDay(counts, holidays);

        Assert.True(billboard.Found);
        Assert.Equal(12, billboard.People);
        Assert.Equal("Dear 12 people who pressed play on “Love Actually Again” three times or more on Valentine's Day,", billboard.Headline);
        Assert.Equal("we hope you had company.", billboard.Punchline);
        Assert.Contains("(14 February 2026, UTC)", billboard.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void ATemplateWithNoInstanceSaysSoInsteadOfInventingOne()
    {
        var billboard = BillboardTemplates.RepeatOnDay([new BillboardCount(40, 7, "Ordinary Tuesday Hit", new DateOnly(2026, 3, 3))],
            [new NamedDay(Valentines, "Valentine's Day")]);

        Assert.False(billboard.Found);
        Assert.Equal(0, billboard.People);
        Assert.Equal("No one pressed play on the same title 3 or more times on a holiday (searched Valentine's Day 2026).", billboard.Headline);
        Assert.Equal(BillboardFacts.RepeatOnDaySql, billboard.Sql);
    }

    [Fact]
    public void TheLateNightBillboardPicksTheHighestShareNotTheMostPeople()
    {
        BillboardCount[] genres =
        [
            new(900, null, "Drama", Figure: 900, Total: 30_000),   // 3 %
            new(120, null, "Horror", Figure: 300, Total: 1_500),   // 20 %
            new(9, null, "Opera", Figure: 90, Total: 100),         // 90 %, but fewer than ten people
        ];

        var billboard = BillboardTemplates.LateNight(genres);

        Assert.Equal("Dear 120 people who started a Horror title between midnight and 4 a.m.,", billboard.Headline);
        Assert.Equal("20% of Horror plays begin after midnight. Sleep is overrated.", billboard.Punchline);
        Assert.Contains("300 of its 1,500 sessions", billboard.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBingeBillboardPicksTheSeriesWithTheMostBingersAndQuotesTheRecord()
    {
        var billboard = BillboardTemplates.Binge([new(3, 1, "Short Run", Figure: 11), new(8, 2, "Long Haul", Figure: 6)]);

        Assert.Equal("Dear 8 people who watched five or more episodes of “Long Haul” in a single day,", billboard.Headline);
        Assert.StartsWith("one of you made it to 6.", billboard.Punchline, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePhoneMarathonIsTheLongestMovieWithAtLeastThreePeople()
    {
        var billboard = BillboardTemplates.PhoneMarathon([new(2, 1, "Epic", Figure: 200), new(5, 2, "Long", Figure: 150), new(50, 3, "Short", Figure: 90)]);

        Assert.Equal("Dear 5 people who watched all 150 minutes of “Long” on a phone,", billboard.Headline);
    }

    [Fact]
    public void OnePersonIsAddressedInTheSingular()
    {
        var billboard = BillboardTemplates.ThumbsDownRewatch([new(1, 4, "Secret Shame")]);

        Assert.Equal("Dear 1 person who gave “Secret Shame” a thumbs down and pressed play again anyway,", billboard.Headline);
    }

    [Fact]
    public void TheSvgEncodesTitlesAndHasTheBillboardSize()
    {
        var billboard = BillboardTemplates.ThumbsDownRewatch([new(2, 4, "Fish & Chips <Live>")]);

        var svg = System.Xml.Linq.XDocument.Parse(BillboardSvg.Billboard(billboard)).Root!;

        Assert.Equal("1200", svg.Attribute("width")!.Value);
        Assert.Equal("630", svg.Attribute("height")!.Value);
        var text = string.Join(' ', svg.Elements().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains("“Fish & Chips <Live>”", text, StringComparison.Ordinal);
        Assert.Contains("we won't tell.", text, StringComparison.Ordinal);
    }
}
