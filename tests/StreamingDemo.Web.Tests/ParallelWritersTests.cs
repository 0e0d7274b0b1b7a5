using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Web.Features.Feedback;

namespace StreamingDemo.Web.Tests;

/// <summary>A workshop room at once (W3): many attendees thumbing and playing in parallel through the one feedback service.</summary>
public sealed class ParallelWritersTests
{
    private const int Writers = 60;
    private const int SharedProfiles = 30;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>One attendee's script: two thumbs down, one up, one love, then a movie started and moved on three times.</summary>
    private sealed record Script(int Writer, int ProfileId, int[] Down, int Up, int Love, int Movie, int[] Progress);

    [Fact]
    public async Task SixtyParallelWritersHaveEveryWriteStoredExactlyOnceAndTheRecommenderAgrees()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var site = seeded.Site;
        var contexts = site.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();
        var feedback = site.Services.GetRequiredService<FeedbackService>();
        var recommender = site.Services.GetRequiredService<StreamingRecommender>();
        var scripts = await ScriptsAsync(contexts);
        var before = await CountsAsync(contexts);
        var sequenceBefore = recommender.FeedbackSequence;

        // Two writers share each profile, on different titles, so writes of one profile also race each other.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = scripts.Select(script => Task.Run(async () =>
        {
            await start.Task;
            foreach (var title in script.Down)
            {
                await feedback.ThumbAsync(script.ProfileId, title, ThumbRating.Down, Cancel);
            }

            await feedback.ThumbAsync(script.ProfileId, script.Up, ThumbRating.Up, Cancel);
            await feedback.ThumbAsync(script.ProfileId, script.Love, ThumbRating.Love, Cancel);
            var session = await feedback.StartViewingAsync(script.ProfileId, script.Movie, null, DeviceType.Phone, 0, Cancel);
            foreach (var position in script.Progress)
            {
                await feedback.RecordProgressAsync(session.SessionId!.Value, position, Cancel);
            }

            return (script, session.SessionId!.Value);
        }, Cancel)).ToList();
        start.SetResult();
        var sessions = await Task.WhenAll(writers);

        // Every write is in the store exactly once, with the value written.
        const int thumbsEach = 4;
        const int writesEach = thumbsEach + 1 + 3;
        var after = await CountsAsync(contexts);
        Assert.Equal(before.Thumbs + (Writers * thumbsEach), after.Thumbs);
        Assert.Equal(before.Sessions + Writers, after.Sessions);
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var profiles = scripts.Select(s => s.ProfileId).Distinct().ToList();
        var stored = await db.Thumbs.AsNoTracking().Where(t => profiles.Contains(t.ProfileId) && t.At > before.LatestThumb).ToListAsync(Cancel);
        var expected = scripts.SelectMany(s => s.Down.Select(d => (s.ProfileId, d, ThumbRating.Down))
            .Append((s.ProfileId, s.Up, ThumbRating.Up)).Append((s.ProfileId, s.Love, ThumbRating.Love))).OrderBy(x => x).ToList();
        Assert.Equal(expected, stored.Select(t => (t.ProfileId, t.TitleId, t.Rating)).OrderBy(x => x).ToList());
        foreach (var (script, sessionId) in sessions)
        {
            var session = await db.ViewingSessions.AsNoTracking().SingleAsync(v => v.Id == sessionId, Cancel);
            Assert.Equal((script.ProfileId, script.Movie, script.Progress[^1]), (session.ProfileId, session.TitleId, session.EndPositionSeconds));
        }

        // The recommender heard every write once, and what it serves agrees with the store: thumbed-down titles are gone.
        Assert.Equal(sequenceBefore + (Writers * writesEach), recommender.FeedbackSequence);
        foreach (var profile in profiles)
        {
            var down = stored.Where(t => t.ProfileId == profile && t.Rating == ThumbRating.Down).Select(t => t.TitleId).ToHashSet();
            var ranked = recommender.Rank(profile, 1000).Select(r => r.TitleId).ToHashSet();
            Assert.Empty(ranked.Intersect(down));
        }
    }

    private static async Task<List<Script>> ScriptsAsync(IDbContextFactory<StreamingDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var profileIds = await db.Profiles.Where(p => !p.IsKids).OrderBy(p => p.Id).Select(p => p.Id).Take(SharedProfiles).ToListAsync(Cancel);
        var movies = await db.Titles.Where(t => t.Kind == TitleKind.Movie && !t.IsKids).OrderBy(t => t.Id).Select(t => new { t.Id, Seconds = t.RuntimeMinutes * 60 }).ToListAsync(Cancel);
        var titles = await db.Titles.Where(t => !t.IsKids).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(Cancel);
        var scripts = new List<Script>();
        foreach (var profile in profileIds)
        {
            // Titles this profile has never thumbed or watched, so every thumb below is a new row.
            var touched = await db.Thumbs.Where(t => t.ProfileId == profile).Select(t => t.TitleId)
                .Union(db.ViewingSessions.Where(v => v.ProfileId == profile).Select(v => v.TitleId)).ToListAsync(Cancel);
            var fresh = titles.Except(touched).ToList();
            var freshMovies = movies.Where(m => !touched.Contains(m.Id)).ToList();
            for (var half = 0; half < 2; half++)
            {
                var own = fresh.Skip(half * 4).Take(4).ToArray();
                var movie = freshMovies[half];
                scripts.Add(new Script(scripts.Count, profile, own[..2], own[2], own[3], movie.Id,
                    [movie.Seconds / 10, movie.Seconds / 4, movie.Seconds / 2]));
            }
        }

        Assert.Equal(Writers, scripts.Count);
        return scripts;
    }

    private static async Task<(int Thumbs, int Sessions, DateTime LatestThumb)> CountsAsync(IDbContextFactory<StreamingDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        return (await db.Thumbs.CountAsync(Cancel), await db.ViewingSessions.CountAsync(Cancel), await db.Thumbs.MaxAsync(t => t.At, Cancel));
    }
}
