using BenchmarkDotNet.Attributes;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Artwork;

namespace StreamingDemo.Benchmarks;

/// <summary>
/// V10's cost on the home page: a whole desktop home page with every title's default artwork against the same page with
/// each title's variant picked by the warm-started bandit (the profile's taste and recent micro-genres read, its context
/// built, one LinUCB pick per distinct title), in the same run.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MaxColumn]
[Config(typeof(PercentilesConfig))]
public class ArtworkBenchmarks
{
    private BenchmarkWorld world = null!;
    private IReadOnlyDictionary<int, IReadOnlyList<string>> variants = null!;
    private ArtworkContext context = null!;
    private LinUcbBandit bandit = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        world = BenchmarkWorld.Instance;
        variants = SqliteArtworkVariants.LoadAsync(world.Store).GetAwaiter().GetResult();
        var log = SqliteArtworkVariants.LoadImpressionsAsync(world.Store).GetAwaiter().GetResult();
        context = new ArtworkContext(Enumerable.Range(0, world.Recommender.Communities.Count), world.Snapshot.Genres.Select(g => g.Id));
        var started = TimeProvider.System.GetTimestamp();
        bandit = ArtworkLearning.WarmStart(log, (profile, device) => context.For(world.Recommender.GetTaste(profile), device), context.Dimension, ArtworkLearning.DefaultAlpha);
        Console.WriteLine($"// artwork bandit: d = {context.Dimension}, warm-started from {log.Count:N0} logged impressions in {TimeProvider.System.GetElapsedTime(started).TotalMilliseconds:N0} ms");
    }

    [Benchmark(Baseline = true, Description = "home page, default artwork")]
    public int DefaultArtwork()
    {
        var profile = world.ProfileIds[next++ % world.ProfileIds.Length];
        var page = world.Recommender.ComposeHomePage(new HomePageRequest(profile, DeviceType.Desktop, [], next));
        var shown = 0;
        foreach (var id in page.Rows.SelectMany(r => r.Items).Select(i => i.TitleId).Distinct())
        {
            shown += variants.TryGetValue(id, out var candidates) ? candidates[0].Length : 0;
        }

        return shown;
    }

    [Benchmark(Description = "home page, personalized artwork")]
    public int PersonalizedArtwork()
    {
        var profile = world.ProfileIds[next++ % world.ProfileIds.Length];
        var page = world.Recommender.ComposeHomePage(new HomePageRequest(profile, DeviceType.Desktop, [], next));
        var x = context.For(world.Recommender.GetTaste(profile), DeviceType.Desktop);
        var shown = 0;
        foreach (var id in page.Rows.SelectMany(r => r.Items).Select(i => i.TitleId).Distinct())
        {
            if (variants.TryGetValue(id, out var candidates))
            {
                shown += ArtworkPicker.Pick(bandit, x, candidates, 0.1, profile, id, next).Theme.Length;
            }
        }

        return shown;
    }
}
