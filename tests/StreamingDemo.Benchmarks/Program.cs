using BenchmarkDotNet.Running;
using StreamingDemo.Benchmarks;

// `dotnet run -c Release --project tests/StreamingDemo.Benchmarks -- --filter *` runs BenchmarkDotNet;
// `-- latency` measures per-request latency percentiles over many profiles (BenchmarkDotNet reports means of batches).
if (args.Length > 0 && args[0] == "latency")
{
    return LatencyProbe.Run(args.Skip(1).ToArray());
}

// `-- layouts [sample] [seed]` prints the offline A/B figures of the built-in layouts (L3).
if (args.Length > 0 && args[0] == "layouts")
{
    return LayoutAbReport.Run(args.Skip(1).ToArray());
}

BenchmarkSwitcher.FromAssembly(typeof(RankingBenchmarks).Assembly).Run(args);
return 0;
