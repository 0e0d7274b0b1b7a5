using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StreamingDemo.Data.Import;

namespace StreamingDemo.Cli.Commands;

/// <summary>`import --ratings ratings.csv --movies movies.csv --db PATH [--thumbs-up-at 4] [--thumbs-down-at 2] [--love-at X]` (L5).</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var ratingsOption = CommandLine.ExistingFile("--ratings", "MovieLens ratings.csv (userId,movieId,rating,timestamp)");
        var moviesOption = CommandLine.ExistingFile("--movies", "MovieLens movies.csv (movieId,title,genres)");
        var dbOption = new Option<string>("--db") { Description = "Database file to create (replaced when complete)", Required = true, HelpName = "PATH" };
        var upOption = new Option<double>("--thumbs-up-at") { Description = "Ratings from this many stars become thumbs up", DefaultValueFactory = _ => 4.0, HelpName = "STARS" };
        var downOption = new Option<double>("--thumbs-down-at") { Description = "Ratings up to this many stars become thumbs down", DefaultValueFactory = _ => 2.0, HelpName = "STARS" };
        var loveOption = new Option<double?>("--love-at") { Description = "Ratings from this many stars become loves (default: none)", HelpName = "STARS" };
        var command = new Command("import", "Import MovieLens-format files into a new store") { ratingsOption, moviesOption, dbOption, upOption, downOption, loveOption };
        return command.WithAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(ratingsOption)!.FullName,
            parse.GetValue(moviesOption)!.FullName,
            Path.GetFullPath(parse.GetValue(dbOption)!),
            Thresholds(parse.GetValue(upOption), parse.GetValue(downOption), parse.GetValue(loveOption)),
            cancellationToken));
    }

    /// <summary>
    /// Checked once the values are parsed, so an option left at its default counts with that default (a command validator
    /// reads an omitted option as 0, which refused the defaults 4 and 2).
    /// </summary>
    private static MovieLensImportOptions Thresholds(double up, double down, double? love)
    {
        if (down >= up)
        {
            throw new CommandLineException($"--thumbs-down-at ({down.ToString(CultureInfo.InvariantCulture)}) must be below --thumbs-up-at ({up.ToString(CultureInfo.InvariantCulture)}); nothing was imported.");
        }

        return new MovieLensImportOptions(up, down, love ?? double.PositiveInfinity);
    }

    private static async Task<int> RunAsync(string ratings, string movies, string db, MovieLensImportOptions thresholds, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await MovieLensImporter.ImportAsync(ratings, movies, db, thresholds, cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Imported [bold]{summary.Titles:N0}[/] titles, [bold]{summary.Profiles:N0}[/] profiles, [bold]{summary.Ratings:N0}[/] ratings ({summary.Genres} genres) into {db} in {summary.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }
        catch (MovieLensFormatException error)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{error.Message}[/]");
            AnsiConsole.MarkupLine("Nothing was imported.");
            return 1;
        }
        catch (FileNotFoundException error)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{error.Message}[/]");
            return 1;
        }
    }
}
