using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data.Entities;
using StreamingDemo.Data.Studio;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Tests;

/// <summary>The billboard queries against a few hand-written rows, so every count is known — including the edges of a day and of the night.</summary>
public sealed class BillboardFactsTests : IAsyncLifetime
{
    private static readonly DateTime Valentines = new(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempStore temp = new();
    private BillboardFacts facts = null!;
    private StoreLocation location = null!;
    private long nextSession = 1;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        location = new StoreLocation(temp.PathFor("billboards.db"));
        await using var db = new StreamingDbContext(new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite(location.ConnectionString).Options);
        await db.Database.MigrateAsync(Cancel);
        db.Genres.AddRange(new Genre { Id = 1, Slug = "horror", Name = "Horror" }, new Genre { Id = 2, Slug = "drama", Name = "Drama" });
        db.Titles.AddRange(
            Title(10, "Night Film", TitleKind.Movie, 1, 150),
            Title(11, "Short Film", TitleKind.Movie, 2, 90),
            Title(20, "Long Series", TitleKind.Series, 2, 45));
        db.Episodes.AddRange(Enumerable.Range(1, 6).Select(e => new Episode { Id = 200 + e, TitleId = 20, SeasonNumber = 1, EpisodeNumber = e, Name = $"E{e}", RuntimeMinutes = 45, Synopsis = "…" }));
        db.Profiles.AddRange(Enumerable.Range(1, 6).Select(id => new Profile { Id = id, Name = $"Viewer {id}", Avatar = "fox", IsSeeded = true, CreatedAt = Valentines.AddYears(-1) }));

        // Profiles 1 and 2 play Night Film three times on Valentine's Day; 3 plays it twice that day and once just after midnight.
        foreach (var profile in new[] { 1, 2 })
        {
            foreach (var hour in new[] { 1, 12, 23 })
            {
                db.ViewingSessions.Add(Session(profile, 10, Valentines.AddHours(hour)));
            }
        }

        db.ViewingSessions.AddRange(Session(3, 10, Valentines.AddHours(10)), Session(3, 10, Valentines.AddHours(20)), Session(3, 10, Valentines.AddDays(1)));

        // Profile 4: five different episodes of Long Series on one day (one repeated), profile 5 only four.
        foreach (var episode in new[] { 1, 2, 3, 4, 5, 5 })
        {
            db.ViewingSessions.Add(Session(4, 20, Valentines.AddDays(3).AddHours(8 + episode), episode: 200 + episode));
        }

        foreach (var episode in new[] { 1, 2, 3, 4 })
        {
            db.ViewingSessions.Add(Session(5, 20, Valentines.AddDays(4).AddHours(8 + episode), episode: 200 + episode));
        }

        // Night Film finished on a phone by 4, 5 and 6; Short Film by 4 and 5 only; 6 also stopped it early on a phone.
        foreach (var profile in new[] { 4, 5, 6 })
        {
            db.ViewingSessions.Add(Session(profile, 10, Valentines.AddDays(10).AddHours(3).AddMinutes(59), DeviceType.Phone, completed: true));
        }

        db.ViewingSessions.AddRange(
            Session(4, 11, Valentines.AddDays(11).AddHours(4), DeviceType.Phone, completed: true),
            Session(5, 11, Valentines.AddDays(11).AddHours(4), DeviceType.Phone, completed: true),
            Session(6, 11, Valentines.AddDays(11).AddHours(5), DeviceType.Phone));

        // Thumbs down on Short Film: 6 played it after the thumb, 5 only before.
        db.Thumbs.AddRange(
            new Thumb { ProfileId = 6, TitleId = 11, Rating = ThumbRating.Down, At = Valentines.AddDays(11) },
            new Thumb { ProfileId = 5, TitleId = 11, Rating = ThumbRating.Down, At = Valentines.AddDays(12) },
            new Thumb { ProfileId = 4, TitleId = 10, Rating = ThumbRating.Up, At = Valentines.AddDays(12) });
        await db.SaveChangesAsync(Cancel);
        facts = new BillboardFacts(location);
    }

    public ValueTask DisposeAsync()
    {
        temp.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task RepeatViewingCountsThreePlaysWithinOneCalendarDayOnly()
    {
        var counts = await facts.RepeatOnDaysAsync([DateOnly.FromDateTime(Valentines), DateOnly.FromDateTime(Valentines.AddDays(1))], Cancel);

        var count = Assert.Single(counts);
        Assert.Equal((2, 10, "Night Film", DateOnly.FromDateTime(Valentines)), (count.People, count.TitleId, count.Subject, count.Day));
    }

    [Fact]
    public async Task LateNightIsMidnightTo0359AndCountsPeoplePlaysAndAllPlaysPerGenre()
    {
        var genres = (await facts.LateNightGenresAsync(Cancel)).ToDictionary(g => g.Subject);

        // Horror (Night Film): 1 and 2 at 01:00, 4, 5, 6 at 03:59; 3's 00:00 play of the next day too. 12 plays in all.
        Assert.Equal((6, 6, 12), (genres["Horror"].People, genres["Horror"].Figure, genres["Horror"].Total));
        // Drama: 04:00 and later only, and the series' daytime episodes.
        Assert.Equal((0, 0, 13), (genres["Drama"].People, genres["Drama"].Figure, genres["Drama"].Total));
    }

    [Fact]
    public async Task ABingeIsFiveDifferentEpisodesOnOneDay()
    {
        var binge = Assert.Single(await facts.BingeDaysAsync(Cancel));

        Assert.Equal((1, 20, 5), (binge.People, binge.TitleId, binge.Figure));
    }

    [Fact]
    public async Task APhoneMarathonNeedsThreePeopleWhoReachedTheCredits()
    {
        var movie = Assert.Single(await facts.PhoneMarathonsAsync(Cancel));

        Assert.Equal((3, "Night Film", 150), (movie.People, movie.Subject, movie.Figure));
    }

    [Fact]
    public async Task AGuiltyPleasureIsAPlayAfterTheThumbsDown()
    {
        var rewatch = Assert.Single(await facts.ThumbsDownRewatchesAsync(Cancel));

        Assert.Equal((1, 11), (rewatch.People, rewatch.TitleId));
    }

    [Fact]
    public async Task TheVersionChangesWithANewSessionOrAChangedThumb()
    {
        var before = await facts.VersionAsync(Cancel);
        await using (var db = new StreamingDbContext(new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite(location.ConnectionString).Options))
        {
            db.ViewingSessions.Add(Session(1, 11, Valentines.AddDays(20)));
            await db.SaveChangesAsync(Cancel);
        }

        var afterPlay = await facts.VersionAsync(Cancel);
        await using (var db = new StreamingDbContext(new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite(location.ConnectionString).Options))
        {
            var thumb = await db.Thumbs.SingleAsync(t => t.ProfileId == 4, Cancel);
            thumb.Rating = ThumbRating.Love;
            thumb.At = Valentines.AddDays(21);
            await db.SaveChangesAsync(Cancel);
        }

        var afterThumb = await facts.VersionAsync(Cancel);
        Assert.Equal(3, new[] { before, afterPlay, afterThumb }.Distinct().Count());
    }

    [Fact]
    public async Task AProfilesSessionsAreReadWithTheirWatchedSecondsAndGenre()
    {
        var sessions = await facts.ProfileSessionsAsync(4, Valentines, Valentines.AddDays(5), Cancel);

        Assert.Equal(6, sessions.Count);
        Assert.All(sessions, s => Assert.Equal(("Long Series", "Drama", 600), (s.TitleName, s.GenreName, s.WatchedSeconds)));
        Assert.Equal(Valentines.AddDays(11).AddHours(4), await facts.LastSessionAsync(4, Cancel));
        Assert.Null(await facts.LastSessionAsync(99, Cancel));
    }

    private static Title Title(int id, string name, TitleKind kind, int genre, int runtime) => new()
    {
        Id = id, Name = name, Kind = kind, Year = 2020, RuntimeMinutes = runtime, Maturity = "12+", Synopsis = "…", PrimaryGenreId = genre,
        AddedAt = Valentines.AddYears(-1), ArtworkTheme = "dark",
    };

    private ViewingSession Session(int profile, int title, DateTime at, DeviceType device = DeviceType.Tv, bool completed = false, int? episode = null) => new()
    {
        Id = nextSession++, ProfileId = profile, TitleId = title, EpisodeId = episode, Device = device, StartedAt = at,
        StartPositionSeconds = 60, EndPositionSeconds = 660, Completed = completed,
    };
}
