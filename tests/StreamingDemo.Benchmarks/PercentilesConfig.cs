using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace StreamingDemo.Benchmarks;

/// <summary>
/// In-process (the large model trains once per process, ~70 s), with a generous per-benchmark timeout and a fixed,
/// modest iteration count: on a shared 2-core machine BenchmarkDotNet's adaptive stopping would run for a long time.
/// </summary>
internal sealed class PercentilesConfig : ManualConfig
{
    public PercentilesConfig()
    {
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(25));
        AddColumn(StatisticColumn.P95);
    }
}
