using System.Globalization;
using Microsoft.Data.Sqlite;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Studio;

/// <summary>One counted instance of a billboard template: how many people, about which title or genre, on which day.</summary>
public sealed record BillboardCount(int People, int? TitleId, string Subject, DateOnly? Day = null, int Figure = 0, int Total = 0);

/// <summary>A profile's viewing over a period, for its year in review (one row per session).</summary>
public readonly record struct ProfileSessionFact(int TitleId, string TitleName, int GenreId, string GenreName, DateTime StartedAt, int WatchedSeconds);

/// <summary>A thumb given by a profile, with the title's name.</summary>
public readonly record struct ProfileThumbFact(int TitleId, string TitleName, ThumbRating Rating, DateTime At);

/// <summary>
/// The SQL behind the data billboards (M5). Each query is public so the studio shows exactly what was counted; times are
/// stored as .NET ticks (UTC), so a day is <c>StartedAt / 864000000000</c> and an hour of the day is
/// <c>(StartedAt % 864000000000) / 36000000000</c>.
/// </summary>
public sealed class BillboardFacts(StoreLocation store)
{
    /// <summary>Minimum plays of one title by one person on one day for the repeat-viewing billboard.</summary>
    public const int RepeatPlays = 3;

    /// <summary>Minimum distinct episodes of one series by one person on one day for the binge billboard.</summary>
    public const int BingeEpisodes = 5;

    /// <summary>Fewest distinct people a phone-marathon title needs, so one odd viewer is not a billboard.</summary>
    public const int PhoneMarathonPeople = 3;

    /// <summary>Fewest late-night viewers a genre needs before its late-night share counts.</summary>
    public const int LateNightPeople = 10;

    /// <summary>Per (title, day) among <c>@days</c>: people who pressed play on that title at least three times that day.</summary>
    public const string RepeatOnDaySql =
        "SELECT r.TitleId, t.Name, r.Day, COUNT(*) AS People FROM (\n" +
        "  SELECT ProfileId, TitleId, StartedAt / 864000000000 AS Day FROM ViewingSessions\n" +
        "  WHERE StartedAt / 864000000000 IN (@days)\n" +
        "  GROUP BY ProfileId, TitleId, Day HAVING COUNT(*) >= 3) r\n" +
        "JOIN Titles t ON t.Id = r.TitleId\n" +
        "GROUP BY r.TitleId, r.Day ORDER BY People DESC, r.Day, r.TitleId";

    /// <summary>Per primary genre: people who started one of its titles between 00:00 and 03:59, those late plays, all its plays.</summary>
    public const string LateNightGenreSql =
        "SELECT t.PrimaryGenreId, g.Name,\n" +
        "  COUNT(DISTINCT CASE WHEN (s.StartedAt % 864000000000) / 36000000000 < 4 THEN s.ProfileId END) AS People,\n" +
        "  SUM((s.StartedAt % 864000000000) / 36000000000 < 4) AS LatePlays, COUNT(*) AS Plays\n" +
        "FROM ViewingSessions s JOIN Titles t ON t.Id = s.TitleId JOIN Genres g ON g.Id = t.PrimaryGenreId\n" +
        "GROUP BY t.PrimaryGenreId";

    /// <summary>Per series: people who started at least five different episodes of it on one day.</summary>
    public const string BingeDaySql =
        "SELECT b.TitleId, t.Name, COUNT(DISTINCT b.ProfileId) AS People, MAX(b.Episodes) AS Most FROM (\n" +
        "  SELECT ProfileId, TitleId, COUNT(DISTINCT EpisodeId) AS Episodes FROM ViewingSessions\n" +
        "  WHERE EpisodeId IS NOT NULL\n" +
        "  GROUP BY ProfileId, TitleId, StartedAt / 864000000000 HAVING COUNT(DISTINCT EpisodeId) >= 5) b\n" +
        "JOIN Titles t ON t.Id = b.TitleId\n" +
        "GROUP BY b.TitleId ORDER BY People DESC, Most DESC, b.TitleId";

    /// <summary>Per movie: people who watched it to the end on a phone (Device 3), longest movies first.</summary>
    public const string PhoneMarathonSql =
        "SELECT t.Id, t.Name, t.RuntimeMinutes, COUNT(DISTINCT s.ProfileId) AS People\n" +
        "FROM ViewingSessions s JOIN Titles t ON t.Id = s.TitleId\n" +
        "WHERE t.Kind = 0 AND s.Device = 3 AND s.Completed = 1\n" +
        "GROUP BY t.Id HAVING COUNT(DISTINCT s.ProfileId) >= 3\n" +
        "ORDER BY t.RuntimeMinutes DESC, People DESC, t.Id";

    /// <summary>Per title: people whose thumb on it is down and who started it again after giving that thumb.</summary>
    public const string ThumbsDownRewatchSql =
        "SELECT h.TitleId, t.Name, COUNT(DISTINCT h.ProfileId) AS People\n" +
        "FROM Thumbs h JOIN Titles t ON t.Id = h.TitleId\n" +
        "WHERE h.Rating = -1 AND EXISTS (SELECT 1 FROM ViewingSessions s\n" +
        "  WHERE s.ProfileId = h.ProfileId AND s.TitleId = h.TitleId AND s.StartedAt > h.At)\n" +
        "GROUP BY h.TitleId ORDER BY People DESC, h.TitleId";

    /// <summary>A cheap fingerprint of the viewing data: the newest session id, and the number and newest time of thumbs.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await SqliteReads.ListAsync(connection,
            "SELECT (SELECT IFNULL(MAX(Id), 0) FROM ViewingSessions), (SELECT COUNT(*) FROM Thumbs), (SELECT IFNULL(MAX(At), 0) FROM Thumbs)",
            r => string.Create(CultureInfo.InvariantCulture, $"{r.GetInt64(0)}-{r.GetInt64(1)}-{r.GetInt64(2)}"), cancellationToken);
        return rows[0];
    }

    /// <summary>The first and last day with a viewing session; null in an empty store.</summary>
    public async Task<(DateOnly First, DateOnly Last, long Sessions)?> SessionSpanAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await SqliteReads.ListAsync(connection, "SELECT MIN(StartedAt), MAX(StartedAt), COUNT(*) FROM ViewingSessions",
            r => r.IsDBNull(0) ? ((DateOnly, DateOnly, long)?)null : (Day(r.GetInt64(0)), Day(r.GetInt64(1)), r.GetInt64(2)), cancellationToken);
        return rows[0];
    }

    /// <summary>Per (title, day) among the given days: people with three or more plays of the title that day, most first.</summary>
    public async Task<IReadOnlyList<BillboardCount>> RepeatOnDaysAsync(IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            return [];
        }

        // A SQL day number (ticks / ticks per day) counts days since 0001-01-01, as DateOnly.DayNumber does.
        var numbers = string.Join(',', days.Select(d => d.DayNumber.ToString(CultureInfo.InvariantCulture)));
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection, RepeatOnDaySql.Replace("@days", numbers, StringComparison.Ordinal),
            r => new BillboardCount(r.GetInt32(3), r.GetInt32(0), r.GetString(1), DateOnly.FromDayNumber((int)r.GetInt64(2))), cancellationToken);
    }

    /// <summary>Per primary genre: late-night people (<see cref="BillboardCount.People"/>), late plays (Figure) and all plays (Total).</summary>
    public async Task<IReadOnlyList<BillboardCount>> LateNightGenresAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection, LateNightGenreSql,
            r => new BillboardCount(r.GetInt32(2), null, r.GetString(1), Figure: r.GetInt32(3), Total: r.GetInt32(4)), cancellationToken);
    }

    /// <summary>Per series: binge-day people, and the most episodes one person started in a day (Figure).</summary>
    public async Task<IReadOnlyList<BillboardCount>> BingeDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection, BingeDaySql,
            r => new BillboardCount(r.GetInt32(2), r.GetInt32(0), r.GetString(1), Figure: r.GetInt32(3)), cancellationToken);
    }

    /// <summary>Movies finished on a phone by at least three people, longest first; Figure is the runtime in minutes.</summary>
    public async Task<IReadOnlyList<BillboardCount>> PhoneMarathonsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection, PhoneMarathonSql,
            r => new BillboardCount(r.GetInt32(3), r.GetInt32(0), r.GetString(1), Figure: r.GetInt32(2)), cancellationToken);
    }

    /// <summary>Titles people thumbed down and then started again, most people first.</summary>
    public async Task<IReadOnlyList<BillboardCount>> ThumbsDownRewatchesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection, ThumbsDownRewatchSql,
            r => new BillboardCount(r.GetInt32(2), r.GetInt32(0), r.GetString(1)), cancellationToken);
    }

    /// <summary>A profile's sessions started in [from, to), with the watched seconds of each (index on ProfileId, StartedAt).</summary>
    public async Task<IReadOnlyList<ProfileSessionFact>> ProfileSessionsAsync(int profileId, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection,
            "SELECT s.TitleId, t.Name, g.Id, g.Name, s.StartedAt, MAX(0, s.EndPositionSeconds - s.StartPositionSeconds)\n" +
            "FROM ViewingSessions s JOIN Titles t ON t.Id = s.TitleId JOIN Genres g ON g.Id = t.PrimaryGenreId\n" +
            string.Create(CultureInfo.InvariantCulture, $"WHERE s.ProfileId = {profileId} AND s.StartedAt >= {from.Ticks} AND s.StartedAt < {to.Ticks} ORDER BY s.StartedAt, s.Id"),
            r => new ProfileSessionFact(r.GetInt32(0), r.GetString(1), r.GetInt32(2), r.GetString(3), new DateTime(r.GetInt64(4), DateTimeKind.Utc), r.GetInt32(5)),
            cancellationToken);
    }

    /// <summary>The newest session start of a profile; null when it has never watched.</summary>
    public async Task<DateTime?> LastSessionAsync(int profileId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await SqliteReads.ListAsync(connection, string.Create(CultureInfo.InvariantCulture, $"SELECT MAX(StartedAt) FROM ViewingSessions WHERE ProfileId = {profileId}"),
            r => r.IsDBNull(0) ? (DateTime?)null : new DateTime(r.GetInt64(0), DateTimeKind.Utc), cancellationToken);
        return rows[0];
    }

    /// <summary>A profile's current thumbs, oldest first.</summary>
    public async Task<IReadOnlyList<ProfileThumbFact>> ProfileThumbsAsync(int profileId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection,
            string.Create(CultureInfo.InvariantCulture, $"SELECT h.TitleId, t.Name, h.Rating, h.At FROM Thumbs h JOIN Titles t ON t.Id = h.TitleId WHERE h.ProfileId = {profileId} ORDER BY h.At, h.TitleId"),
            r => new ProfileThumbFact(r.GetInt32(0), r.GetString(1), (ThumbRating)r.GetInt32(2), new DateTime(r.GetInt64(3), DateTimeKind.Utc)), cancellationToken);
    }

    /// <summary>The micro-genres of the given titles, with their names.</summary>
    public async Task<IReadOnlyList<(int TitleId, string Name)>> TitleMicroGenresAsync(IReadOnlyCollection<int> titleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(titleIds);
        if (titleIds.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection,
            $"SELECT t.TitleId, m.Name FROM TitleTags t JOIN MicroGenres m ON m.Id = t.MicroGenreId WHERE t.TitleId IN ({string.Join(',', titleIds.Distinct().Order())})",
            r => (r.GetInt32(0), r.GetString(1)), cancellationToken);
    }

    private static DateOnly Day(long ticks) => DateOnly.FromDateTime(new DateTime(ticks, DateTimeKind.Utc));

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
