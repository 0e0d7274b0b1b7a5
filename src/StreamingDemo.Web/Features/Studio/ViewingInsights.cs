using StreamingDemo.Data.Studio;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>The part of the day a session started in (by the hour it started).</summary>
public enum DayPart
{
    Night = 0,
    Morning = 1,
    Afternoon = 2,
    Evening = 3,
}

/// <summary>A segment of viewing (M3): any combination of community, device and time of day; null means "all".</summary>
public readonly record struct SegmentKey(int? CommunityId, DeviceType? Device, DayPart? DayPart)
{
    public static SegmentKey Everyone => default;
}

public sealed record SegmentTitle(int TitleId, int Sessions);

/// <summary>A micro-genre in a segment: sessions on titles carrying it, and their share of the segment's sessions.</summary>
public sealed record SegmentGenre(int MicroGenreId, string Name, int Sessions, double Share);

public sealed record SegmentFacts(int Sessions, IReadOnlyList<SegmentTitle> TopTitles, IReadOnlyList<SegmentGenre> TopMicroGenres)
{
    public static SegmentFacts Empty { get; } = new(0, [], []);
}

/// <summary>
/// Viewing aggregated once per model (M3): sessions per weekday × hour, and per segment the top titles and micro-genres.
/// Weekdays run Monday (0) to Sunday (6); hours are the hour a session started.
/// </summary>
public sealed class ViewingInsights(string modelVersion, int sessions, IReadOnlyDictionary<(int? Community, DeviceType? Device), int[,]> heatmaps, IReadOnlyDictionary<SegmentKey, SegmentFacts> segments)
{
    public string ModelVersion { get; } = modelVersion;

    public int Sessions { get; } = sessions;

    /// <summary>Sessions started per [weekday, hour] for a community and device (null: all).</summary>
    public int[,] Heatmap(int? communityId = null, DeviceType? device = null) =>
        heatmaps.TryGetValue((communityId, device), out var map) ? map : new int[7, 24];

    public SegmentFacts Segment(SegmentKey key) => segments.GetValueOrDefault(key) ?? SegmentFacts.Empty;

    public static DayPart DayPartOf(int hour) => hour switch
    {
        < 6 => DayPart.Night,
        < 12 => DayPart.Morning,
        < 18 => DayPart.Afternoon,
        _ => DayPart.Evening,
    };

    public static int WeekdayIndex(DayOfWeek day) => ((int)day + 6) % 7;
}

/// <summary>Accumulates sessions into <see cref="ViewingInsights"/>; each session counts in every segment it belongs to.</summary>
public sealed class ViewingInsightsBuilder
{
    private readonly Dictionary<(int?, DeviceType?), int[,]> heatmaps = [];
    private readonly Dictionary<SegmentKey, Dictionary<int, int>> titles = [];
    private int sessions;

    public void Add(SessionFact session, int? communityId)
    {
        sessions++;
        var day = ViewingInsights.WeekdayIndex(session.StartedAt.DayOfWeek);
        var hour = session.StartedAt.Hour;
        var part = ViewingInsights.DayPartOf(hour);
        foreach (var community in communityId is null ? new int?[] { null } : new int?[] { null, communityId })
        {
            foreach (var device in new DeviceType?[] { null, session.Device })
            {
                if (!heatmaps.TryGetValue((community, device), out var map))
                {
                    heatmaps[(community, device)] = map = new int[7, 24];
                }

                map[day, hour]++;
                foreach (var dayPart in new DayPart?[] { null, part })
                {
                    var key = new SegmentKey(community, device, dayPart);
                    if (!titles.TryGetValue(key, out var counts))
                    {
                        titles[key] = counts = [];
                    }

                    counts[session.TitleId] = counts.GetValueOrDefault(session.TitleId) + 1;
                }
            }
        }
    }

    /// <param name="titleTags">Micro-genre ids of each title.</param>
    /// <param name="tagNames">Micro-genre names.</param>
    public ViewingInsights Build(string modelVersion, IReadOnlyDictionary<int, IReadOnlyList<int>> titleTags, IReadOnlyDictionary<int, string> tagNames, int topTitles = 10, int topGenres = 5)
    {
        ArgumentNullException.ThrowIfNull(titleTags);
        ArgumentNullException.ThrowIfNull(tagNames);
        var segments = new Dictionary<SegmentKey, SegmentFacts>(titles.Count);
        foreach (var (key, counts) in titles)
        {
            var total = counts.Values.Sum();
            var genres = new Dictionary<int, int>();
            foreach (var (title, count) in counts)
            {
                foreach (var tag in titleTags.TryGetValue(title, out var tags) ? tags : [])
                {
                    genres[tag] = genres.GetValueOrDefault(tag) + count;
                }
            }

            segments[key] = new SegmentFacts(
                total,
                [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(topTitles).Select(c => new SegmentTitle(c.Key, c.Value))],
                [.. genres.OrderByDescending(g => g.Value).ThenBy(g => g.Key).Take(topGenres)
                    .Select(g => new SegmentGenre(g.Key, tagNames.TryGetValue(g.Key, out var name) ? name : $"Micro-genre {g.Key}", g.Value, total == 0 ? 0 : (double)g.Value / total))]);
        }

        return new ViewingInsights(modelVersion, sessions, heatmaps, segments);
    }
}
