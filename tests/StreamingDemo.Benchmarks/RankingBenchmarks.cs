using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Ranking;

namespace StreamingDemo.Benchmarks;

/// <summary>
/// A profile's full ranking from vectors held in memory (candidate generators + compiled LightGBM trees + calibration)
/// against scoring every title through ML.NET's PredictionEngine, in the same run; plus a whole home page and
/// feedback-to-page. In-process so the large model is trained once.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MaxColumn]
[Config(typeof(PercentilesConfig))]
public class RankingBenchmarks
{
    private BenchmarkWorld world = null!;
    private PredictionEngine<RankerExample, RankerScore> engine = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        world = BenchmarkWorld.Instance;
        var ranker = world.Ranker ?? throw new InvalidOperationException("The ranker did not train.");
        engine = ranker.Context.Model.CreatePredictionEngine<RankerExample, RankerScore>(ranker.Model);
    }

    private int NextProfile() => world.ProfileIds[next++ % world.ProfileIds.Length];

    [Benchmark(Description = "full ranking, in-memory vectors + compiled trees")]
    public int FullRanking()
    {
        using var scorer = world.Model.Scorer(world.Model.Profiles[NextProfile()]);
        return scorer.Ranked(world.Model.Catalog.TitleCount).Length;
    }

    [Benchmark(Description = "top 300 ranking (candidate pool), in-memory")]
    public int CandidateRanking()
    {
        using var scorer = world.Model.Scorer(world.Model.Profiles[NextProfile()]);
        return scorer.Ranked(world.Model.CandidatePool).Length;
    }

    [Benchmark(Baseline = true, Description = "every title through PredictionEngine")]
    public float PredictionEnginePerTitle()
    {
        using var scorer = world.Model.Scorer(world.Model.Profiles[NextProfile()]);
        var best = float.MinValue;
        var example = new RankerExample();
        for (var title = 0; title < world.Model.Catalog.TitleCount; title++)
        {
            example.Features = new float[RankerFeatures.Count];
            scorer.FillFeatures(title, example.Features);
            best = Math.Max(best, engine.Predict(example).Score);
        }

        return best;
    }

    [Benchmark(Description = "whole home page (desktop)")]
    public int HomePage() =>
        world.Recommender.ComposeHomePage(new HomePageRequest(NextProfile(), DeviceType.Desktop, [], next)).Rows.Count;

    [Benchmark(Description = "thumb folded in + new home page")]
    public int FeedbackToPage()
    {
        var profile = NextProfile();
        var top = world.Recommender.Rank(profile, 1)[0].TitleId;
        world.Recommender.Apply(new FeedbackEvent(profile, top, FeedbackKind.Thumb, DateTime.UnixEpoch, ThumbRating.Up));
        return world.Recommender.ComposeHomePage(new HomePageRequest(profile, DeviceType.Desktop, [], next)).Rows.Count;
    }

    public sealed class RankerScore
    {
        public float Score { get; set; }
    }
}
