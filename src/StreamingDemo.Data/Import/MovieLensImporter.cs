using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
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
        var firstRating = ratings.GroupBy(r => r.MovieId).ToDictionary(g => g.Key, g => g.Min(r => r.At));
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
                AddedAt = firstRating.TryGetValue(m.Id, out var at) ? at : referenceDate,
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

    /// <summary>RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks), strict UTF-8, with a header check.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> ReadCsv(string path, string[] header)
    {
        var file = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist.", path);
        }

        string text;
        try
        {
            text = System.IO.File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            throw new MovieLensFormatException(file, 1, "the file is not valid UTF-8");
        }

        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i == 0 && c == '\uFEFF')
            {
                continue;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                        if (i + 1 < text.Length && text[i + 1] is not (',' or '\r' or '\n'))
                        {
                            throw new MovieLensFormatException(file, line, "text follows a closing quote");
                        }
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case '"':
                    throw new MovieLensFormatException(file, line, "a quote inside an unquoted field");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0)
                    {
                        records.Add((recordLine, fields));
                    }

                    fields = [];
                    atFieldStart = true;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    break;
            }
        }

        if (quoted)
        {
            throw new MovieLensFormatException(file, recordLine, "a quoted field is never closed");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        if (records.Count == 0 || !records[0].Item2.Select(f => f.Trim()).SequenceEqual(header, StringComparer.OrdinalIgnoreCase))
        {
            throw new MovieLensFormatException(file, 1, $"the header must be '{string.Join(',', header)}'");
        }

        return records.Skip(1);
    }

    private static string Slug(string name) => NonSlug().Replace(name.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"\((\d{4})(?:[-–]\d{0,4})?\)\s*$")]
    private static partial Regex YearSuffix();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
