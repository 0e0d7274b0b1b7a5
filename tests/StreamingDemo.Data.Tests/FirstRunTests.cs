using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Tests;

public sealed class FirstRunTests
{
    [Fact]
    public async Task FirstRunCreatesTheDataFolderSeedsTheStoreAndReportsProgressToReady()
    {
        using var temp = new TempStore();
        // As on a fresh clone: the data folder does not exist yet.
        var path = Path.Combine(temp.PathFor("data"), "site.db");
        await using var services = Build(path);
        var status = services.GetRequiredService<FirstRunStatus>();
        var stages = new List<FirstRunStage>();
        status.Changed += p => stages.Add(p.Stage);

        await services.GetRequiredService<StoreInitializer>().InitializeAsync(TestContext.Current.CancellationToken);

        Assert.True(await StoreFiles.IsCompleteAsync(path, TestContext.Current.CancellationToken));
        Assert.Contains(FirstRunStage.Seeding, stages);
        Assert.Equal(FirstRunStage.Ready, status.Current.Stage);
        Assert.True(status.WhenStoreReady.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ACompleteStoreIsNotReseeded()
    {
        using var temp = new TempStore();
        var path = temp.PathFor("site.db");
        await DatabaseSeeder.SeedAsync(path, SeedPresets.Small, 7, cancellationToken: TestContext.Current.CancellationToken);
        var fingerprint = StoreFingerprint.Compute(path);
        await using var services = Build(path);
        var stages = new List<FirstRunStage>();
        services.GetRequiredService<FirstRunStatus>().Changed += p => stages.Add(p.Stage);

        await services.GetRequiredService<StoreInitializer>().InitializeAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(FirstRunStage.Seeding, stages);
        Assert.Equal(fingerprint, StoreFingerprint.Compute(path));
    }

    [Fact]
    public async Task AFirstRunKilledMidwayLeavesNoStoreAndIsRedoneOnTheNextStart()
    {
        using var temp = new TempStore();
        var path = temp.PathFor("site.db");
        await using (var first = Build(path))
        {
            using var kill = new CancellationTokenSource();
            first.GetRequiredService<FirstRunStatus>().Changed += p =>
            {
                if (p.Stage == FirstRunStage.Seeding && p.Percent > 20)
                {
                    kill.Cancel();
                }
            };
            await first.GetRequiredService<StoreInitializer>().InitializeAsync(kill.Token);
            Assert.True(kill.IsCancellationRequested);
        }

        Assert.False(File.Exists(path), "An interrupted first run must not leave a store that looks usable.");
        Assert.False(File.Exists(StoreBuilder.PartialPath(path)), "A stopped first run deletes its partial store.");

        // A process killed outright cannot clean up: its partial file is discarded on the next start.
        await File.WriteAllTextAsync(StoreBuilder.PartialPath(path), "half a store", TestContext.Current.CancellationToken);
        await using var second = Build(path);
        await second.GetRequiredService<StoreInitializer>().InitializeAsync(TestContext.Current.CancellationToken);

        Assert.True(await StoreFiles.IsCompleteAsync(path, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(StoreBuilder.PartialPath(path)));
        Assert.Equal(FirstRunStage.Ready, second.GetRequiredService<FirstRunStatus>().Current.Stage);
    }

    [Fact]
    public async Task AStoreWithoutTheCompletionMarkerIsSeededAgain()
    {
        using var temp = new TempStore();
        var path = temp.PathFor("site.db");
        await File.WriteAllTextAsync(path, "not a database", TestContext.Current.CancellationToken);
        await using var services = Build(path);

        await services.GetRequiredService<StoreInitializer>().InitializeAsync(TestContext.Current.CancellationToken);

        Assert.True(await StoreFiles.IsCompleteAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void AnUnknownPresetIsRejectedAtStartWithAClearMessage()
    {
        using var temp = new TempStore();
        using var services = Build(temp.PathFor("site.db"), preset: "huge");

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StoreOptions>>().Value);
        Assert.Contains("Store:Preset", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string path, string preset = "small")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:DatabasePath"] = path,
            ["Store:Preset"] = preset,
            ["Store:Seed"] = "7",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddStreamingData(Path.GetTempPath());
        services.AddStoreInitializer();
        return services.BuildServiceProvider();
    }
}
