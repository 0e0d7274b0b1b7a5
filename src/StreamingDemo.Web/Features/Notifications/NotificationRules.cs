using System.Globalization;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Notifications;

public enum NotificationKind
{
    NewSeason = 0,
    Recovery = 1,
    HighMatch = 2,
}

/// <summary>One episode of a series as the rules see it.</summary>
public sealed record EpisodeFact(int Id, int Season, int Number, int RuntimeSeconds, DateTime AvailableAt);

/// <summary>The profile's last viewing session of a title.</summary>
public sealed record LastViewing(int? EpisodeId, int EndPositionSeconds, bool Completed, DateTime StartedAt);

/// <summary>What one profile has done with one title: its thumb, what it finished, where it stopped.</summary>
public sealed record TitleHistory(
    int TitleId,
    string Name,
    TitleKind Kind,
    int RuntimeSeconds,
    ThumbRating? Thumb,
    IReadOnlyList<EpisodeFact> Episodes,
    IReadOnlySet<int> WatchedEpisodes,
    IReadOnlySet<int> CompletedEpisodes,
    bool MovieCompleted,
    LastViewing? Last);

/// <summary>A notification the rules would send, with the sentence that says why.</summary>
public sealed record NotificationCandidate(
    NotificationKind Kind,
    int TitleId,
    string TitleName,
    int? EpisodeId,
    string DedupeKey,
    string Subject,
    string Body,
    string Reason,
    int? MatchPercent);

/// <summary>
/// Which titles a profile may be notified about (M4, seed 003 ideas 2 and 6): only titles it already loves — a thumb up
/// or love, a movie watched to the end, a whole season finished — or is midway through, never a thumbed-down one. Per
/// title at most one candidate, first rule that applies: a new season that premiered in the last
/// <see cref="NewSeasonDays"/> days and none of whose episodes it has watched; a recovery nudge for a title it stopped
/// midway at least a day ago; a very high match (calibrated, at least <see cref="VeryHighMatch"/>) for a loved title
/// with something left to watch.
/// </summary>
public static class NotificationRules
{
    /// <summary>A season is "new" for this many days after its premiere.</summary>
    public const int NewSeasonDays = 28;

    /// <summary>The calibrated match (probability of enjoying it once started) a "very high match" needs.</summary>
    public const double VeryHighMatch = 0.85;

    /// <summary>Midway means past the first minute and short of the end credits.</summary>
    public const int MidwayFromSeconds = 60;

    /// <summary>A viewer who stopped less than this long ago is not nudged yet.</summary>
    public static readonly TimeSpan RecoveryAfter = TimeSpan.FromDays(1);

    public static IReadOnlyList<NotificationCandidate> Candidates(IEnumerable<TitleHistory> titles, DateTime now, IReadOnlyDictionary<int, RecommendedTitle> matches)
    {
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(matches);
        var newSeasons = new List<(NotificationCandidate Candidate, DateTime Premiere)>();
        var recoveries = new List<(NotificationCandidate Candidate, DateTime At)>();
        var highMatches = new List<(NotificationCandidate Candidate, double Match)>();
        foreach (var title in titles)
        {
            if (title.Thumb == ThumbRating.Down)
            {
                continue;
            }

            var available = title.Episodes.Where(e => e.AvailableAt <= now).ToList();
            var loves = title.Thumb is ThumbRating.Up or ThumbRating.Love || title.MovieCompleted || FinishedASeason(available, title.CompletedEpisodes);
            var midway = IsMidway(title, available);
            if (!loves && midway is null)
            {
                continue;
            }

            matches.TryGetValue(title.TitleId, out var match);
            if (NewSeason(title, available, now) is { } season)
            {
                newSeasons.Add(season);
            }
            else if (midway is { } stopped && stopped.StartedAt <= now - RecoveryAfter)
            {
                recoveries.Add((Recovery(title, stopped, available), stopped.StartedAt));
            }
            else if (loves && midway is null && match is { Match: >= VeryHighMatch } && NextToWatch(title, available) is { } next)
            {
                highMatches.Add((HighMatch(title, match, next, available), match.Match));
            }
        }

        return
        [
            .. newSeasons.OrderByDescending(c => c.Premiere).ThenBy(c => c.Candidate.TitleId).Select(c => c.Candidate),
            .. recoveries.OrderByDescending(c => c.At).ThenBy(c => c.Candidate.TitleId).Select(c => c.Candidate),
            .. highMatches.OrderByDescending(c => c.Match).ThenBy(c => c.Candidate.TitleId).Select(c => c.Candidate),
        ];
    }

    private static bool FinishedASeason(List<EpisodeFact> available, IReadOnlySet<int> completed) =>
        available.Count > 0 && available.GroupBy(e => e.Season).Any(season => season.All(e => completed.Contains(e.Id)));

    /// <summary>The last viewing when it stopped midway through the title (or an available episode of it).</summary>
    private static LastViewing? IsMidway(TitleHistory title, List<EpisodeFact> available)
    {
        if (title.Last is not { Completed: false } last || last.EndPositionSeconds < MidwayFromSeconds)
        {
            return null;
        }

        var runtime = last.EpisodeId is int episodeId ? available.FirstOrDefault(e => e.Id == episodeId)?.RuntimeSeconds : title.RuntimeSeconds;
        return runtime is int seconds && last.EndPositionSeconds < seconds * Feedback.FeedbackService.FinishedShare ? last : null;
    }

    private static (NotificationCandidate, DateTime)? NewSeason(TitleHistory title, List<EpisodeFact> available, DateTime now)
    {
        if (title.Kind != TitleKind.Series)
        {
            return null;
        }

        var fresh = title.Episodes.GroupBy(e => e.Season)
            .Select(s => (Season: s.Key, Episodes: s.OrderBy(e => e.Number).ToList(), Premiere: s.Min(e => e.AvailableAt)))
            .Where(s => s.Premiere <= now && s.Premiere > now.AddDays(-NewSeasonDays)
                        && s.Episodes.All(e => e.AvailableAt <= now) && !s.Episodes.Any(e => title.WatchedEpisodes.Contains(e.Id)))
            .OrderByDescending(s => s.Season)
            .FirstOrDefault();
        if (fresh.Episodes is null)
        {
            return null;
        }

        var count = fresh.Episodes.Count;
        var subject = string.Create(CultureInfo.InvariantCulture, $"New season: {title.Name}");
        var body = string.Create(CultureInfo.InvariantCulture, $"Season {fresh.Season} of {title.Name} is here: all {count} episodes, out now.");
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Season {fresh.Season} premiered {fresh.Premiere:ddd d MMM HH:mm} UTC; {Why(title, available)}.");
        return (new NotificationCandidate(NotificationKind.NewSeason, title.TitleId, title.Name, fresh.Episodes[0].Id,
            string.Create(CultureInfo.InvariantCulture, $"new-season:{title.TitleId}:{fresh.Season}"), subject, body, reason, null), fresh.Premiere);
    }

    private static NotificationCandidate Recovery(TitleHistory title, LastViewing stopped, List<EpisodeFact> available)
    {
        var minutes = stopped.EndPositionSeconds / 60;
        var episode = stopped.EpisodeId is int id ? available.First(e => e.Id == id) : null;
        var where = episode is null
            ? string.Create(CultureInfo.InvariantCulture, $"You stopped {minutes} min into {title.Name}.")
            : string.Create(CultureInfo.InvariantCulture, $"You stopped at S{episode.Season}:E{episode.Number} of {title.Name}, {minutes} min in.");
        var left = ((episode?.RuntimeSeconds ?? title.RuntimeSeconds) - stopped.EndPositionSeconds + 59) / 60;
        var body = string.Create(CultureInfo.InvariantCulture, $"{where} {left} min to go: pick up where you left off.");
        var reason = string.Create(CultureInfo.InvariantCulture, $"Last watched {stopped.StartedAt:ddd d MMM HH:mm} UTC and stopped midway.");
        return new NotificationCandidate(NotificationKind.Recovery, title.TitleId, title.Name, stopped.EpisodeId,
            string.Create(CultureInfo.InvariantCulture, $"recovery:{title.TitleId}:{stopped.EpisodeId ?? 0}:{stopped.EndPositionSeconds}"),
            string.Create(CultureInfo.InvariantCulture, $"Still watching {title.Name}?"), body, reason, null);
    }

    private static NotificationCandidate HighMatch(TitleHistory title, RecommendedTitle match, EpisodeFact? next, List<EpisodeFact> available)
    {
        var waiting = title.Kind == TitleKind.Series
            ? string.Create(CultureInfo.InvariantCulture, $"{available.Count(e => !title.CompletedEpisodes.Contains(e.Id))} episodes you haven't finished are waiting.")
            : "Tonight could be the night.";
        var body = string.Create(CultureInfo.InvariantCulture, $"{title.Name} is a {match.MatchPercent}% match for you. {waiting}");
        var reason = string.Create(CultureInfo.InvariantCulture, $"Calibrated match {match.MatchPercent}% (at least {VeryHighMatch * 100:0}%); {Why(title, available)}.");
        return new NotificationCandidate(NotificationKind.HighMatch, title.TitleId, title.Name, next?.Id,
            string.Create(CultureInfo.InvariantCulture, $"high-match:{title.TitleId}"),
            string.Create(CultureInfo.InvariantCulture, $"{match.MatchPercent}% match: {title.Name}"), body, reason, match.MatchPercent);
    }

    /// <summary>The next episode to watch (first available one not finished), a movie not yet finished (null episode), or nothing left.</summary>
    private static Next? NextToWatch(TitleHistory title, List<EpisodeFact> available)
    {
        if (title.Kind == TitleKind.Movie || title.Episodes.Count == 0)
        {
            return title.MovieCompleted ? null : new Next(null);
        }

        var next = available.OrderBy(e => e.Season).ThenBy(e => e.Number).FirstOrDefault(e => !title.CompletedEpisodes.Contains(e.Id));
        return next is null ? null : new Next(next);
    }

    private static NotificationCandidate HighMatch(TitleHistory title, RecommendedTitle match, Next next, List<EpisodeFact> available) =>
        HighMatch(title, match, next.Episode, available);

    private static string Why(TitleHistory title, List<EpisodeFact> available) => title switch
    {
        { Thumb: ThumbRating.Love } => "the profile loves it (two thumbs up)",
        { Thumb: ThumbRating.Up } => "the profile gave it a thumb up",
        { MovieCompleted: true } => "the profile watched it to the end",
        _ when FinishedASeason(available, title.CompletedEpisodes) => "the profile finished a whole season",
        _ => "the profile is midway through it",
    };

    private sealed record Next(EpisodeFact? Episode);
}
