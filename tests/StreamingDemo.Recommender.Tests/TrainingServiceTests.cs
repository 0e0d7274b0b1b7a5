using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Tests;

public sealed class TrainingServiceTests : IDisposable
{
    private readonly string models = Path.Combine(Path.GetTempPath(), "streamingdemo-service-" + Guid.NewGuid().ToString("N"));

    private sealed class PlantedSource(InteractionSnapshot snapshot) : IInteractionSource
    {
        public InteractionSnapshot Snapshot { get; set; } = snapshot;

        public int Loads { get; private set; }

        public Task<InteractionSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default)
        {
            Loads++;
            return Task.FromResult(Snapshot);
        }

        public Task<string> GetDataVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult(Snapshot.DataVersion);
    }

    private IHost Host(PlantedSource source)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Recommender:RankerProfiles"] = "300",
            ["Recommender:RankerTrees"] = "20",
            ["Recommender:Factors"] = "8",
            ["Recommender:Communities"] = "6",
            ["Recommender:RetrainInterval"] = "00:00:00",
        });
        builder.Services.AddSingleton<IInteractionSource>(source);
        builder.Services.AddRecommender(_ => models);
        return builder.Build();
    }

    private static async Task<IRecommender> ReadyAsync(IHost host)
    {
        var status = host.Services.GetRequiredService<FirstRunStatus>();
        var ready = new TaskCompletionSource();
        status.Changed += p =>
        {
            if (p.Stage is FirstRunStage.Ready or FirstRunStage.Failed)
            {
                ready.TrySetResult();
            }
        };
        await host.StartAsync(TestContext.Current.CancellationToken);
        status.MarkStoreReady();
        await ready.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        Assert.Equal(FirstRunStage.Ready, status.Current.Stage);
        return host.Services.GetRequiredService<IRecommender>();
    }

    [Fact]
    public async Task TheFirstRunTrainsReportsReadyAndTheNextStartLoadsTheSavedModel()
    {
        var world = PlantedWorld.Create(titles: 120, profiles: 300, seed: 11);
        using (var first = Host(new PlantedSource(world.Snapshot)))
        {
            var recommender = await ReadyAsync(first);
            Assert.True(recommender.Status.IsReady);
            Assert.NotEmpty(recommender.ComposeHomePage(new HomePageRequest(1, DeviceType.Phone, [])).Rows);
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        var saved = Assert.Single(Directory.GetFiles(models, "recommender-*.bin"));
        var written = File.GetLastWriteTimeUtc(saved);
        using (var second = Host(new PlantedSource(world.Snapshot)))
        {
            var recommender = await ReadyAsync(second);
            Assert.True(recommender.Status.IsReady);
            await second.StopAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(written, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(models, "recommender-*.bin"))));
    }

    [Fact]
    public async Task ACorruptModelFileIsRebuiltInsteadOfCrashingTheSite()
    {
        var world = PlantedWorld.Create(titles: 120, profiles: 300, seed: 12);
        Directory.CreateDirectory(models);
        var store = new Serving.ModelStore(models, Microsoft.Extensions.Logging.Abstractions.NullLogger<Serving.ModelStore>.Instance);
        await File.WriteAllTextAsync(store.PathFor(world.Snapshot.DataVersion), "garbage", TestContext.Current.CancellationToken);

        using var host = Host(new PlantedSource(world.Snapshot));
        var recommender = await ReadyAsync(host);

        Assert.True(recommender.Status.IsReady);
        Assert.True(new FileInfo(store.PathFor(world.Snapshot.DataVersion)).Length > 1000);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NewDataIsTrainedOnAndSwappedInWhileUnchangedDataIsLeftAlone()
    {
        var world = PlantedWorld.Create(titles: 120, profiles: 300, seed: 13);
        var source = new PlantedSource(world.Snapshot);
        using var host = Host(source);
        var recommender = await ReadyAsync(host);
        var service = host.Services.GetServices<IHostedService>().OfType<RecommenderTrainingService>().Single();
        var before = recommender.Status.ModelVersion;

        await service.RefreshAsync(firstRun: false, TestContext.Current.CancellationToken);
        Assert.Equal(before, recommender.Status.ModelVersion);
        Assert.Equal(1, source.Loads);

        var newcomer = world.Snapshot.Profiles.Count + 1;
        var liked = world.Snapshot.Titles.Take(5).Select(t => new ProfileTitleInteraction(newcomer, t.Id, 1, 1f, world.Snapshot.AsOf, world.Snapshot.AsOf, ThumbRating.Up));
        source.Snapshot = world.Snapshot with
        {
            DataVersion = "after-a-new-profile",
            Profiles = [.. world.Snapshot.Profiles, new ProfileInfo(newcomer, "Newcomer", false, world.Snapshot.AsOf)],
            Interactions = [.. world.Snapshot.Interactions, .. liked],
        };
        await service.RefreshAsync(firstRun: false, TestContext.Current.CancellationToken);

        Assert.StartsWith("after-a-new-profile@", recommender.Status.ModelVersion, StringComparison.Ordinal);
        Assert.Equal(3, recommender.GetTaste(newcomer).Communities.Count);
        Assert.DoesNotContain(recommender.Rank(newcomer, 50), r => r.TitleId <= 5);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (Directory.Exists(models))
        {
            Directory.Delete(models, recursive: true);
        }
    }
}
