using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Recommender.Artwork;

namespace StreamingDemo.Benchmarks;

/// <summary>
/// V10's cost on the home page: a whole desktop home page with every title's default artwork against the same page with
/// each title's variant picked by the warm-started bandit (the profile's taste and recent micro-genres read, its context
/// built, one LinUCB pick per distinct title), and that page as the site serves it since issue 12's logging: the
/// visible cards learned by the bandit (as before) and, in addition, appended to the impression log and written in
/// batches of 200 rows, one transaction each, into a copy of the store — in the same run.
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
    private DeviceLayout shape = null!;
    private string logStore = null!;
    private readonly List<LiveImpression> batch = [];
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
        shape = BuiltInLayouts.NetflixStyle.For(DeviceType.Desktop);
        // The logged pages write into a copy, never into the store the benchmarks read.
        logStore = Path.Combine(Path.GetTempPath(), $"artwork-bench-{Environment.ProcessId}.db");
        File.Copy(world.Store.DatabasePath, logStore, overwrite: true);
        logStore = new StoreLocation(logStore).ConnectionString;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(new SqliteConnectionStringBuilder(logStore).DataSource);
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

    [Benchmark(Description = "home page, personalized artwork, learned")]
    public int LearnedArtwork() => Serve(log: false);

    [Benchmark(Description = "home page, personalized artwork, learned and logged")]
    public int LoggedArtwork() => Serve(log: true);

    /// <summary>What the site does for a home page: pick each title's variant, learn the visible cards, and (since issue 12) log them.</summary>
    private int Serve(bool log)
    {
        var profile = world.ProfileIds[next++ % world.ProfileIds.Length];
        var page = world.Recommender.ComposeHomePage(new HomePageRequest(profile, DeviceType.Desktop, [], next));
        var x = context.For(world.Recommender.GetTaste(profile), DeviceType.Desktop);
        var picks = new Dictionary<int, ArtworkPick>();
        foreach (var id in page.Rows.SelectMany(r => r.Items).Select(i => i.TitleId).Distinct())
        {
            if (variants.TryGetValue(id, out var candidates))
            {
                picks[id] = ArtworkPicker.Pick(bandit, x, candidates, 0.1, profile, id, next);
            }
        }

        var visible = page.Rows.Take(shape.Rows).SelectMany(r => r.Items.Take(shape.CardsPerRow)).Select(i => i.TitleId).Distinct().Where(picks.ContainsKey).ToList();
        foreach (var id in visible)
        {
            bandit.Observe(x, picks[id].Theme, played: false);
        }

        if (log)
        {
            batch.AddRange(visible.Select(id => new LiveImpression(profile, id, DeviceType.Desktop, next, picks[id].Theme, picks[id].Explored, picks[id].Propensity)));
            if (batch.Count >= 200)
            {
                SqliteArtworkLog.AppendAsync(logStore, batch, []).GetAwaiter().GetResult();
                batch.Clear();
            }
        }

        return visible.Count;
    }
}
