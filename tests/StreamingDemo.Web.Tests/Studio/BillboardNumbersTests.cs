using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Data.Studio;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Profiles;
using StreamingDemo.Web.Features.Studio;

namespace StreamingDemo.Web.Tests.Studio;

/// <summary>
/// Every number on a data billboard, recomputed from the seeded store's rows with LINQ over EF entities — a second,
/// independent count of what the billboard's SQL counted.
/// </summary>
[Collection(nameof(SeededStoreCollection))]
public sealed class BillboardNumbersTests(SeededStore store)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string N(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private BillboardService Service(string? path = null, IDbContextFactory<StreamingDbContext>? contexts = null) =>
        new(new BillboardFacts(new StoreLocation(path ?? store.DatabasePath)), new StoreLocation(path ?? store.DatabasePath),
            new PersonaDirectory(contexts ?? store.Contexts), TimeProvider.System, NullLogger<BillboardService>.Instance);

    private async Task<(List<ViewingSession> Sessions, Dictionary<int, Title> Titles, Dictionary<int, Genre> Genres, List<Thumb> Thumbs)> RowsAsync()
    {
        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        return (await db.ViewingSessions.AsNoTracking().ToListAsync(Cancel),
            await db.Titles.AsNoTracking().ToDictionaryAsync(t => t.Id, Cancel),
            await db.Genres.AsNoTracking().ToDictionaryAsync(g => g.Id, Cancel),
            await db.Thumbs.AsNoTracking().ToListAsync(Cancel));
    }

    private async Task<DataBillboard> BillboardAsync(string key) =>
        Assert.Single((await Service().GetAsync(Cancel)).Billboards, b => b.Key == key);

    [Fact]
    public async Task TheBoardCountsEverySessionInTheStore()
    {
        var (sessions, _, _, _) = await RowsAsync();
        var board = await Service().GetAsync(Cancel);

        Assert.Equal(sessions.Count, board.Sessions);
        Assert.Equal(DateOnly.FromDateTime(sessions.Min(s => s.StartedAt)), board.FirstDay);
        Assert.Equal(DateOnly.FromDateTime(sessions.Max(s => s.StartedAt)), board.LastDay);
        Assert.Equal(5, board.Billboards.Count);
    }

    [Fact]
    public async Task TheHolidayRepeatBillboardNamesThePeopleWhoPlayedOneTitleThreeTimesThatDay()
    {
        var (sessions, titles, _, _) = await RowsAsync();
        var holidays = BillboardTemplates.HolidaysBetween(DateOnly.FromDateTime(sessions.Min(s => s.StartedAt)), DateOnly.FromDateTime(sessions.Max(s => s.StartedAt)))
            .ToDictionary(h => h.Day, h => h.Name);
        var counts = sessions.Where(s => holidays.ContainsKey(DateOnly.FromDateTime(s.StartedAt)))
            .GroupBy(s => (s.ProfileId, s.TitleId, Day: DateOnly.FromDateTime(s.StartedAt)))
            .Where(g => g.Count() >= 3)
            .GroupBy(g => (g.Key.TitleId, g.Key.Day))
            .ToDictionary(g => g.Key, g => g.Count());

        var billboard = await BillboardAsync(BillboardTemplates.RepeatOnDayKey);

        if (counts.Count == 0)
        {
            Assert.False(billboard.Found);
            return;
        }

        var most = counts.Values.Max();
        Assert.True(billboard.Found);
        Assert.Equal(most, billboard.People);
        var winners = counts.Where(c => c.Value == most).Select(c => $"“{titles[c.Key.TitleId].Name}” three times or more on {holidays[c.Key.Day]}").ToList();
        Assert.Contains(winners, w => billboard.Headline.Contains(w, StringComparison.Ordinal));
        Assert.StartsWith(most == 1 ? "Dear 1 person who pressed play on" : $"Dear {N(most)} people who pressed play on", billboard.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLateNightBillboardNamesTheGenreWithTheHighestShareOfPlaysAfterMidnight()
    {
        var (sessions, titles, genres, _) = await RowsAsync();
        var perGenre = sessions.GroupBy(s => titles[s.TitleId].PrimaryGenreId)
            .Select(g => (Genre: genres[g.Key].Name, People: g.Where(s => s.StartedAt.Hour < 4).Select(s => s.ProfileId).Distinct().Count(),
                Late: g.Count(s => s.StartedAt.Hour < 4), All: g.Count()))
            .Where(g => g.People >= 10).ToList();

        var billboard = await BillboardAsync(BillboardTemplates.LateNightKey);

        if (perGenre.Count == 0)
        {
            Assert.False(billboard.Found);
            return;
        }

        var best = perGenre.OrderByDescending(g => (double)g.Late / g.All).ThenByDescending(g => g.People).First();
        Assert.Equal(best.People, billboard.People);
        Assert.Equal($"Dear {N(best.People)} people who started a {best.Genre} title between midnight and 4 a.m.,", billboard.Headline);
        Assert.StartsWith($"{N((int)Math.Round(100.0 * best.Late / best.All, MidpointRounding.AwayFromZero))}% of {best.Genre} plays", billboard.Punchline, StringComparison.Ordinal);
        Assert.Contains($"{N(best.Late)} of its {N(best.All)} sessions", billboard.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBingeBillboardCountsPeopleWhoStartedFiveEpisodesOfOneSeriesInADay()
    {
        var (sessions, titles, _, _) = await RowsAsync();
        var binges = sessions.Where(s => s.EpisodeId is not null)
            .GroupBy(s => (s.ProfileId, s.TitleId, Day: DateOnly.FromDateTime(s.StartedAt)))
            .Select(g => (g.Key.ProfileId, g.Key.TitleId, Episodes: g.Select(s => s.EpisodeId).Distinct().Count()))
            .Where(b => b.Episodes >= 5)
            .GroupBy(b => b.TitleId)
            .Select(g => (TitleId: g.Key, People: g.Select(b => b.ProfileId).Distinct().Count(), Most: g.Max(b => b.Episodes)))
            .ToList();

        var billboard = await BillboardAsync(BillboardTemplates.BingeKey);

        if (binges.Count == 0)
        {
            Assert.False(billboard.Found);
            return;
        }

        var best = binges.OrderByDescending(b => b.People).ThenByDescending(b => b.Most).ThenBy(b => b.TitleId).First();
        Assert.Equal(best.People, billboard.People);
        Assert.Contains($"episodes of “{titles[best.TitleId].Name}” in a single day", billboard.Headline, StringComparison.Ordinal);
        Assert.StartsWith($"{(best.People == 1 ? "you" : "one of you")} made it to {best.Most}.", billboard.Punchline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePhoneMarathonBillboardNamesTheLongestMovieThreePeopleFinishedOnAPhone()
    {
        var (sessions, titles, _, _) = await RowsAsync();
        var movies = sessions.Where(s => s.Device == DeviceType.Phone && s.Completed && titles[s.TitleId].Kind == TitleKind.Movie)
            .GroupBy(s => s.TitleId)
            .Select(g => (Title: titles[g.Key], People: g.Select(s => s.ProfileId).Distinct().Count()))
            .Where(m => m.People >= 3).ToList();

        var billboard = await BillboardAsync(BillboardTemplates.PhoneMarathonKey);

        if (movies.Count == 0)
        {
            Assert.False(billboard.Found);
            return;
        }

        var best = movies.OrderByDescending(m => m.Title.RuntimeMinutes).ThenByDescending(m => m.People).ThenBy(m => m.Title.Id).First();
        Assert.Equal($"Dear {N(best.People)} people who watched all {best.Title.RuntimeMinutes} minutes of “{best.Title.Name}” on a phone,", billboard.Headline);
    }

    [Fact]
    public async Task WithNoThumbsDownFollowedByAPlayTheGuiltyPleasureTemplateSaysItFoundNone()
    {
        var (sessions, _, _, thumbs) = await RowsAsync();
        var rewatched = thumbs.Where(t => t.Rating == ThumbRating.Down)
            .Count(t => sessions.Any(s => s.ProfileId == t.ProfileId && s.TitleId == t.TitleId && s.StartedAt > t.At));
        Assert.Equal(0, rewatched); // the seed never plays a title again after thumbing it down

        var billboard = await BillboardAsync(BillboardTemplates.ThumbsDownRewatchKey);

        Assert.False(billboard.Found);
        Assert.Equal(0, billboard.People);
        Assert.Contains("No one has pressed play again", billboard.Headline, StringComparison.Ordinal);
        Assert.Equal(BillboardFacts.ThumbsDownRewatchSql, billboard.Sql);
    }

    [Fact]
    public async Task AThumbsDownThenAPlayAppearsOnTheBoardOnceItIsRecounted()
    {
        await using var copy = new StoreCopy(store);
        var service = Service(copy.DatabasePath, copy.Contexts);
        var before = await service.GetAsync(Cancel);
        Assert.False(Assert.Single(before.Billboards, b => b.Key == BillboardTemplates.ThumbsDownRewatchKey).Found);

        int titleId;
        string titleName;
        await using (var db = await copy.Contexts.CreateDbContextAsync(Cancel))
        {
            var title = await db.Titles.OrderBy(t => t.Id).FirstAsync(Cancel);
            (titleId, titleName) = (title.Id, title.Name);
            var at = new DateTime(2026, 5, 1, 20, 0, 0, DateTimeKind.Utc);
            foreach (var profileId in new[] { 1, 2 })
            {
                var existing = await db.Thumbs.FindAsync([profileId, titleId], Cancel);
                if (existing is not null)
                {
                    db.Thumbs.Remove(existing);
                }

                db.Thumbs.Add(new Thumb { ProfileId = profileId, TitleId = titleId, Rating = ThumbRating.Down, At = at });
                db.ViewingSessions.Add(new ViewingSession { ProfileId = profileId, TitleId = titleId, Device = DeviceType.Tv, StartedAt = at.AddHours(1), EndPositionSeconds = 60 });
            }

            await db.SaveChangesAsync(Cancel);
        }

        var after = await service.GetAsync(Cancel);
        while (after.Recounting)
        {
            await Task.Delay(50, Cancel);
            after = await service.GetAsync(Cancel);
        }

        var guilty = Assert.Single(after.Billboards, b => b.Key == BillboardTemplates.ThumbsDownRewatchKey);
        Assert.True(guilty.Found);
        Assert.Equal(2, guilty.People);
        Assert.Equal($"Dear 2 people who gave “{titleName}” a thumbs down and pressed play again anyway,", guilty.Headline);
        Assert.Equal(before.Sessions + 2, after.Sessions);
    }
}
