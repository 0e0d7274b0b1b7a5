using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Recommender;
using StreamingDemo.Recommender.Ranking;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Benchmarks;

/// <summary>
/// The trained world the benchmarks share: a seeded store (STREAMINGDEMO_BENCH_DB, default data/large-42.db — create it with
/// `StreamingDemo.Cli seed --preset large --seed 42`), trained once per process with the ML.NET ranker kept for comparison.
/// </summary>
internal sealed class BenchmarkWorld
{
    private static readonly Lazy<BenchmarkWorld> Shared = new(() => new BenchmarkWorld());

    private BenchmarkWorld()
    {
        var path = Environment.GetEnvironmentVariable("STREAMINGDEMO_BENCH_DB") ?? Path.Combine("data", "large-42.db");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Seed a store first: StreamingDemo.Cli seed --preset large --seed 42 --db {path}", path);
        }

        Store = new StoreLocation(Path.GetFullPath(path));
        Snapshot = new SqliteInteractionSource(Store).LoadSnapshotAsync().GetAwaiter().GetResult();
        Options = new RecommenderOptions();
        var started = TimeProvider.System.GetTimestamp();
        (Model, Ranker) = RecommenderTrainer.TrainWithRanker(Snapshot, Options);
        TrainingTime = TimeProvider.System.GetElapsedTime(started);
        Recommender = new StreamingRecommender(Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System);
        Recommender.Swap(Model, 0);
        ProfileIds = [.. Model.Profiles.Values.Where(p => p.HasEvidence).Select(p => p.ProfileId).Order().Where((_, i) => i % 97 == 0).Take(512)];
    }

    public static BenchmarkWorld Instance => Shared.Value;

    public StoreLocation Store { get; }

    public InteractionSnapshot Snapshot { get; }

    public RecommenderOptions Options { get; }

    internal RecommenderModel Model { get; }

    internal TrainedRanker? Ranker { get; }

    public TimeSpan TrainingTime { get; }

    public StreamingRecommender Recommender { get; }

    /// <summary>A spread of profiles (every 97th with history) so requests differ as real ones do.</summary>
    public int[] ProfileIds { get; }
}
