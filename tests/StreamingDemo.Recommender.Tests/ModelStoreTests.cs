using Microsoft.Extensions.Logging.Abstractions;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender.Tests;

public sealed class ModelStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "streamingdemo-models-" + Guid.NewGuid().ToString("N"));

    private ModelStore Store => new(directory, NullLogger<ModelStore>.Instance);

    [Fact]
    public void ASavedModelLoadsBackAndRanksTheSame()
    {
        Store.Save(TrainedWorld.Model, TrainedWorld.Options);
        var loaded = Store.TryLoad(TrainedWorld.World.Snapshot, TrainedWorld.Options);

        Assert.NotNull(loaded);
        foreach (var profile in new[] { 1, 2, 3 })
        {
            using var trained = TrainedWorld.Model.Scorer(TrainedWorld.Model.Profiles[profile]);
            using var reloaded = loaded.Scorer(loaded.Profiles[profile]);
            var expected = trained.Ranked(20).Select(s => (s.Title, s.Match));
            var actual = reloaded.Ranked(20).Select(s => (s.Title, s.Match));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void AMissingModelFileMeansRetrain() =>
        Assert.Null(Store.TryLoad(TrainedWorld.World.Snapshot, TrainedWorld.Options));

    [Fact]
    public void AModelForOtherDataIsStaleAndIgnored()
    {
        Store.Save(TrainedWorld.Model, TrainedWorld.Options);
        var changed = TrainedWorld.World.Snapshot with { DataVersion = "something-newer" };
        File.Copy(Store.PathFor(TrainedWorld.Model.DataVersion), Store.PathFor(changed.DataVersion));

        Assert.Null(Store.TryLoad(changed, TrainedWorld.Options));
        Assert.Null(Store.TryLoad(TrainedWorld.World.Snapshot, new RecommenderOptions { Factors = 8 }));
    }

    [Fact]
    public void ACorruptModelFileMeansRetrainNotACrash()
    {
        Store.Save(TrainedWorld.Model, TrainedWorld.Options);
        var path = Store.PathFor(TrainedWorld.Model.DataVersion);
        var bytes = File.ReadAllBytes(path);
        bytes[^100] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        Assert.Null(Store.TryLoad(TrainedWorld.World.Snapshot, TrainedWorld.Options));

        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Null(Store.TryLoad(TrainedWorld.World.Snapshot, TrainedWorld.Options));

        File.WriteAllText(path, "not a model");
        Assert.Null(Store.TryLoad(TrainedWorld.World.Snapshot, TrainedWorld.Options));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
