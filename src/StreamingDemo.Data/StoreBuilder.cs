using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data.Entities;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain;

namespace StreamingDemo.Data;

/// <summary>
/// Builds a whole new store the one safe way, for the seeder, the MovieLens importer and anything else that replaces a
/// store (reset, dataset upload): a partial file beside the target, migrated to the current schema, filled through
/// the table writers below (each table's columns written once, here) in one transaction, stamped with the completion
/// marker last, and moved over the target only when <see cref="CompleteAsync"/> succeeds. Disposing an uncompleted
/// builder deletes the partial file: the target is either the old store or the whole new one, never half of one.
/// </summary>
/// <example>
/// <code>
/// await using var store = await StoreBuilder.CreateAsync(path, ct);
/// store.AddGenres(genres);
/// store.AddTitles(titles);
/// await store.CompleteAsync([("seed.preset", "import")], ct);
/// </code>
/// </example>
public sealed class StoreBuilder : IAsyncDisposable
{
    /// <summary>The Meta key whose value "true", written last in the same transaction, says the store is whole.</summary>
    public const string CompletedKey = "seed.completed";

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly BulkWriter writer;
    private bool completed;

    private StoreBuilder(string databasePath, SqliteConnection connection, SqliteTransaction transaction)
    {
        DatabasePath = databasePath;
        this.connection = connection;
        this.transaction = transaction;
        writer = new BulkWriter(connection, transaction);
    }

    /// <summary>Where the store ends up once complete.</summary>
    public string DatabasePath { get; }

    /// <summary>The file a store is built in before it is moved to <paramref name="databasePath"/>.</summary>
    public static string PartialPath(string databasePath) => databasePath + ".partial";

    /// <summary>Starts a store for <paramref name="databasePath"/>: discards any earlier partial file, migrates a new one and opens its transaction.</summary>
    public static async Task<StoreBuilder> CreateAsync(string databasePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var partial = PartialPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        StoreFiles.Delete(partial);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString();
        await using (var context = new StreamingDbContext(new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite(connectionString).Options))
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragmas = connection.CreateCommand())
            {
                // The file is private to this build until it is complete, so durability during the load buys nothing.
                pragmas.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            return new StoreBuilder(databasePath, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            StoreFiles.Delete(partial);
            throw;
        }
    }

    public void AddGenres(IEnumerable<Genre> genres) =>
        writer.Insert("Genres", ["Id", "Slug", "Name", "IsKids"], genres, (p, g) => BulkWriter.Bind(p, g.Id, g.Slug, g.Name, g.IsKids));

    public void AddMicroGenres(IEnumerable<MicroGenre> microGenres) =>
        writer.Insert("MicroGenres", ["Id", "Slug", "Name", "GenreId"], microGenres, (p, m) => BulkWriter.Bind(p, m.Id, m.Slug, m.Name, m.GenreId));

    /// <summary>Writes the titles with what they carry: genres, micro-genre tags, credits, episodes and artwork variants.</summary>
    public void AddTitles(IReadOnlyCollection<Title> titles)
    {
        writer.Insert("Titles", ["Id", "Name", "Kind", "Year", "RuntimeMinutes", "Maturity", "Synopsis", "PrimaryGenreId", "AddedAt", "IsKids", "ArtworkTheme"], titles,
            (p, t) => BulkWriter.Bind(p, t.Id, t.Name, (int)t.Kind, t.Year, t.RuntimeMinutes, t.Maturity, t.Synopsis, t.PrimaryGenreId, t.AddedAt.Ticks, t.IsKids, t.ArtworkTheme));
        writer.Insert("TitleGenres", ["TitleId", "GenreId"], titles.SelectMany(t => t.Genres), (p, g) => BulkWriter.Bind(p, g.TitleId, g.GenreId));
        writer.Insert("TitleTags", ["TitleId", "MicroGenreId"], titles.SelectMany(t => t.Tags), (p, g) => BulkWriter.Bind(p, g.TitleId, g.MicroGenreId));
        writer.Insert("Credits", ["Id", "TitleId", "PersonName", "Role", "Character", "Order"], titles.SelectMany(t => t.Credits),
            (p, c) => BulkWriter.Bind(p, c.Id, c.TitleId, c.PersonName, (int)c.Role, c.Character, c.Order));
        writer.Insert("Episodes", ["Id", "TitleId", "SeasonNumber", "EpisodeNumber", "Name", "RuntimeMinutes", "Synopsis", "AvailableAt"], titles.SelectMany(t => t.Episodes),
            (p, e) => BulkWriter.Bind(p, e.Id, e.TitleId, e.SeasonNumber, e.EpisodeNumber, e.Name, e.RuntimeMinutes, e.Synopsis, e.AvailableAt.Ticks));
        writer.Insert("ArtworkVariants", ["Id", "TitleId", "Theme", "Focus"], titles.SelectMany(t => t.ArtworkVariants),
            (p, a) => BulkWriter.Bind(p, a.Id, a.TitleId, a.Theme, a.Focus));
    }

    /// <summary>Writes the profiles and the devices each one watches on.</summary>
    public void AddProfiles(IReadOnlyCollection<Profile> profiles)
    {
        writer.Insert("Profiles", ["Id", "Name", "Avatar", "IsKids", "IsFeatured", "IsSeeded", "CreatedAt"], profiles,
            (p, x) => BulkWriter.Bind(p, x.Id, x.Name, x.Avatar, x.IsKids, x.IsFeatured, x.IsSeeded, x.CreatedAt.Ticks));
        writer.Insert("ProfileDevices", ["ProfileId", "Device"], profiles.SelectMany(x => x.Devices), (p, d) => BulkWriter.Bind(p, d.ProfileId, (int)d.Device));
    }

    public void AddInfluenceEdges(IEnumerable<InfluenceEdge> edges) =>
        writer.Insert("InfluenceEdges", ["FromProfileId", "ToProfileId", "Weight"], edges, (p, e) => BulkWriter.Bind(p, e.FromProfileId, e.ToProfileId, e.Weight));

    /// <summary>Writes viewing sessions with ids 1, 2, … in the order given (pause points refer to them by that position).</summary>
    public void AddViewingSessions(GeneratedSession[] sessions, Action<int>? onRow = null) => WriteSessions(writer, sessions, onRow);

    public void AddPausePoints(GeneratedPause[] pauses) =>
        writer.WithoutIndexes("PausePoints", () => writer.Insert(
            "PausePoints", ["Id", "SessionId", "ProfileId", "TitleId", "EpisodeId", "PositionSeconds", "At"],
            Enumerable.Range(0, pauses.Length),
            (p, i) =>
            {
                ref readonly var x = ref pauses[i];
                p[0].Value = i + 1L;
                p[1].Value = x.SessionIndex + 1L;
                p[2].Value = x.ProfileId;
                p[3].Value = x.TitleId;
                p[4].Value = x.EpisodeId == 0 ? DBNull.Value : x.EpisodeId;
                p[5].Value = x.Position;
                p[6].Value = x.AtTicks;
            }));

    public void AddThumbs(IEnumerable<GeneratedThumb> thumbs) =>
        writer.Insert("Thumbs", ["ProfileId", "TitleId", "Rating", "At"], thumbs, (p, t) => BulkWriter.Bind(p, t.ProfileId, t.TitleId, (int)t.Rating, t.AtTicks));

    /// <summary>Writes a seeded artwork impression history with ids 1, 2, … in log order (the order the bandit learns in).</summary>
    public void AddArtworkImpressions(IReadOnlyList<LoggedImpression> log) =>
        writer.Insert("ArtworkImpressions", ["Id", "ProfileId", "TitleId", "Device", "Theme", "Explored", "Played", "Live", "Visit", "Propensity"], Enumerable.Range(0, log.Count),
            (p, i) => BulkWriter.Bind(p, i + 1L, log[i].ProfileId, log[i].TitleId, (int)log[i].Device, log[i].Shown, log[i].Explored, log[i].Played, false, 0, log[i].Propensity));

    /// <summary>Marks titles as interactive, each with the key of its story graph.</summary>
    public void AddInteractiveTitles(IEnumerable<InteractiveTitle> titles) =>
        writer.Insert("InteractiveTitles", ["TitleId", "StoryKey"], titles, (p, t) => BulkWriter.Bind(p, t.TitleId, t.StoryKey));

    /// <summary>Writes playthroughs of interactive titles with ids 1, 2, … in the order given.</summary>
    public void AddStoryPlays(IReadOnlyList<GeneratedStoryPlay> plays) =>
        writer.Insert("StoryPlays", ["Id", "ProfileId", "TitleId", "StoryKey", "StartedAt", "Path", "EndingSceneId", "EndedAt"], Enumerable.Range(0, plays.Count),
            (p, i) =>
            {
                var x = plays[i];
                BulkWriter.Bind(p, i + 1L, x.ProfileId, x.TitleId, x.StoryKey, x.StartedAtTicks, x.Path, x.EndingSceneId, x.EndedAtTicks);
            });

    internal void AddGroundTruth(SeededWorld world)
    {
        writer.Insert("GroundTruthCommunities", ["Id", "Name", "Summary", "IsKids"], world.Communities, (p, c) => BulkWriter.Bind(p, c.Id, c.Name, c.Summary, c.IsKids));
        writer.Insert("GroundTruthCommunityAffinities", ["CommunityId", "MicroGenreId", "Weight"], world.Affinities, (p, a) => BulkWriter.Bind(p, a.CommunityId, a.MicroGenreId, a.Weight));
    }

    internal void AddPlantedProfiles(SeededWorld world)
    {
        writer.Insert("GroundTruthMemberships", ["ProfileId", "Rank", "CommunityId", "Weight"], world.Memberships, (p, m) => BulkWriter.Bind(p, m.ProfileId, m.Rank, m.CommunityId, m.Weight));
        writer.Insert("GroundTruthHabits", ["ProfileId", "PeakHour", "WeekdayWeights", "BingeFactor", "Activity"], world.Habits,
            (p, h) => BulkWriter.Bind(p, h.ProfileId, h.PeakHour, h.WeekdayWeights, h.BingeFactor, h.Activity));
    }

    /// <summary>
    /// Writes the <paramref name="meta"/> entries and the completion marker last, commits, and moves the store over
    /// <see cref="DatabasePath"/> (replacing what was there).
    /// </summary>
    public async Task CompleteAsync(IEnumerable<(string Key, string Value)> meta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ObjectDisposedException.ThrowIf(completed, this);
        writer.Insert("Meta", ["Key", "Value"], meta.Append((Key: CompletedKey, Value: "true")), (p, m) => BulkWriter.Bind(p, m.Key, m.Value));
        await transaction.CommitAsync(cancellationToken);
        await using (var finish = connection.CreateCommand())
        {
            finish.CommandText = "PRAGMA journal_mode = WAL; PRAGMA optimize;";
            await finish.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.DisposeAsync();
        await connection.DisposeAsync();
        completed = true;
        StoreFiles.Move(PartialPath(DatabasePath), DatabasePath);
    }

    public async ValueTask DisposeAsync()
    {
        if (completed)
        {
            return;
        }

        completed = true;
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
        StoreFiles.Delete(PartialPath(DatabasePath));
    }

    internal static void WriteSessions(BulkWriter writer, GeneratedSession[] sessions, Action<int>? onRow) =>
        writer.WithoutIndexes("ViewingSessions", () => writer.Insert(
            "ViewingSessions", ["Id", "ProfileId", "TitleId", "EpisodeId", "Device", "StartedAt", "StartPositionSeconds", "EndPositionSeconds", "Completed"],
            Enumerable.Range(0, sessions.Length),
            (p, i) =>
            {
                ref readonly var s = ref sessions[i];
                p[0].Value = i + 1L;
                p[1].Value = s.ProfileId;
                p[2].Value = s.TitleId;
                p[3].Value = s.EpisodeId == 0 ? DBNull.Value : s.EpisodeId;
                p[4].Value = (int)s.Device;
                p[5].Value = s.StartedAtTicks;
                p[6].Value = s.StartPosition;
                p[7].Value = s.EndPosition;
                p[8].Value = s.Completed ? 1 : 0;
            },
            onRow));
}
