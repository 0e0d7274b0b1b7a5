using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using StreamingDemo.Data;
using StreamingDemo.Data.Import;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Recommender;
using StreamingDemo.Web.Features.Operations;
using StreamingDemo.Web.Features.Security;

namespace StreamingDemo.Web.Features.Datasets;

/// <summary>One store the site can serve: the seeded one or an imported MovieLens dataset (L5).</summary>
public sealed record DatasetInfo(string Slug, string Name, bool IsSeeded, bool IsLive, int Titles, int Profiles, int Viewings, int Thumbs);

/// <summary>What an import or a switch did, or why nothing was done.</summary>
public sealed record DatasetOutcome(bool Succeeded, string Message, DatasetInfo? Dataset = null);

/// <summary>
/// Imported datasets (PRODUCT.md L5): MovieLens-format uploads become stores under the data folder's "datasets" directory
/// through <see cref="MovieLensImporter"/>; the presenter switches the site to one, or back to the seeded store, with the
/// same machinery as a reset (the store location moves, the recommender loads or trains its model, open pages reload).
/// The live choice is recorded beside the database, so it survives a restart. One import or switch runs at a time.
/// </summary>
public sealed class DatasetLibrary(
    StoreLocation store,
    RecommenderTrainingService training,
    StreamingDemo.Domain.IRecommender recommender,
    StoreEvents events,
    StoreWriteGate gate,
    ILogger<DatasetLibrary> logger) : IDisposable
{
    /// <summary>Largest accepted upload per file.</summary>
    public const long MaxFileBytes = RequestLimits.UploadBytes;

    public const int MaxNameLength = 40;

    public const string SeededSlug = "seeded";

    private const string NameKey = "dataset.name";

    private readonly SemaphoreSlim busy = new(1, 1);

    public bool IsBusy => busy.CurrentCount == 0;

    /// <summary>The seeded store first, then the imported datasets by name.</summary>
    public async Task<IReadOnlyList<DatasetInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<DatasetInfo>();
        if (File.Exists(store.SeededPath))
        {
            list.Add(await DescribeAsync(SeededSlug, store.SeededPath, cancellationToken));
        }

        if (Directory.Exists(store.DatasetDirectory))
        {
            var imported = new List<DatasetInfo>();
            foreach (var path in Directory.EnumerateFiles(store.DatasetDirectory, "*.db"))
            {
                var slug = Path.GetFileNameWithoutExtension(path);
                if (IsValidSlug(slug) && await StoreFiles.IsCompleteAsync(path, cancellationToken))
                {
                    imported.Add(await DescribeAsync(slug, path, cancellationToken));
                }
            }

            list.AddRange(imported.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase));
        }

        return list;
    }

    /// <summary>The file name a dataset name becomes: lower-case letters and digits joined by hyphens.</summary>
    public static string Slugify(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }

    /// <summary>
    /// Imports uploaded <c>ratings.csv</c> and <c>movies.csv</c> into a new dataset named <paramref name="name"/>. A refused
    /// name, an oversized file or a malformed line (reported with its file and line) imports nothing and leaves no file behind.
    /// </summary>
    public async Task<DatasetOutcome> ImportAsync(string? name, Stream ratings, Stream movies, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(movies);
        var check = UserText.CheckName(name, MaxNameLength, "A dataset name");
        if (!check.IsValid)
        {
            return new DatasetOutcome(false, check.Error!);
        }

        var slug = Slugify(check.Value);
        if (slug.Length == 0 || slug == SeededSlug)
        {
            return new DatasetOutcome(false, "A dataset name needs at least one letter or digit and cannot be \"seeded\".");
        }

        if (!await busy.WaitAsync(0, cancellationToken))
        {
            return new DatasetOutcome(false, "Another import or switch is running; try again when it has finished.");
        }

        var target = Path.Combine(store.DatasetDirectory, slug + ".db");
        var upload = Path.Combine(store.DatasetDirectory, $".upload-{Guid.NewGuid():N}");
        try
        {
            if (File.Exists(target))
            {
                return new DatasetOutcome(false, $"There is already a dataset called \"{slug}\"; choose another name.");
            }

            Directory.CreateDirectory(upload);
            progress?.Report("Receiving ratings.csv");
            var ratingsPath = Path.Combine(upload, "ratings.csv");
            if (!await SaveAsync(ratings, ratingsPath, cancellationToken))
            {
                return new DatasetOutcome(false, $"ratings.csv is larger than the {MaxFileBytes / (1024 * 1024)} MB limit; nothing was imported.");
            }

            progress?.Report("Receiving movies.csv");
            var moviesPath = Path.Combine(upload, "movies.csv");
            if (!await SaveAsync(movies, moviesPath, cancellationToken))
            {
                return new DatasetOutcome(false, $"movies.csv is larger than the {MaxFileBytes / (1024 * 1024)} MB limit; nothing was imported.");
            }

            progress?.Report("Checking every line and building the store");
            try
            {
                await MovieLensImporter.ImportAsync(ratingsPath, moviesPath, target, cancellationToken: cancellationToken);
            }
            catch (MovieLensFormatException error)
            {
                StoreFiles.Delete(target);
                return new DatasetOutcome(false, error.Message + ". Nothing was imported.");
            }

            await NameAsync(target, check.Value, cancellationToken);
            var info = await DescribeAsync(slug, target, cancellationToken);
            logger.LogWarning("Imported dataset {Slug}: {Titles} titles, {Profiles} profiles, {Viewings} ratings", slug, info.Titles, info.Profiles, info.Viewings);
            return new DatasetOutcome(true, $"Imported \"{info.Name}\": {info.Titles:N0} titles, {info.Profiles:N0} profiles, {info.Viewings:N0} ratings.", info);
        }
        catch
        {
            StoreFiles.Delete(target);
            throw;
        }
        finally
        {
            if (Directory.Exists(upload))
            {
                Directory.Delete(upload, recursive: true);
            }

            busy.Release();
        }
    }

    /// <summary>Serves the dataset <paramref name="slug"/> (or <see cref="SeededSlug"/>) and brings the recommender up to date for it.</summary>
    public async Task<DatasetOutcome> SwitchAsync(string slug, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var path = slug == SeededSlug ? store.SeededPath
            : IsValidSlug(slug) ? Path.Combine(store.DatasetDirectory, slug + ".db") : null;
        if (path is null || !await StoreFiles.IsCompleteAsync(path, cancellationToken))
        {
            return new DatasetOutcome(false, $"There is no dataset \"{slug}\".");
        }

        if (!await busy.WaitAsync(0, cancellationToken))
        {
            return new DatasetOutcome(false, "Another import or switch is running; try again when it has finished.");
        }

        try
        {
            // Writes wait while the store moves and the model follows, then land on the dataset now served.
            var outcome = await gate.ReplaceAsync(async () =>
            {
                var previous = store.DatabasePath;
                logger.LogWarning("Presenter switch: serving {Path}", path);
                store.Use(path);
                progress?.Report("Loading or training the recommender for this dataset");
                if (!await training.RefreshNowAsync(cancellationToken))
                {
                    store.Use(previous);
                    await training.RefreshNowAsync(cancellationToken);
                    return new DatasetOutcome(false, "The recommender could not be trained on this dataset, so the site stays on the previous one: " + recommender.Status.Message);
                }

                var info = await DescribeAsync(slug, path, cancellationToken);
                return new DatasetOutcome(true, $"The site now serves \"{info.Name}\" (model {recommender.Status.ModelVersion}).", info);
            }, cancellationToken);
            if (outcome.Succeeded)
            {
                events.RaiseReplaced("dataset");
            }

            return outcome;
        }
        finally
        {
            busy.Release();
        }
    }

    public void Dispose() => busy.Dispose();

    private static bool IsValidSlug(string slug) => slug.Length > 0 && slug == Slugify(slug);

    private static async Task<bool> SaveAsync(Stream source, string path, CancellationToken cancellationToken)
    {
        await using var target = File.Create(path);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxFileBytes)
            {
                return false;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());

    private static async Task NameAsync(string path, string name, CancellationToken cancellationToken)
    {
        await using var connection = Open(path, SqliteOpenMode.ReadWrite);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO Meta (Key, Value) VALUES ($key, $value)";
        command.Parameters.AddWithValue("$key", NameKey);
        command.Parameters.AddWithValue("$value", name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DatasetInfo> DescribeAsync(string slug, string path, CancellationToken cancellationToken)
    {
        await using var connection = Open(path, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM Titles), (SELECT COUNT(*) FROM Profiles), (SELECT COUNT(*) FROM ViewingSessions),
                   (SELECT COUNT(*) FROM Thumbs), (SELECT Value FROM Meta WHERE Key = $key)
            """;
        command.Parameters.AddWithValue("$key", NameKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var name = slug == SeededSlug ? "Seeded demo" : reader.IsDBNull(4) ? slug : reader.GetString(4);
        var isLive = string.Equals(Path.GetFullPath(path), Path.GetFullPath(store.DatabasePath), StringComparison.Ordinal);
        return new DatasetInfo(slug, name, slug == SeededSlug, isLive, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }
}
