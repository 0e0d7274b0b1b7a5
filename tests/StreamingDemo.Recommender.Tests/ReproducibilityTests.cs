using System.Diagnostics;
using System.Text.Json.Nodes;
using StreamingDemo.Data;
using StreamingDemo.Data.Seeding;

namespace StreamingDemo.Recommender.Tests;

/// <summary>
/// Same store, same screens, in any process: a restarted site must show a persona the page it showed before. Runs the CLI's
/// `home` verb in separate processes (the first trains and saves the model as a first run does, the second loads it as a
/// restart does) and compares the pages.
/// </summary>
public sealed class ReproducibilityTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "streamingdemo-repro-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "store.db");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        await DatabaseSeeder.SeedAsync(DatabasePath, SeedPresets.Small, seed: 42, cancellationToken: TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TwoProcessesOnOneStoreComposeTheSamePageForAPersona()
    {
        var snapshot = await new SqliteInteractionSource(new StoreLocation(DatabasePath)).LoadSnapshotAsync(TestContext.Current.CancellationToken);
        var persona = snapshot.Interactions.GroupBy(i => i.ProfileId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

        var first = await HomeAsync(persona, visit: 3);
        var second = await HomeAsync(persona, visit: 3);
        var nextVisit = await HomeAsync(persona, visit: 4);

        Assert.Equal("trained", first["modelSource"]!.GetValue<string>());
        Assert.Equal("loaded", second["modelSource"]!.GetValue<string>());
        Assert.True(first["rows"]!.AsArray().Count >= 5, first.ToJsonString());
        Assert.Equal(Page(first), Page(second));
        // The visit number does reach the page's random choices (re-permutation), so the equality above is not vacuous.
        Assert.NotEqual(Page(first), Page(nextVisit));
    }

    private static string Page(JsonObject home) => home["rows"]!.ToJsonString();

    private async Task<JsonObject> HomeAsync(int profileId, int visit)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "StreamingDemo.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["exec", cli, "home", "--db", DatabasePath, "--profile", profileId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--visit", visit.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"home exited with {process.ExitCode}: {await error}");
        return JsonNode.Parse(await output)!.AsObject();
    }
}
