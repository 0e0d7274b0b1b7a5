using System.Globalization;
using Spectre.Console;
using StreamingDemo.Data.Import;

namespace StreamingDemo.Cli.Commands;

/// <summary>`import --ratings ratings.csv --movies movies.csv --db PATH [--thumbs-up-at 4] [--thumbs-down-at 2]` (L5).</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args, ["--ratings", "--movies", "--db", "--thumbs-up-at", "--thumbs-down-at", "--love-at"]);
        var ratings = options.Get("--ratings") ?? throw new CommandLineException("import needs --ratings ratings.csv.");
        var movies = options.Get("--movies") ?? throw new CommandLineException("import needs --movies movies.csv.");
        var db = Path.GetFullPath(options.Get("--db") ?? throw new CommandLineException("import needs --db PATH."));
        var thresholds = new MovieLensImportOptions(
            Number(options, "--thumbs-up-at", 4.0), Number(options, "--thumbs-down-at", 2.0), Number(options, "--love-at", double.PositiveInfinity));
        if (thresholds.ThumbsDownAt >= thresholds.ThumbsUpAt)
        {
            throw new CommandLineException("--thumbs-down-at must be below --thumbs-up-at.");
        }

        try
        {
            var summary = await MovieLensImporter.ImportAsync(ratings, movies, db, thresholds);
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

    private static double Number(CommandLine options, string name, double fallback)
    {
        var value = options.Get(name);
        if (value is null)
        {
            return fallback;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CommandLineException($"Option {name} must be a number, not '{value}'.");
    }
}
