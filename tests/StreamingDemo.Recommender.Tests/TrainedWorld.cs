using Microsoft.Extensions.Options;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Tests;

/// <summary>One planted world and one model trained on it, shared by the tests that only read it.</summary>
public static class TrainedWorld
{
    public static RecommenderOptions Options { get; } = new() { RankerProfiles = 600, RankerTrees = 40, Communities = 6, Factors = 16 };

    private static readonly Lazy<(PlantedWorld World, RecommenderModel Model)> Shared = new(() =>
    {
        var world = PlantedWorld.Create();
        return (world, RecommenderTrainer.Train(world.Snapshot, Options!));
    });

    public static PlantedWorld World => Shared.Value.World;

    internal static RecommenderModel Model => Shared.Value.Model;

    /// <summary>A recommender serving the shared model, with its own live feedback.</summary>
    public static StreamingRecommender NewRecommender()
    {
        var recommender = new StreamingRecommender(Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System);
        recommender.Swap(Model, 0);
        return recommender;
    }
}
