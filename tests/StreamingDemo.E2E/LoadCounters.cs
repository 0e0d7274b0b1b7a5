using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.ExceptionServices;

namespace StreamingDemo.E2E;

/// <summary>
/// What the process did during a load window, from counters that other load on the machine does not distort much:
/// garbage collections and their pause time, thread-pool threads and queue, lock contentions, first-chance exceptions,
/// dynamic methods compiled, and the scheduling lag of a 50 ms timer (how late a pool work item runs: a process-wide
/// pause, such as a blocking GC or a starved pool, shows as one late tick).
/// </summary>
public sealed class LoadCounters : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan pause = GC.GetTotalPauseDuration();
    private readonly long contentions = Monitor.LockContentionCount;
    private readonly int threads = ThreadPool.ThreadCount;
    private readonly DynamicMethodListener dynamicMethods = new();
    private readonly GcPauseListener gcPauses = new();
    private readonly List<double> lags = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly Task sampler;
    private long exceptions;
    private int maxThreads;
    private long maxQueue;
    private string? report;

    public LoadCounters()
    {
        AppDomain.CurrentDomain.FirstChanceException += Count;
        sampler = Task.Run(SampleAsync);
    }

    private void Count(object? sender, FirstChanceExceptionEventArgs e) => Interlocked.Increment(ref exceptions);

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await Task.Delay(Tick, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lags.Add((Stopwatch.GetElapsedTime(started) - Tick).TotalMilliseconds);
            maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount);
            maxQueue = Math.Max(maxQueue, ThreadPool.PendingWorkItemCount);
        }
    }

    /// <summary>Ends the window and describes it (Markdown lines).</summary>
    public async Task<string> StopAsync()
    {
        if (report is not null)
        {
            return report;
        }

        wall.Stop();
        await stop.CancelAsync();
        await sampler;
        AppDomain.CurrentDomain.FirstChanceException -= Count;
        dynamicMethods.Dispose();
        gcPauses.Dispose();
        var longest = gcPauses.Pauses.OrderByDescending(p => p.Ms).Take(3).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Ms:0} ms ({p.Collection})"));
        var overTick = gcPauses.Pauses.Count(p => p.Ms > 50);
        var paused = GC.GetTotalPauseDuration() - pause;
        var sorted = lags.Order().ToArray();
        double Lag(double percent) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        var compiled = dynamicMethods.Compiled.ToArray();
        var kinds = compiled.GroupBy(name => name.Split("::")[^1].Split('_', '`')[0]).OrderByDescending(g => g.Count()).Take(4).Select(g => $"{g.Key} {g.Count()}");
        var invariant = CultureInfo.InvariantCulture;
        report = string.Join(Environment.NewLine,
            string.Create(invariant, $"GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}; collections gen0 {GC.CollectionCount(0) - collections[0]}, gen1 {GC.CollectionCount(1) - collections[1]}, gen2 {GC.CollectionCount(2) - collections[2]}; paused {paused.TotalSeconds:0.00} s of {wall.Elapsed.TotalSeconds:0.0} s ({paused / wall.Elapsed:P1}); longest pauses {string.Join(", ", longest)}; {overTick} of {gcPauses.Pauses.Count} pauses over 50 ms"),
            string.Create(invariant, $"thread pool: {threads} threads at the start, at most {maxThreads}, at most {maxQueue} queued work items; lock contentions {Monitor.LockContentionCount - contentions}; first-chance exceptions {Interlocked.Read(ref exceptions)}"),
            string.Create(invariant, $"dynamic methods compiled: {compiled.Length}{(compiled.Length == 0 ? string.Empty : " (" + string.Join(", ", kinds) + ")")}"),
            string.Create(invariant, $"scheduling lag of a {Tick.TotalMilliseconds:0} ms timer ({sorted.Length} ticks): p50 {Lag(50):0}, p95 {Lag(95):0}, p99 {Lag(99):0}, max {(sorted.Length == 0 ? 0 : sorted[^1]):0} ms"));
        return report;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }
}
