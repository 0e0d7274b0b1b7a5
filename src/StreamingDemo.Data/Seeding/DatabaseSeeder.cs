using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Seeding;

public sealed record SeedProgress(string Stage, double Percent);

public sealed record SeedSummary(int Titles, int Profiles, int Sessions, int PausePoints, int Thumbs, int InfluenceEdges, TimeSpan Elapsed);

/// <summary>Creates, migrates and fills a SQLite store from (preset, seed): same inputs, same content.</summary>
public static class DatabaseSeeder
{
    public const string CompletedKey = "seed.completed";

    public static async Task<SeedSummary> SeedAsync(
        string databasePath,
        SeedPreset preset,
        int seed,
        IProgress<SeedProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(preset);
        var started = TimeProvider.System.GetTimestamp();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        StoreFiles.Delete(databasePath);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();

        progress?.Report(new SeedProgress("Creating the catalogue store", 1));
        var options = new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite(connectionString).Options;
        await using (var context = new StreamingDbContext(options))
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        progress?.Report(new SeedProgress("Generating titles and profiles", 3));
        var generation = new SynchronousProgress<double>(p => progress?.Report(new SeedProgress("Simulating viewing history", 3 + (p * 42))));
        var world = await Task.Run(() => new WorldGenerator(SeedVocabulary.Default, preset, seed).Generate(generation, cancellationToken), cancellationToken);

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragmas = connection.CreateCommand())
            {
                // The file is private to this run until it is complete, so durability during the load buys nothing.
                pragmas.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
            {
                Write(new BulkWriter(connection, transaction), world, preset, seed, progress, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await using var finish = connection.CreateCommand();
            finish.CommandText = "PRAGMA journal_mode = WAL; PRAGMA optimize;";
            await finish.ExecuteNonQueryAsync(cancellationToken);
        }

        progress?.Report(new SeedProgress("Catalogue ready", 100));
        return new SeedSummary(world.Titles.Count, world.Profiles.Count, world.Sessions.Length, world.Pauses.Length, world.Thumbs.Length,
            world.Edges.Count, TimeProvider.System.GetElapsedTime(started));
    }

    private static void Write(BulkWriter writer, SeededWorld world, SeedPreset preset, int seed, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        void Stage(string stage, double percent)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new SeedProgress(stage, percent));
        }

        Stage("Writing genres and taste communities", 46);
        writer.Insert("Genres", ["Id", "Slug", "Name", "IsKids"], world.Genres, (p, g) => BulkWriter.Bind(p, g.Id, g.Slug, g.Name, g.IsKids));
        writer.Insert("MicroGenres", ["Id", "Slug", "Name", "GenreId"], world.MicroGenres, (p, m) => BulkWriter.Bind(p, m.Id, m.Slug, m.Name, m.GenreId));
        writer.Insert("GroundTruthCommunities", ["Id", "Name", "Summary", "IsKids"], world.Communities, (p, c) => BulkWriter.Bind(p, c.Id, c.Name, c.Summary, c.IsKids));
        writer.Insert("GroundTruthCommunityAffinities", ["CommunityId", "MicroGenreId", "Weight"], world.Affinities, (p, a) => BulkWriter.Bind(p, a.CommunityId, a.MicroGenreId, a.Weight));

        Stage("Writing the catalogue", 48);
        writer.Insert("Titles", ["Id", "Name", "Kind", "Year", "RuntimeMinutes", "Maturity", "Synopsis", "PrimaryGenreId", "AddedAt", "IsKids", "ArtworkTheme"], world.Titles,
            (p, t) => BulkWriter.Bind(p, t.Id, t.Name, (int)t.Kind, t.Year, t.RuntimeMinutes, t.Maturity, t.Synopsis, t.PrimaryGenreId, t.AddedAt.Ticks, t.IsKids, t.ArtworkTheme));
        writer.Insert("TitleGenres", ["TitleId", "GenreId"], world.Titles.SelectMany(t => t.Genres), (p, g) => BulkWriter.Bind(p, g.TitleId, g.GenreId));
        writer.Insert("TitleTags", ["TitleId", "MicroGenreId"], world.Titles.SelectMany(t => t.Tags), (p, g) => BulkWriter.Bind(p, g.TitleId, g.MicroGenreId));
        writer.Insert("Credits", ["Id", "TitleId", "PersonName", "Role", "Character", "Order"], world.Titles.SelectMany(t => t.Credits),
            (p, c) => BulkWriter.Bind(p, c.Id, c.TitleId, c.PersonName, (int)c.Role, c.Character, c.Order));
        writer.Insert("Episodes", ["Id", "TitleId", "SeasonNumber", "EpisodeNumber", "Name", "RuntimeMinutes", "Synopsis"], world.Titles.SelectMany(t => t.Episodes),
            (p, e) => BulkWriter.Bind(p, e.Id, e.TitleId, e.SeasonNumber, e.EpisodeNumber, e.Name, e.RuntimeMinutes, e.Synopsis));
        writer.Insert("ArtworkVariants", ["Id", "TitleId", "Theme", "Focus"], world.Titles.SelectMany(t => t.ArtworkVariants),
            (p, a) => BulkWriter.Bind(p, a.Id, a.TitleId, a.Theme, a.Focus));

        Stage("Writing profiles", 52);
        writer.Insert("Profiles", ["Id", "Name", "Avatar", "IsKids", "IsFeatured", "IsSeeded", "CreatedAt"], world.Profiles,
            (p, x) => BulkWriter.Bind(p, x.Id, x.Name, x.Avatar, x.IsKids, x.IsFeatured, x.IsSeeded, x.CreatedAt.Ticks));
        writer.Insert("ProfileDevices", ["ProfileId", "Device"], world.Profiles.SelectMany(x => x.Devices), (p, d) => BulkWriter.Bind(p, d.ProfileId, (int)d.Device));
        writer.Insert("GroundTruthMemberships", ["ProfileId", "Rank", "CommunityId", "Weight"], world.Memberships, (p, m) => BulkWriter.Bind(p, m.ProfileId, m.Rank, m.CommunityId, m.Weight));
        writer.Insert("GroundTruthHabits", ["ProfileId", "PeakHour", "WeekdayWeights", "BingeFactor", "Activity"], world.Habits,
            (p, h) => BulkWriter.Bind(p, h.ProfileId, h.PeakHour, h.WeekdayWeights, h.BingeFactor, h.Activity));
        writer.Insert("InfluenceEdges", ["FromProfileId", "ToProfileId", "Weight"], world.Edges, (p, e) => BulkWriter.Bind(p, e.FromProfileId, e.ToProfileId, e.Weight));

        Stage("Writing viewing history", 55);
        var total = world.Sessions.Length;
        WriteSessions(writer, world.Sessions, count =>
        {
            if (count % 102_400 == 0)
            {
                Stage("Writing viewing history", 55 + (35.0 * count / total));
            }
        });

        Stage("Writing pause points and thumbs", 91);
        writer.WithoutIndexes("PausePoints", () => writer.Insert(
            "PausePoints", ["Id", "SessionId", "ProfileId", "TitleId", "EpisodeId", "PositionSeconds", "At"],
            Enumerable.Range(0, world.Pauses.Length),
            (p, i) =>
            {
                ref readonly var x = ref world.Pauses[i];
                p[0].Value = i + 1L;
                p[1].Value = x.SessionIndex + 1L;
                p[2].Value = x.ProfileId;
                p[3].Value = x.TitleId;
                p[4].Value = x.EpisodeId == 0 ? DBNull.Value : x.EpisodeId;
                p[5].Value = x.Position;
                p[6].Value = x.AtTicks;
            }));
        writer.Insert("Thumbs", ["ProfileId", "TitleId", "Rating", "At"], world.Thumbs, (p, t) => BulkWriter.Bind(p, t.ProfileId, t.TitleId, (int)t.Rating, t.AtTicks));

        Stage("Finishing", 98);
        var meta = new (string Key, string Value)[]
        {
            ("seed.preset", preset.Name),
            ("seed.seed", seed.ToString(CultureInfo.InvariantCulture)),
            ("seed.referenceDate", world.ReferenceDate.ToString("O", CultureInfo.InvariantCulture)),
            // Written last, in the same transaction as everything else: its presence means the store is whole.
            (CompletedKey, "true"),
        };
        writer.Insert("Meta", ["Key", "Value"], meta, (p, m) => BulkWriter.Bind(p, m.Key, m.Value));
    }

    internal static void WriteSessions(BulkWriter writer, GeneratedSession[] sessions, Action<int> onRow) =>
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

/// <summary>A SQLite store is a database file plus its journal side files; they come and go together.</summary>
public static class StoreFiles
{
    private static readonly string[] Suffixes = ["", "-wal", "-shm", "-journal"];

    public static void Delete(string databasePath)
    {
        // A pooled connection keeps the file open; deleting under it would leave a ghost database.
        SqliteConnection.ClearAllPools();
        if (!Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(databasePath))))
        {
            return;
        }

        foreach (var suffix in Suffixes)
        {
            File.Delete(databasePath + suffix);
        }
    }

    public static void Move(string from, string to)
    {
        SqliteConnection.ClearAllPools();
        Delete(to);
        File.Move(from, to);
    }

    /// <summary>True when the file exists, opens as SQLite and carries the seed's completion marker.</summary>
    public static async Task<bool> IsCompleteAsync(string databasePath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(databasePath))
        {
            return false;
        }

        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Value FROM Meta WHERE Key = $key";
            command.Parameters.AddWithValue("$key", DatabaseSeeder.CompletedKey);
            return await command.ExecuteScalarAsync(cancellationToken) is "true";
        }
        catch (SqliteException)
        {
            // Not a database, or one without our schema: treat it as incomplete so the first run redoes it.
            return false;
        }
    }
}
