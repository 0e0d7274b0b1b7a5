using System.Globalization;
using Microsoft.Data.Sqlite;
using StreamingDemo.Data.Entities;
using StreamingDemo.Data.Interactive;
using StreamingDemo.Domain;

namespace StreamingDemo.Data;

/// <summary>Reads the recommender's training snapshot straight from SQLite: one aggregate pass, no change tracking.</summary>
public sealed class SqliteInteractionSource(StoreLocation store) : IInteractionSource
{
    public async Task<InteractionSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var version = await ReadVersionAsync(connection, cancellationToken);

        var genres = await SqliteReads.ListAsync(connection, "SELECT Id, Slug, Name, IsKids FROM Genres ORDER BY Id",
            r => new GenreInfo(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)), cancellationToken);
        var microGenres = await SqliteReads.ListAsync(connection, "SELECT Id, Slug, Name, GenreId FROM MicroGenres ORDER BY Id",
            r => new MicroGenreInfo(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt32(3)), cancellationToken);

        var tagsByTitle = new Dictionary<int, List<int>>();
        foreach (var (titleId, tagId) in await SqliteReads.ListAsync(connection, "SELECT TitleId, MicroGenreId FROM TitleTags ORDER BY TitleId, MicroGenreId",
                     r => (r.GetInt32(0), r.GetInt32(1)), cancellationToken))
        {
            if (!tagsByTitle.TryGetValue(titleId, out var list))
            {
                tagsByTitle[titleId] = list = [];
            }

            list.Add(tagId);
        }

        var asOfValue = await SqliteReads.ListAsync(connection, "SELECT Value FROM Meta WHERE Key = 'seed.referenceDate'", r => r.GetString(0), cancellationToken);
        var asOf = asOfValue.Count > 0 ? DateTime.Parse(asOfValue[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : DateTime.UtcNow;

        // Seasons that premiere after the store's "now" (M4's new seasons) are not part of what viewers could have watched.
        var episodeCounts = (await SqliteReads.ListAsync(connection, $"SELECT TitleId, COUNT(*) FROM Episodes WHERE AvailableAt <= {asOf.Ticks} GROUP BY TitleId",
            r => (r.GetInt32(0), r.GetInt32(1)), cancellationToken)).ToDictionary(x => x.Item1, x => x.Item2);

        var titles = await SqliteReads.ListAsync(connection,
            "SELECT Id, Name, Kind, Year, RuntimeMinutes, Maturity, PrimaryGenreId, AddedAt, IsKids FROM Titles ORDER BY Id",
            r => new TitleInfo(r.GetInt32(0), r.GetString(1), (TitleKind)r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetString(5),
                r.GetInt32(6), tagsByTitle.TryGetValue(r.GetInt32(0), out var tags) ? tags : [], new DateTime(r.GetInt64(7), DateTimeKind.Utc),
                r.GetBoolean(8)), cancellationToken);
        var runtimeSeconds = titles.ToDictionary(t => t.Id, t => Math.Max(60, t.RuntimeMinutes * 60));

        var profiles = await SqliteReads.ListAsync(connection, "SELECT Id, Name, IsKids, CreatedAt FROM Profiles ORDER BY Id",
            r => new ProfileInfo(r.GetInt32(0), r.GetString(1), r.GetBoolean(2), new DateTime(r.GetInt64(3), DateTimeKind.Utc)), cancellationToken);

        var thumbs = new Dictionary<(int, int), (ThumbRating Rating, long At)>();
        foreach (var (profileId, titleId, rating, at) in await SqliteReads.ListAsync(connection, "SELECT ProfileId, TitleId, Rating, At FROM Thumbs",
                     r => (r.GetInt32(0), r.GetInt32(1), (ThumbRating)r.GetInt32(2), r.GetInt64(3)), cancellationToken))
        {
            thumbs[(profileId, titleId)] = (rating, at);
        }

        var interactions = new List<ProfileTitleInteraction>(capacity: 1024);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT ProfileId, TitleId, COUNT(*), MAX(EndPositionSeconds),
                       COUNT(DISTINCT CASE WHEN Completed = 1 THEN EpisodeId END), MAX(Completed), MIN(StartedAt), MAX(StartedAt)
                FROM ViewingSessions GROUP BY ProfileId, TitleId ORDER BY ProfileId, TitleId
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var profileId = reader.GetInt32(0);
                var titleId = reader.GetInt32(1);
                float completion = episodeCounts.TryGetValue(titleId, out var episodes) && episodes > 0
                    ? Math.Max(reader.GetInt32(4) / (float)episodes, reader.GetInt32(5) == 1 ? 1f / episodes : 0f)
                    : Math.Min(1f, reader.GetInt32(3) / (float)runtimeSeconds.GetValueOrDefault(titleId, 3600));
                if (reader.GetInt32(5) == 1 && episodes == 0)
                {
                    completion = 1f;
                }

                ThumbRating? thumb = thumbs.Remove((profileId, titleId), out var t) ? t.Rating : null;
                interactions.Add(new ProfileTitleInteraction(profileId, titleId, reader.GetInt32(2), completion,
                    new DateTime(reader.GetInt64(6), DateTimeKind.Utc), new DateTime(reader.GetInt64(7), DateTimeKind.Utc), thumb));
            }
        }

        // Thumbs without viewing (onboarding picks, ratings imported without plays) are interactions too.
        foreach (var ((profileId, titleId), t) in thumbs.OrderBy(x => x.Key))
        {
            var at = new DateTime(t.At, DateTimeKind.Utc);
            interactions.Add(new ProfileTitleInteraction(profileId, titleId, 0, 0f, at, at, t.Rating));
        }

        var edges = await SqliteReads.ListAsync(connection, "SELECT FromProfileId, ToProfileId, Weight FROM InfluenceEdges ORDER BY FromProfileId, ToProfileId",
            r => new InfluenceEdgeInfo(r.GetInt32(0), r.GetInt32(1), r.GetFloat(2)), cancellationToken);

        return new InteractionSnapshot(
            asOf,
            version, genres, microGenres, titles, profiles, interactions, edges)
        {
            ChoiceLeanings = await ReadChoiceLeaningsAsync(connection, microGenres, cancellationToken),
        };
    }

    /// <summary>The micro-genres each profile's story choices lean to: every choice on a saved path adds 1 shared over its leanings.</summary>
    private static async Task<List<ChoiceLeaning>> ReadChoiceLeaningsAsync(SqliteConnection connection, IReadOnlyList<MicroGenreInfo> microGenres, CancellationToken cancellationToken)
    {
        var microIds = microGenres.ToDictionary(m => m.Slug, m => m.Id, StringComparer.Ordinal);
        var sums = new SortedDictionary<(int Profile, int Micro), float>();
        var plays = await SqliteReads.ListAsync(connection, "SELECT ProfileId, StoryKey, Path FROM StoryPlays ORDER BY Id",
            r => (r.GetInt32(0), r.GetString(1), r.GetString(2)), cancellationToken);
        foreach (var (profileId, key, path) in plays)
        {
            if (InteractiveStories.Default.Find(key) is not { } story)
            {
                continue;
            }

            foreach (var id in path.Split(StoryPlay.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (story.FindChoice(id) is not { } found)
                {
                    continue;
                }

                var known = found.Choice.Leanings.Where(microIds.ContainsKey).ToList();
                foreach (var slug in known)
                {
                    var at = (profileId, microIds[slug]);
                    sums[at] = sums.GetValueOrDefault(at) + (1f / known.Count);
                }
            }
        }

        return [.. sums.Select(s => new ChoiceLeaning(s.Key.Profile, s.Key.Micro, s.Value))];
    }

    public async Task<string> GetDataVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await ReadVersionAsync(connection, cancellationToken);
    }

    private static async Task<string> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COALESCE(MAX(Id), 0) FROM ViewingSessions), (SELECT COUNT(*) FROM Thumbs),
                   (SELECT COALESCE(MAX(At), 0) FROM Thumbs), (SELECT COALESCE(MAX(Id), 0) FROM Profiles), (SELECT COUNT(*) FROM Titles),
                   (SELECT COALESCE(MAX(Id), 0) FROM StoryPlays)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return string.Join('-', Enumerable.Range(0, 6).Select(i => reader.GetInt64(i).ToString(CultureInfo.InvariantCulture)));
    }
}
