using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using StreamingDemo.Data.Entities;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Import;

/// <summary>Rating thresholds that turn MovieLens stars into thumbs (L5).</summary>
public sealed record MovieLensImportOptions(double ThumbsUpAt = 4.0, double ThumbsDownAt = 2.0, double LoveAt = double.PositiveInfinity);

public sealed record MovieLensImportSummary(int Titles, int Profiles, int Ratings, int Genres, TimeSpan Elapsed);

/// <summary>A malformed import file: names the file, the line and the problem. Nothing was imported.</summary>
public sealed class MovieLensFormatException(string file, int line, string problem)
    : Exception($"{file} line {line}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Problem { get; } = problem;
}

/// <summary>
/// Imports MovieLens-format files (<c>movies.csv</c>: movieId,title,genres; <c>ratings.csv</c>: userId,movieId,rating,timestamp)
/// into a new store the site and <c>evaluate</c> use like a seeded one: genres become genres and micro-genres, each rating a
/// completed viewing, high and low ratings thumbs. Everything is validated before anything is written, and the store is
/// built beside the target and moved into place only when complete.
/// </summary>
public static partial class MovieLensImporter
{
    private const int RuntimeMinutes = 110;

    public static async Task<MovieLensImportSummary> ImportAsync(string ratingsPath, string moviesPath, string databasePath,
        MovieLensImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ratingsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(moviesPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        options ??= new MovieLensImportOptions();
        var started = TimeProvider.System.GetTimestamp();

        var movies = ReadMovies(moviesPath);
        var ratings = ReadRatings(ratingsPath, movies);
        if (ratings.Count == 0)
        {
            throw new MovieLensFormatException(Path.GetFileName(ratingsPath), 1, "the file has no ratings");
        }

        var genres = movies.Values.SelectMany(m => m.Genres).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((name, i) => (Id: i + 1, Name: name)).ToList();
        const string unknownGenre = "Unclassified";
        if (movies.Values.Any(m => m.Genres.Count == 0))
        {
            genres.Add((genres.Count + 1, unknownGenre));
        }

        var genreId = genres.ToDictionary(g => g.Name, g => g.Id, StringComparer.Ordinal);
        var users = ratings.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Min(r => r.At));
        var referenceDate = ratings.Max(r => r.At);

        await using var store = await StoreBuilder.CreateAsync(databasePath, cancellationToken);
        store.AddGenres(genres.Select(g => new Genre { Id = g.Id, Slug = Slug(g.Name), Name = g.Name }));
        // MovieLens has no micro-genres; each genre doubles as one so tag rows and community names still work.
        store.AddMicroGenres(genres.Select(g => new MicroGenre { Id = g.Id, Slug = Slug(g.Name), Name = g.Name, GenreId = g.Id }));
        store.AddTitles([.. movies.Values.OrderBy(m => m.Id).Select(m =>
        {
            var linked = (m.Genres.Count > 0 ? m.Genres : [unknownGenre]).Distinct(StringComparer.Ordinal).Select(g => genreId[g]).ToList();
            return new Title
            {
                Id = m.Id,
                Name = m.Name,
                Kind = TitleKind.Movie,
                Year = m.Year,
                RuntimeMinutes = RuntimeMinutes,
                Maturity = "NR",
                Synopsis = string.Empty,
                PrimaryGenreId = genreId[m.Genres.Count > 0 ? m.Genres[0] : unknownGenre],
                AddedAt = AddedAt(m, referenceDate),
                ArtworkTheme = "default",
                Genres = [.. linked.Select(g => new TitleGenre { TitleId = m.Id, GenreId = g })],
                Tags = [.. linked.Select(g => new TitleTag { TitleId = m.Id, MicroGenreId = g })],
            };
        })]);
        store.AddProfiles([.. users.OrderBy(u => u.Key).Select(u => new Profile
        {
            Id = u.Key,
            Name = $"User {u.Key.ToString(CultureInfo.InvariantCulture)}",
            Avatar = "default",
            IsSeeded = true,
            CreatedAt = u.Value,
            Devices = [new ProfileDevice { ProfileId = u.Key, Device = DeviceType.Desktop }],
        })]);
        store.AddViewingSessions([.. ratings.Select(r => new GeneratedSession(r.UserId, r.MovieId, 0, DeviceType.Desktop, r.At.Ticks, 0, RuntimeMinutes * 60, true))]);
        store.AddThumbs(ratings.Select(r => (r.UserId, r.MovieId, r.At, Rating: Thumb(r.Stars, options))).Where(t => t.Rating is not null)
            .Select(t => new GeneratedThumb(t.UserId, t.MovieId, t.Rating!.Value, t.At.Ticks)));
        await store.CompleteAsync(
        [
            ("seed.preset", "import"),
            ("seed.seed", "0"),
            ("seed.referenceDate", referenceDate.ToString("O", CultureInfo.InvariantCulture)),
            ("import.source", $"{Path.GetFileName(ratingsPath)}, {Path.GetFileName(moviesPath)}"),
        ], cancellationToken);

        return new MovieLensImportSummary(movies.Count, users.Count, ratings.Count, genres.Count, TimeProvider.System.GetElapsedTime(started));
    }

    /// <summary>
    /// When a title joined the catalogue: MovieLens has no such date, so 1 January of its release year (1970 without a year),
    /// never later than the last rating. Never the title's own first rating: evaluation may hold that rating out, and the
    /// date would then tell the model the held-out viewing happened.
    /// </summary>
    private static DateTime AddedAt(Movie movie, DateTime referenceDate)
    {
        var released = movie.Year is >= 1 and <= 9999 ? new DateTime(movie.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc) : DateTime.UnixEpoch;
        return released > referenceDate ? referenceDate : released;
    }

    private static ThumbRating? Thumb(double rating, MovieLensImportOptions options) =>
        rating >= options.LoveAt ? ThumbRating.Love
        : rating >= options.ThumbsUpAt ? ThumbRating.Up
        : rating <= options.ThumbsDownAt ? ThumbRating.Down
        : null;

    private sealed record Movie(int Id, string Name, int Year, List<string> Genres);

    private readonly record struct RatingRow(int UserId, int MovieId, double Stars, DateTime At);

    private static Dictionary<int, Movie> ReadMovies(string path)
    {
        var file = Path.GetFileName(path);
        var movies = new Dictionary<int, Movie>();
        foreach (var (line, fields) in ReadCsv(path, ["movieId", "title", "genres"]))
        {
            if (fields.Count != 3)
            {
                throw new MovieLensFormatException(file, line, $"expected 3 fields (movieId,title,genres) but found {fields.Count}");
            }

            if (!int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                throw new MovieLensFormatException(file, line, $"movieId '{fields[0]}' is not a positive whole number");
            }

            if (string.IsNullOrWhiteSpace(fields[1]))
            {
                throw new MovieLensFormatException(file, line, "the title is empty");
            }

            if (!movies.TryAdd(id, ParseTitle(id, fields[1].Trim(), fields[2])))
            {
                throw new MovieLensFormatException(file, line, $"movieId {id} appears twice");
            }
        }

        return movies;
    }

    private static Movie ParseTitle(int id, string title, string genres)
    {
        var match = YearSuffix().Match(title);
        var name = match.Success ? title[..match.Index].TrimEnd() : title;
        var year = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var list = genres == "(no genres listed)" || string.IsNullOrWhiteSpace(genres)
            ? []
            : genres.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new Movie(id, name.Length == 0 ? title : name, year, list);
    }

    private static List<RatingRow> ReadRatings(string path, Dictionary<int, Movie> movies)
    {
        var file = Path.GetFileName(path);
        var ratings = new List<RatingRow>();
        var seen = new HashSet<(int, int)>();
        foreach (var (line, fields) in ReadCsv(path, ["userId", "movieId", "rating", "timestamp"]))
        {
            if (fields.Count != 4)
            {
                throw new MovieLensFormatException(file, line, $"expected 4 fields (userId,movieId,rating,timestamp) but found {fields.Count}");
            }

            if (!int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var user) || user <= 0)
            {
                throw new MovieLensFormatException(file, line, $"userId '{fields[0]}' is not a positive whole number");
            }

            if (!int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var movie))
            {
                throw new MovieLensFormatException(file, line, $"movieId '{fields[1]}' is not a whole number");
            }

            if (!movies.ContainsKey(movie))
            {
                throw new MovieLensFormatException(file, line, $"movieId {movie} is not in the movies file");
            }

            if (!double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var stars) || stars is < 0 or > 5)
            {
                throw new MovieLensFormatException(file, line, $"rating '{fields[2]}' is not a number from 0 to 5");
            }

            if (!long.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > 253_402_300_799)
            {
                throw new MovieLensFormatException(file, line, $"timestamp '{fields[3]}' is not a Unix time in seconds");
            }

            if (!seen.Add((user, movie)))
            {
                throw new MovieLensFormatException(file, line, $"user {user} rates movie {movie} twice");
            }

            ratings.Add(new RatingRow(user, movie, stars, DateTime.UnixEpoch.AddSeconds(seconds)));
        }

        return ratings;
    }

    /// <summary>
    /// RFC 4180 records read by CsvHelper (quoted fields may hold commas, doubled quotes and line breaks), from strict UTF-8,
    /// with a header check. Each record comes with the line it starts on; malformed quoting stops the import at its line.
    /// </summary>
    private static List<(int Line, List<string> Fields)> ReadCsv(string path, string[] header)
    {
        var file = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist.", path);
        }

        var bytes = System.IO.File.ReadAllBytes(path);
        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MovieLensFormatException(file, 1, "the file is not valid UTF-8");
        }

        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            TrimWhitespace = false,
            TrackLineNumbers = true,
            // Every malformed record is reported to OnMalformedRecord, which stops the import at its line.
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => throw new MovieLensFormatException(file, (int)record.LineNumber, record.Reason switch
            {
                CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
                CsvMalformedReason.TextAfterClosingQuote => "text follows a closing quote",
                CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
                var other => $"malformed quoting ({other})",
            }),
        };
        using var reader = CsvReader.Create(bytes, options);
        var records = new List<(int, List<string>)>();
        try
        {
            if (!reader.Headers.Select(f => f.Trim()).SequenceEqual(header, StringComparer.OrdinalIgnoreCase))
            {
                throw new MovieLensFormatException(file, 1, $"the header must be '{string.Join(',', header)}'");
            }

            while (reader.Read())
            {
                var fields = new List<string>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    fields.Add(reader.GetString(i));
                }

                records.Add(((int)reader.LineNumber, fields));
            }
        }
        catch (CsvFormatException error)
        {
            throw new MovieLensFormatException(file, (int)Math.Max(1, error.LineNumber), error.Message);
        }

        return records;
    }

    private static string Slug(string name) => NonSlug().Replace(name.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"\((\d{4})(?:[-–]\d{0,4})?\)\s*$")]
    private static partial Regex YearSuffix();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
