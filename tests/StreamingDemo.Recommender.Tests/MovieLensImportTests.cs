using Microsoft.Data.Sqlite;
using StreamingDemo.Data;
using StreamingDemo.Data.Import;
using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Tests;

public sealed class MovieLensImportTests : IDisposable
{
    private const string Movies = """
        movieId,title,genres
        1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy
        2,"American President, The (1995)",Comedy|Drama|Romance
        3,"Amélie ""Le Fabuleux Destin"" (2001)",Comedy|Romance
        4,Untitled Experiment,(no genres listed)
        """;

    private const string Ratings = """
        userId,movieId,rating,timestamp
        1,1,4.0,964982703
        1,2,2.0,964981247
        1,3,5.0,964982224
        2,1,3.5,964983815
        2,4,1.0,964982931
        """;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "streamingdemo-import-" + Guid.NewGuid().ToString("N"));

    public MovieLensImportTests() => Directory.CreateDirectory(directory);

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    private string Db => Path.Combine(directory, "imported.db");

    [Fact]
    public async Task AMovieLensCatalogueBecomesAStoreTheRecommenderReads()
    {
        var summary = await MovieLensImporter.ImportAsync(Write("ratings.csv", Ratings), Write("movies.csv", Movies), Db,
            cancellationToken: TestContext.Current.CancellationToken);
        var snapshot = await new SqliteInteractionSource(new StoreLocation(Db)).LoadSnapshotAsync(TestContext.Current.CancellationToken);

        Assert.Equal((4, 2, 5), (summary.Titles, summary.Profiles, summary.Ratings));
        Assert.Equal(["Toy Story", "American President, The", "Amélie \"Le Fabuleux Destin\"", "Untitled Experiment"], snapshot.Titles.Select(t => t.Name));
        Assert.Equal(2001, snapshot.Titles[2].Year);
        Assert.Equal(5, snapshot.Titles[0].MicroGenreIds.Count);
        Assert.Equal(5, snapshot.Interactions.Count);
        Assert.Equal(ThumbRating.Up, snapshot.Interactions.Single(i => i.ProfileId == 1 && i.TitleId == 1).Thumb);
        Assert.Equal(ThumbRating.Down, snapshot.Interactions.Single(i => i.ProfileId == 1 && i.TitleId == 2).Thumb);
        Assert.Null(snapshot.Interactions.Single(i => i.ProfileId == 2 && i.TitleId == 1).Thumb);
        Assert.Equal(new DateTime(2000, 7, 30, 19, 3, 35, DateTimeKind.Utc), snapshot.AsOf);
        Assert.Null(await new SqliteGroundTruthSource(new StoreLocation(Db)).LoadAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ThumbThresholdsAreConfigurable()
    {
        await MovieLensImporter.ImportAsync(Write("ratings.csv", Ratings), Write("movies.csv", Movies), Db, new MovieLensImportOptions(ThumbsUpAt: 3.5, ThumbsDownAt: 1.0, LoveAt: 5.0),
            TestContext.Current.CancellationToken);
        var snapshot = await new SqliteInteractionSource(new StoreLocation(Db)).LoadSnapshotAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ThumbRating.Up, snapshot.Interactions.Single(i => i.ProfileId == 2 && i.TitleId == 1).Thumb);
        Assert.Equal(ThumbRating.Love, snapshot.Interactions.Single(i => i.ProfileId == 1 && i.TitleId == 3).Thumb);
        Assert.Null(snapshot.Interactions.Single(i => i.ProfileId == 1 && i.TitleId == 2).Thumb);
        Assert.Equal(ThumbRating.Down, snapshot.Interactions.Single(i => i.ProfileId == 2 && i.TitleId == 4).Thumb);
    }

    [Theory]
    [InlineData("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,lots,964981247", "ratings.csv line 3: rating 'lots' is not a number from 0 to 5")]
    [InlineData("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,99,4.0,964981247", "ratings.csv line 3: movieId 99 is not in the movies file")]
    [InlineData("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0", "ratings.csv line 2: expected 4 fields (userId,movieId,rating,timestamp) but found 3")]
    [InlineData("ratings.csv", "user,movie,stars,when\n1,1,4.0,964982703", "ratings.csv line 1: the header must be 'userId,movieId,rating,timestamp'")]
    [InlineData("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,1,3.0,964982704", "ratings.csv line 3: user 1 rates movie 1 twice")]
    [InlineData("movies.csv", "movieId,title,genres\n1,\"Toy Story (1995),Animation", "movies.csv line 2: a quoted field is never closed")]
    [InlineData("movies.csv", "movieId,title,genres\n1,Toy Story (1995),Animation\n1,Toy Story again,Animation", "movies.csv line 3: movieId 1 appears twice")]
    [InlineData("movies.csv", "movieId,title,genres\nx,Toy Story (1995),Animation", "movies.csv line 2: movieId 'x' is not a positive whole number")]
    [InlineData("movies.csv", "movieId,title,genres\n1,\"Toy Story\" (1995),Animation", "movies.csv line 2: text follows a closing quote")]
    [InlineData("movies.csv", "movieId,title,genres\n1,Toy \"Story\" (1995),Animation", "movies.csv line 2: a quote inside an unquoted field")]
    [InlineData("movies.csv", "movieId,title,genres\n1,\"Toy\nStory (1995)\",Animation\nx,Bad (1995),Animation", "movies.csv line 4: movieId 'x' is not a positive whole number")]
    public async Task AMalformedFileNamesTheLineAndTheProblemAndImportsNothing(string broken, string content, string message)
    {
        var ratings = Write("ratings.csv", broken == "ratings.csv" ? content : Ratings);
        var movies = Write("movies.csv", broken == "movies.csv" ? content : Movies);
        File.WriteAllText(Db, "the previous store");

        var error = await Assert.ThrowsAsync<MovieLensFormatException>(() =>
            MovieLensImporter.ImportAsync(ratings, movies, Db, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(message, error.Message);
        Assert.Equal("the previous store", await File.ReadAllTextAsync(Db, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(Db + ".partial"));
    }

    [Fact]
    public async Task AFileThatIsNotUtf8IsRejected()
    {
        var movies = Path.Combine(directory, "movies.csv");
        await File.WriteAllBytesAsync(movies, [.. "movieId,title,genres\n1,Am"u8.ToArray(), 0xE9, .. "lie (2001),Comedy\n"u8.ToArray()], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<MovieLensFormatException>(() =>
            MovieLensImporter.ImportAsync(Write("ratings.csv", Ratings), movies, Db, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
