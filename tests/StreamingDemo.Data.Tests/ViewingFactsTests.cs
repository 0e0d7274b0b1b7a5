using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data.Entities;
using StreamingDemo.Data.Studio;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Tests;

/// <summary>The studio's reads against a store of a few hand-written rows, so every answer is known.</summary>
public sealed class ViewingFactsTests : IAsyncLifetime
{
    private static readonly DateTime Day = new(2026, 11, 2, 20, 0, 0, DateTimeKind.Utc);
    private readonly TempStore temp = new();
    private ViewingFacts facts = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var location = new StoreLocation(temp.PathFor("studio.db"));
        await using var db = new StreamingDbContext(new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite(location.ConnectionString).Options);
        await db.Database.MigrateAsync(Cancel);
        db.Genres.Add(new Genre { Id = 1, Slug = "crime", Name = "Crime" });
        db.MicroGenres.Add(new MicroGenre { Id = 5, Slug = "nordic-noir", Name = "Nordic Noir", GenreId = 1 });
        foreach (var id in new[] { 10, 11 })
        {
            db.Titles.Add(new Title
            {
                Id = id, Name = $"Title {id}", Kind = TitleKind.Movie, Year = 2020, RuntimeMinutes = 40, Maturity = "12+", Synopsis = "…",
                PrimaryGenreId = 1, AddedAt = Day, ArtworkTheme = "dark",
            });
        }

        db.TitleTags.Add(new TitleTag { TitleId = 10, MicroGenreId = 5 });
        foreach (var id in new[] { 1, 2, 3 })
        {
            db.Profiles.Add(new Profile { Id = id, Name = $"Viewer {id}", Avatar = "fox", IsSeeded = true, CreatedAt = Day });
        }

        db.ViewingSessions.AddRange(
            new ViewingSession { Id = 1, ProfileId = 1, TitleId = 10, Device = DeviceType.Tv, StartedAt = Day.AddDays(3), EndPositionSeconds = 2400, Completed = true },
            new ViewingSession { Id = 2, ProfileId = 1, TitleId = 10, Device = DeviceType.Tv, StartedAt = Day.AddDays(1), EndPositionSeconds = 600 },
            new ViewingSession { Id = 3, ProfileId = 2, TitleId = 10, Device = DeviceType.Phone, StartedAt = Day.AddDays(2), EndPositionSeconds = 1300 },
            new ViewingSession { Id = 4, ProfileId = 2, TitleId = 11, Device = DeviceType.Phone, StartedAt = Day, EndPositionSeconds = 2400, Completed = true },
            new ViewingSession { Id = 5, ProfileId = 3, TitleId = 11, Device = DeviceType.Desktop, StartedAt = Day, EndPositionSeconds = 100 });
        db.PausePoints.AddRange(
            new PausePoint { Id = 1, SessionId = 2, ProfileId = 1, TitleId = 10, PositionSeconds = 590, At = Day },
            new PausePoint { Id = 2, SessionId = 3, ProfileId = 2, TitleId = 10, PositionSeconds = 1250, At = Day },
            new PausePoint { Id = 3, SessionId = 4, ProfileId = 2, TitleId = 11, PositionSeconds = 60, At = Day });
        db.InfluenceEdges.AddRange(
            new InfluenceEdge { FromProfileId = 1, ToProfileId = 2, Weight = 0.5f },
            new InfluenceEdge { FromProfileId = 1, ToProfileId = 3, Weight = 0.25f },
            new InfluenceEdge { FromProfileId = 2, ToProfileId = 3, Weight = 1f });
        await db.SaveChangesAsync(Cancel);
        facts = new ViewingFacts(location);
    }

    [Fact]
    public async Task EverySessionIsReadOnceWithItsDeviceAndStart()
    {
        var sessions = new List<SessionFact>();
        await foreach (var session in facts.ReadSessionsAsync(Cancel))
        {
            sessions.Add(session);
        }

        Assert.Equal(5, sessions.Count);
        Assert.Contains(new SessionFact(2, 10, DeviceType.Phone, Day.AddDays(2)), sessions);
    }

    [Fact]
    public async Task AFirstWatchIsTheEarliestSessionOfThatTitle()
    {
        var watches = await facts.FirstWatchesAsync([1, 2], Cancel);

        Assert.Equal([new FirstWatch(1, 10, Day.AddDays(1)), new FirstWatch(2, 10, Day.AddDays(2)), new FirstWatch(2, 11, Day)],
            watches.OrderBy(w => w.ProfileId).ThenBy(w => w.TitleId));
    }

    [Fact]
    public async Task EdgesAreReadFromTheGivenInfluencersOnly()
    {
        var edges = await facts.EdgesFromAsync([1], Cancel);

        Assert.Equal([new InfluenceEdgeInfo(1, 2, 0.5f), new InfluenceEdgeInfo(1, 3, 0.25f)], edges.OrderBy(e => e.ToProfileId));
    }

    [Fact]
    public async Task ATitlesViewingHoldsItsPausesAndTheSessionsThatStoppedEarly()
    {
        var viewing = await facts.TitleViewingAsync(10, Cancel);

        Assert.Equal(40, viewing!.RuntimeMinutes);
        Assert.Equal(3, viewing.Sessions);
        Assert.Equal([590, 1250], viewing.PauseSeconds.Order());
        Assert.Equal([600, 1300], viewing.StopSeconds.Order());
        Assert.Null(await facts.TitleViewingAsync(99, Cancel));
    }

    [Fact]
    public async Task TitlesAreRankedByPausePoints()
    {
        Assert.Equal([(10, 2), (11, 1)], await facts.MostPausedTitlesAsync(5, Cancel));
        Assert.Equal([(10, 5, "Nordic Noir")], await facts.TitleTagsAsync(Cancel));
    }

    public ValueTask DisposeAsync()
    {
        temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
