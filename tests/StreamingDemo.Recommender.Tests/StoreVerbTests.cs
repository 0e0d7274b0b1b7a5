using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using StreamingDemo.Cli.Commands;
using StreamingDemo.Data;

namespace StreamingDemo.Recommender.Tests;

/// <summary>The CLI verbs that read an existing store (evaluate, train, home) on a file that is not one, and on an older one.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class StoreVerbTests : CliVerbTest
{
    private static Task<int> RunAsync(params string[] args) =>
        new RootCommand { ImportCommand.Create(), EvaluateCommand.Create(), TrainCommand.Create(), HomeCommand.Create() }.Parse(args).InvokeAsync();

    [Theory]
    [InlineData("evaluate")]
    [InlineData("train")]
    [InlineData("home")]
    public async Task AFileThatIsNotAStoreIsAUsageErrorAndIsLeftAsItWas(string verb)
    {
        var junk = Path.Combine(Scratch, "notes.db");
        await File.WriteAllTextAsync(junk, "not a database", TestContext.Current.CancellationToken);
        string[] extra = verb == "home" ? ["--profile", "1"] : [];

        var exit = await RunAsync([verb, "--db", junk, .. extra]);

        Assert.Equal(2, exit);
        Assert.Contains($"{junk} is not a complete StreamingDemo store", Output.ToString(), StringComparison.Ordinal);
        Assert.Equal("not a database", await File.ReadAllTextAsync(junk, TestContext.Current.CancellationToken));
        Assert.Equal(["notes.db"], Directory.GetFiles(Scratch).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AStoreFromBeforeTheLastMigrationIsBroughtUpToDateAndEvaluated()
    {
        var db = Path.Combine(Scratch, "older.db");
        Assert.Equal(0, await RunAsync("import", "--ratings", Path.Combine(Fixture, "ratings.csv"), "--movies", Path.Combine(Fixture, "movies.csv"), "--db", db));
        var options = new DbContextOptionsBuilder<StreamingDbContext>().UseSqlite($"Data Source={db};Pooling=False").Options;
        await using (var context = new StreamingDbContext(options))
        {
            // The schema a store written before live artwork impressions has (EF cannot migrate SQLite down past a dropped column).
            await context.Database.ExecuteSqlRawAsync("""
                ALTER TABLE ArtworkImpressions DROP COLUMN Live;
                ALTER TABLE ArtworkImpressions DROP COLUMN Propensity;
                ALTER TABLE ArtworkImpressions DROP COLUMN Visit;
                DELETE FROM __EFMigrationsHistory WHERE MigrationId = '20261201221514_LiveArtworkImpressions';
                """, TestContext.Current.CancellationToken);
            Assert.NotEmpty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        }

        Output.GetStringBuilder().Clear();
        var exit = await RunAsync("evaluate", "--db", db);

        Assert.Equal(0, exit);
        Assert.Contains("Cold start (three picks, no retraining)", Output.ToString(), StringComparison.Ordinal);
        await using (var context = new StreamingDbContext(options))
        {
            Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        }
    }
}
