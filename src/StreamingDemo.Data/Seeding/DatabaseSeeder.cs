using System.Globalization;
using Microsoft.Data.Sqlite;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Seeding;

public sealed record SeedProgress(string Stage, double Percent);

public sealed record SeedSummary(int Titles, int Profiles, int Sessions, int PausePoints, int Thumbs, int InfluenceEdges, TimeSpan Elapsed);

/// <summary>Creates, migrates and fills a SQLite store from (preset, seed): same inputs, same content.</summary>
public static class DatabaseSeeder
{
    /// <summary>
    /// Seeds a new store at <paramref name="databasePath"/> through <see cref="StoreBuilder"/>: built beside it and moved
    /// into place only when complete, replacing what was there.
    /// </summary>
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

        progress?.Report(new SeedProgress("Creating the catalogue store", 1));
        await using var store = await StoreBuilder.CreateAsync(databasePath, cancellationToken);

        progress?.Report(new SeedProgress("Generating titles and profiles", 3));
        var generation = new SynchronousProgress<double>(p => progress?.Report(new SeedProgress("Simulating viewing history", 3 + (p * 42))));
        var world = await Task.Run(() => new WorldGenerator(SeedVocabulary.Default, preset, seed).Generate(generation, cancellationToken), cancellationToken);

        Write(store, world, seed, progress, cancellationToken);
        await store.CompleteAsync(
        [
            ("seed.preset", preset.Name),
            ("seed.seed", seed.ToString(CultureInfo.InvariantCulture)),
            ("seed.referenceDate", world.ReferenceDate.ToString("O", CultureInfo.InvariantCulture)),
        ], cancellationToken);

        progress?.Report(new SeedProgress("Catalogue ready", 100));
        return new SeedSummary(world.Titles.Count, world.Profiles.Count, world.Sessions.Length, world.Pauses.Length, world.Thumbs.Length,
            world.Edges.Count, TimeProvider.System.GetElapsedTime(started));
    }

    /// <summary>
    /// The artwork impressions the world starts with (V10): each profile's plays follow its planted communities'
    /// favourite themes, and a share of impressions explores uniformly, so the bandit warm-starts and the replay runs.
    /// </summary>
    internal static IReadOnlyList<LoggedImpression> ArtworkImpressions(SeededWorld world, int seed)
    {
        var truth = new GroundTruth(
            [.. world.Communities.Select(c => new PlantedCommunityInfo(c.Id, c.Name, c.IsKids))],
            [],
            [.. world.Memberships.Select(m => new PlantedMembershipInfo(m.ProfileId, m.Rank, m.CommunityId, m.Weight))]);
        // The title's default artwork first, then its other variants in the order they were made (as the store reads them).
        var variants = world.Titles.ToDictionary(t => t.Id, t => (IReadOnlyList<string>)[.. t.ArtworkVariants.OrderBy(v => v.Theme != t.ArtworkTheme).ThenBy(v => v.Id).Select(v => v.Theme).Distinct(StringComparer.Ordinal)]);
        return ArtworkLog.Generate(truth, variants, new ArtworkLogOptions(Seed: seed));
    }

    private static void Write(StoreBuilder store, SeededWorld world, int seed, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        void Stage(string stage, double percent)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new SeedProgress(stage, percent));
        }

        Stage("Writing genres and taste communities", 46);
        store.AddGenres(world.Genres);
        store.AddMicroGenres(world.MicroGenres);
        store.AddGroundTruth(world);

        Stage("Writing the catalogue", 48);
        store.AddTitles(world.Titles);

        Stage("Writing profiles", 52);
        store.AddProfiles(world.Profiles);
        store.AddPlantedProfiles(world);
        store.AddInfluenceEdges(world.Edges);

        Stage("Writing viewing history", 55);
        var total = world.Sessions.Length;
        store.AddViewingSessions(world.Sessions, count =>
        {
            if (count % 102_400 == 0)
            {
                Stage("Writing viewing history", 55 + (35.0 * count / total));
            }
        });

        Stage("Writing pause points and thumbs", 91);
        store.AddPausePoints(world.Pauses);
        store.AddThumbs(world.Thumbs);

        Stage("Writing artwork impressions", 96);
        store.AddArtworkImpressions(ArtworkImpressions(world, seed));
        Stage("Finishing", 98);
    }
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

    /// <summary>
    /// Replaces <paramref name="to"/> with <paramref name="from"/> in one rename, so there is never a moment without a
    /// store at <paramref name="to"/> (a connection opening then would create an empty one). The old store's journal
    /// files go first: a stale WAL must never be replayed onto the new file.
    /// </summary>
    public static void Move(string from, string to)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in Suffixes.Where(s => s.Length > 0))
        {
            File.Delete(to + suffix);
        }

        File.Move(from, to, overwrite: true);
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
            command.Parameters.AddWithValue("$key", StoreBuilder.CompletedKey);
            return await command.ExecuteScalarAsync(cancellationToken) is "true";
        }
        catch (SqliteException)
        {
            // Not a database, or one without our schema: treat it as incomplete so the first run redoes it.
            return false;
        }
    }
}
