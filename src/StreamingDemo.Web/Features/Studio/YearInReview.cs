using StreamingDemo.Data.Studio;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>A name with the figure it is ranked by (minutes for genres and titles, titles for micro-genres).</summary>
public sealed record RankedName(string Name, int Figure);

/// <summary>
/// A profile's "year in review" (M5, Wrapped-style): the 365 days up to and including the day of its latest session.
/// Minutes are the watched positions of each session (end − start), summed and rounded down to whole minutes.
/// </summary>
public sealed record YearInReview(
    int ProfileId,
    string ProfileName,
    DateOnly From,
    DateOnly To,
    int Minutes,
    int Sessions,
    int Titles,
    int DaysWatched,
    IReadOnlyList<RankedName> TopGenres,
    IReadOnlyList<RankedName> TopMicroGenres,
    RankedName? TopTitle,
    string? FirstThumbUpTitle,
    DateOnly? FirstThumbUpDay,
    int? PeakHour)
{
    /// <summary>The days a year in review covers, ending on the latest session's day.</summary>
    public const int PeriodDays = 365;

    public bool IsEmpty => Sessions == 0;

    /// <summary>Builds the review from the profile's sessions in the period, its thumbs and its titles' micro-genres.</summary>
    public static YearInReview Build(
        int profileId,
        string profileName,
        DateOnly to,
        IReadOnlyList<ProfileSessionFact> sessions,
        IReadOnlyList<ProfileThumbFact> thumbs,
        IReadOnlyList<(int TitleId, string Name)> microGenres)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(thumbs);
        ArgumentNullException.ThrowIfNull(microGenres);
        var from = to.AddDays(-(PeriodDays - 1));
        var seconds = sessions.Sum(s => (long)s.WatchedSeconds);
        var genres = sessions.GroupBy(s => s.GenreName)
            .Select(g => new RankedName(g.Key, (int)(g.Sum(s => (long)s.WatchedSeconds) / 60)))
            .OrderByDescending(g => g.Figure).ThenBy(g => g.Name, StringComparer.Ordinal).Take(3).ToList();
        var titles = sessions.Select(s => s.TitleId).ToHashSet();
        var tags = microGenres.Where(m => titles.Contains(m.TitleId)).GroupBy(m => m.Name)
            .Select(g => new RankedName(g.Key, g.Select(m => m.TitleId).Distinct().Count()))
            .OrderByDescending(g => g.Figure).ThenBy(g => g.Name, StringComparer.Ordinal).Take(3).ToList();
        var top = sessions.GroupBy(s => (s.TitleId, s.TitleName))
            .Select(g => (g.Key.TitleId, Title: new RankedName(g.Key.TitleName, (int)(g.Sum(s => (long)s.WatchedSeconds) / 60))))
            .OrderByDescending(g => g.Title.Figure).ThenBy(g => g.TitleId).Select(g => g.Title).FirstOrDefault();
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var firstUp = thumbs.Where(t => t.Rating is ThumbRating.Up or ThumbRating.Love && t.At >= start && t.At < end)
            .OrderBy(t => t.At).ThenBy(t => t.TitleId).Cast<ProfileThumbFact?>().FirstOrDefault();
        int? peak = sessions.Count == 0 ? null : sessions.GroupBy(s => s.StartedAt.Hour).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return new YearInReview(profileId, profileName, from, to, (int)(seconds / 60), sessions.Count, titles.Count,
            sessions.Select(s => DateOnly.FromDateTime(s.StartedAt)).Distinct().Count(), genres, tags, top,
            firstUp?.TitleName, firstUp is { } up ? DateOnly.FromDateTime(up.At) : null, peak);
    }
}
