using System.CommandLine;
using Microsoft.Data.Sqlite;
using StreamingDemo.Cli.Commands;

namespace StreamingDemo.Recommender.Tests;

/// <summary>The CLI's <c>import</c> verb as a user types it, on the MovieLens-format fixture (Fixtures/MovieLensFormat).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ImportCommandTests : CliVerbTest
{
    private static Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand { ImportCommand.Create() };
        return root.Parse(["import", "--ratings", Path.Combine(Fixture, "ratings.csv"), "--movies", Path.Combine(Fixture, "movies.csv"), .. args]).InvokeAsync();
    }

    [Fact]
    public async Task WithTheDefaultThresholdsTheFixtureImports()
    {
        var db = Path.Combine(Scratch, "defaults.db");

        var exit = await RunAsync("--db", db);

        Assert.Equal(0, exit);
        Assert.Contains("Imported 90 titles, 200 profiles, 5,125 ratings", Output.ToString(), StringComparison.Ordinal);
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // The defaults (thumbs up from 4 stars, down up to 2) must reach the importer: the fixture has both kinds of rating.
        command.CommandText = $"SELECT (SELECT COUNT(*) FROM Titles), (SELECT COUNT(*) FROM Thumbs WHERE Rating = {(int)Domain.ThumbRating.Up}), (SELECT COUNT(*) FROM Thumbs WHERE Rating = {(int)Domain.ThumbRating.Down})";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(90, reader.GetInt32(0));
        Assert.Equal(ExpectedThumbs(r => r >= 4), reader.GetInt32(1));
        Assert.Equal(ExpectedThumbs(r => r <= 2), reader.GetInt32(2));
    }

    [Fact]
    public async Task AThumbsDownThresholdNotBelowTheThumbsUpOneIsRefusedAndNothingIsWritten()
    {
        var db = Path.Combine(Scratch, "refused.db");

        var exit = await RunAsync("--db", db, "--thumbs-up-at", "3", "--thumbs-down-at", "3");

        Assert.Equal(2, exit); // the CLI's exit code for a usage error
        Assert.Contains("--thumbs-down-at (3) must be below --thumbs-up-at (3); nothing was imported.", Output.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Scratch));
    }

    /// <summary>Ratings in the fixture's file that pass <paramref name="rule"/>, counted straight from the CSV.</summary>
    private static int ExpectedThumbs(Func<double, bool> rule) => File.ReadLines(Path.Combine(Fixture, "ratings.csv")).Skip(1)
        .Count(line => rule(double.Parse(line.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)));
}
