using System.Diagnostics;
using StreamingDemo.Data;
using StreamingDemo.Data.Studio;
using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>
/// The data billboards (M5) over the live store, and per-profile year-in-review cards. The store-wide counts are computed
/// once per state of the viewing data (newest session, thumbs: <see cref="BillboardFacts.VersionAsync"/>) and of the
/// live store file; after a write the last board stays on screen, marked as recounting, while the new one is counted.
/// </summary>
public sealed class BillboardService(BillboardFacts facts, StoreLocation store, PersonaDirectory profiles, TimeProvider clock, ILogger<BillboardService> logger)
{
    private readonly Lock gate = new();
    private (string Version, Task<BillboardBoard> Task)? counting;
    private (string Version, BillboardBoard Board)? counted;

    /// <summary>The billboards for the store as it is now; while a changed store is recounted, the previous board (marked so).</summary>
    public async Task<BillboardBoard> GetAsync(CancellationToken cancellationToken = default)
    {
        var version = store.DatabasePath + "|" + await facts.VersionAsync(cancellationToken);
        Task<BillboardBoard> task;
        lock (gate)
        {
            if (counted is { } done && done.Version == version)
            {
                return done.Board;
            }

            if (counting is not { } running || running.Version != version || running.Task.IsFaulted)
            {
                counting = (version, Task.Run(() => CountAsync(version)));
            }

            task = counting.Value.Task;
            if (!task.IsCompleted && counted is { } previous)
            {
                return previous.Board with { Recounting = true };
            }
        }

        return await task.WaitAsync(cancellationToken);
    }

    /// <summary>The billboard with the given template key, or null for an unknown key.</summary>
    public async Task<DataBillboard?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Billboards.FirstOrDefault(b => string.Equals(b.Key, key, StringComparison.Ordinal));

    /// <summary>A profile's year in review; null for an unknown profile.</summary>
    public async Task<YearInReview?> YearInReviewAsync(int profileId, CancellationToken cancellationToken = default)
    {
        var profile = await profiles.FindAsync(profileId, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var last = await facts.LastSessionAsync(profileId, cancellationToken);
        var to = DateOnly.FromDateTime(last ?? clock.GetUtcNow().UtcDateTime);
        var from = to.AddDays(-(YearInReview.PeriodDays - 1));
        var sessions = await facts.ProfileSessionsAsync(profileId, from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), cancellationToken);
        var thumbs = await facts.ProfileThumbsAsync(profileId, cancellationToken);
        var tags = await facts.TitleMicroGenresAsync([.. sessions.Select(s => s.TitleId).Distinct()], cancellationToken);
        return YearInReview.Build(profileId, profile.Name, to, sessions, thumbs, tags);
    }

    private async Task<BillboardBoard> CountAsync(string version)
    {
        var watch = Stopwatch.StartNew();
        var span = await facts.SessionSpanAsync();
        var holidays = span is { } s ? BillboardTemplates.HolidaysBetween(s.First, s.Last) : [];
        var repeat = await facts.RepeatOnDaysAsync([.. holidays.Select(h => h.Day)]);
        var lateNight = await facts.LateNightGenresAsync();
        var binge = await facts.BingeDaysAsync();
        var phone = await facts.PhoneMarathonsAsync();
        var rewatch = await facts.ThumbsDownRewatchesAsync();
        var board = new BillboardBoard(
            [
                BillboardTemplates.RepeatOnDay(repeat, holidays),
                BillboardTemplates.LateNight(lateNight),
                BillboardTemplates.Binge(binge),
                BillboardTemplates.PhoneMarathon(phone),
                BillboardTemplates.ThumbsDownRewatch(rewatch),
            ],
            span?.Sessions ?? 0, span?.First, span?.Last, clock.GetUtcNow().UtcDateTime, Recounting: false);
        lock (gate)
        {
            counted = (version, board);
        }

        logger.LogInformation("Data billboards counted over {Sessions} sessions in {Elapsed} ms", board.Sessions, watch.ElapsedMilliseconds);
        return board;
    }
}
