using System.Globalization;
using StreamingDemo.Data.Studio;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>
/// One data billboard (M5): a true statement about the live store, the number in it, and exactly how that number was
/// counted. <see cref="Found"/> is false when the template found no instance; then <see cref="Headline"/> says so.
/// </summary>
public sealed record DataBillboard(string Key, string Template, bool Found, string Headline, string Punchline, int People, string Definition, string Sql);

/// <summary>The billboards over one state of the store, with what was counted.</summary>
public sealed record BillboardBoard(IReadOnlyList<DataBillboard> Billboards, long Sessions, DateOnly? FirstDay, DateOnly? LastDay, DateTime CountedAt, bool Recounting);

/// <summary>A named calendar day a billboard can be about.</summary>
public sealed record NamedDay(DateOnly Day, string Name);

/// <summary>
/// The billboard templates: each takes the counts its query returned and picks the most striking true instance, or says
/// that none was found. Pure functions of the counts, so tests can check the choice.
/// </summary>
public static class BillboardTemplates
{
    public const string RepeatOnDayKey = "repeat-on-a-holiday";
    public const string LateNightKey = "late-night-genre";
    public const string BingeKey = "binge-day";
    public const string PhoneMarathonKey = "phone-marathon";
    public const string ThumbsDownRewatchKey = "thumbs-down-rewatch";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (int Month, int Day, string Name)[] Holidays =
    [
        (1, 1, "New Year's Day"), (2, 14, "Valentine's Day"), (3, 17, "St Patrick's Day"), (4, 1, "April Fools' Day"),
        (10, 31, "Halloween"), (12, 24, "Christmas Eve"), (12, 25, "Christmas Day"), (12, 31, "New Year's Eve"),
    ];

    /// <summary>The holidays between two days (inclusive), in calendar order.</summary>
    public static IReadOnlyList<NamedDay> HolidaysBetween(DateOnly first, DateOnly last)
    {
        var days = new List<NamedDay>();
        for (var year = first.Year; year <= last.Year; year++)
        {
            foreach (var (month, day, name) in Holidays)
            {
                var date = new DateOnly(year, month, day);
                if (date >= first && date <= last)
                {
                    days.Add(new NamedDay(date, name));
                }
            }
        }

        return days;
    }

    /// <summary>The holiday (title, day) with the most people who played one title three or more times that day.</summary>
    public static DataBillboard RepeatOnDay(IReadOnlyList<BillboardCount> counts, IReadOnlyList<NamedDay> holidays)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(holidays);
        var names = holidays.ToDictionary(h => h.Day, h => h.Name);
        var best = counts.Where(c => c.Day is { } day && names.ContainsKey(day) && c.People > 0)
            .OrderByDescending(c => c.People).ThenBy(c => c.Day).ThenBy(c => c.TitleId).FirstOrDefault();
        const string Template = "Repeat viewing on a holiday";
        var searched = holidays.Count == 0 ? "no holiday falls within the viewing history" : "searched " + string.Join(", ", holidays.Select(h => $"{h.Name} {h.Day.Year}"));
        if (best is null)
        {
            return None(RepeatOnDayKey, Template, $"No one pressed play on the same title {BillboardFacts.RepeatPlays} or more times on a holiday ({searched}).", BillboardFacts.RepeatOnDaySql);
        }

        var holiday = names[best.Day!.Value];
        return new DataBillboard(RepeatOnDayKey, Template, true,
            $"Dear {People(best.People)} who pressed play on {Quoted(best.Subject)} three times or more on {holiday},",
            holiday == "Valentine's Day" ? "we hope you had company." : "we hope it was a good day off.",
            best.People,
            $"{Count(best.People)} distinct profiles have {BillboardFacts.RepeatPlays} or more viewing sessions of {best.Subject} starting on {holiday} " +
            $"({best.Day.Value.ToString("d MMMM yyyy", Invariant)}, UTC). The most of any title on any holiday ({searched}).",
            BillboardFacts.RepeatOnDaySql);
    }

    /// <summary>The genre whose plays most often start between midnight and 4 a.m. (with at least ten such viewers).</summary>
    public static DataBillboard LateNight(IReadOnlyList<BillboardCount> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        var best = genres.Where(g => g.People >= BillboardFacts.LateNightPeople && g.Total > 0)
            .OrderByDescending(g => (double)g.Figure / g.Total).ThenByDescending(g => g.People).ThenBy(g => g.Subject, StringComparer.Ordinal).FirstOrDefault();
        const string Template = "Late-night viewing of a genre";
        if (best is null)
        {
            return None(LateNightKey, Template, $"No genre has {BillboardFacts.LateNightPeople} or more people watching between midnight and 4 a.m.", BillboardFacts.LateNightGenreSql);
        }

        var share = (double)best.Figure / best.Total;
        return new DataBillboard(LateNightKey, Template, true,
            $"Dear {People(best.People)} who started a {best.Subject} title between midnight and 4 a.m.,",
            $"{Percent(share)} of {best.Subject} plays begin after midnight. Sleep is overrated.",
            best.People,
            $"{Count(best.People)} distinct profiles started a title whose primary genre is {best.Subject} between 00:00 and 03:59 (UTC). " +
            $"{Count(best.Figure)} of its {Count(best.Total)} sessions start then: the highest share of any genre with {BillboardFacts.LateNightPeople} or more such viewers.",
            BillboardFacts.LateNightGenreSql);
    }

    /// <summary>The series the most people started five or more different episodes of on one day.</summary>
    public static DataBillboard Binge(IReadOnlyList<BillboardCount> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var best = series.Where(s => s.People > 0).OrderByDescending(s => s.People).ThenByDescending(s => s.Figure).ThenBy(s => s.TitleId).FirstOrDefault();
        const string Template = "Binge streaks";
        if (best is null)
        {
            return None(BingeKey, Template, $"No one started {BillboardFacts.BingeEpisodes} or more episodes of one series in a single day.", BillboardFacts.BingeDaySql);
        }

        return new DataBillboard(BingeKey, Template, true,
            $"Dear {People(best.People)} who watched five or more episodes of {Quoted(best.Subject)} in a single day,",
            $"{(best.People == 1 ? "you" : "one of you")} made it to {best.Figure}. The next episode starts in 5 seconds. We know.",
            best.People,
            $"{Count(best.People)} distinct profiles started {BillboardFacts.BingeEpisodes} or more different episodes of {best.Subject} on one calendar day (UTC); " +
            $"the most episodes one profile started in a day is {best.Figure}. More such people than for any other series.",
            BillboardFacts.BingeDaySql);
    }

    /// <summary>The longest movie that at least three people watched to the end on a phone.</summary>
    public static DataBillboard PhoneMarathon(IReadOnlyList<BillboardCount> movies)
    {
        ArgumentNullException.ThrowIfNull(movies);
        var best = movies.Where(m => m.People >= BillboardFacts.PhoneMarathonPeople)
            .OrderByDescending(m => m.Figure).ThenByDescending(m => m.People).ThenBy(m => m.TitleId).FirstOrDefault();
        const string Template = "Marathons on a small screen";
        if (best is null)
        {
            return None(PhoneMarathonKey, Template, $"No movie was watched to the end on a phone by {BillboardFacts.PhoneMarathonPeople} or more people.", BillboardFacts.PhoneMarathonSql);
        }

        return new DataBillboard(PhoneMarathonKey, Template, true,
            $"Dear {People(best.People)} who watched all {best.Figure} minutes of {Quoted(best.Subject)} on a phone,",
            "we salute your thumbs and your battery.",
            best.People,
            $"{Count(best.People)} distinct profiles have a session of the movie {best.Subject} ({best.Figure} minutes) on a phone that reached the credits. " +
            $"The longest movie finished on a phone by {BillboardFacts.PhoneMarathonPeople} or more people.",
            BillboardFacts.PhoneMarathonSql);
    }

    /// <summary>The title the most people thumbed down and then started again.</summary>
    public static DataBillboard ThumbsDownRewatch(IReadOnlyList<BillboardCount> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var best = titles.Where(t => t.People > 0).OrderByDescending(t => t.People).ThenBy(t => t.TitleId).FirstOrDefault();
        const string Template = "Guilty pleasures";
        if (best is null)
        {
            return None(ThumbsDownRewatchKey, Template, "No one has pressed play again on a title after giving it a thumbs down. Not yet.", BillboardFacts.ThumbsDownRewatchSql);
        }

        return new DataBillboard(ThumbsDownRewatchKey, Template, true,
            $"Dear {People(best.People)} who gave {Quoted(best.Subject)} a thumbs down and pressed play again anyway,",
            "we won't tell.",
            best.People,
            $"{Count(best.People)} distinct profiles whose current thumb on {best.Subject} is down have a viewing session of it that started after that thumb. " +
            "More than for any other title.",
            BillboardFacts.ThumbsDownRewatchSql);
    }

    private static DataBillboard None(string key, string template, string why, string sql) =>
        new(key, template, false, why, string.Empty, 0, "The query below returned no instance, so there is no billboard to show: nothing is made up.", sql);

    private static string People(int count) => count == 1 ? "1 person" : $"{Count(count)} people";

    private static string Quoted(string title) => $"\u201C{title}\u201D";

    /// <summary>A share as a whole percentage, "12%" (the invariant "P0" format writes "12 %").</summary>
    private static string Percent(double share) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", Invariant) + "%";

    private static string Count(int count) => count.ToString("N0", Invariant);
}
