using System.Globalization;
using Spectre.Console;
using StreamingDemo.Data;
using StreamingDemo.Data.Seeding;

namespace StreamingDemo.Cli.Commands;

/// <summary>`seed --preset demo|large --seed N --db PATH`: the same seeding the web app's first run does.</summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args, ["--preset", "--seed", "--db", "--compare-writes"]);
        var presetName = options.Get("--preset") ?? SeedPresets.Demo.Name;
        if (!SeedPresets.TryGet(presetName, out var preset))
        {
            throw new CommandLineException($"Unknown preset '{presetName}'. Use one of: {string.Join(", ", SeedPresets.Names)}.");
        }

        var seed = options.GetInt("--seed", 42);
        var path = Path.GetFullPath(options.Get("--db") ?? Path.Combine("data", $"{preset.Name}-{seed}.db"));

        SeedSummary summary = null!;
        var stages = new List<(string Stage, TimeSpan At)>();
        var clock = TimeProvider.System.GetTimestamp();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Seeding {preset.Name}", maxValue: 100);
                var progress = new SynchronousProgress<SeedProgress>(p =>
                {
                    if (stages.Count == 0 || stages[^1].Stage != p.Stage)
                    {
                        stages.Add((p.Stage, TimeProvider.System.GetElapsedTime(clock)));
                    }

                    task.Description = $"{preset.Name}: {p.Stage}";
                    task.Value = p.Percent;
                });
                // Built beside the target and moved into place only when complete, as the web app's first run does.
                summary = await DatabaseSeeder.SeedAsync(path, preset, seed, progress);
                task.Value = 100;
            });

        var table = new Table().AddColumns("what", "count");
        table.AddRow("titles", summary.Titles.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("profiles", summary.Profiles.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("viewing sessions", summary.Sessions.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("pause points", summary.PausePoints.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("thumbs", summary.Thumbs.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("influence edges", summary.InfluenceEdges.ToString("N0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        var timings = new Table().AddColumns("stage", "seconds");
        for (var i = 0; i < stages.Count - 1; i++)
        {
            timings.AddRow(stages[i].Stage, (stages[i + 1].At - stages[i].At).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(timings);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Seeded [bold]{path}[/] in [bold]{summary.Elapsed.TotalSeconds:0.0} s[/].");

        if (options.Has("--compare-writes"))
        {
            // The same sessions through EF Core and through the bulk writer, in this run, for docs/BENCHMARKS.md.
            var rows = options.GetInt("--compare-writes", 100_000);
            var rates = await WriteComparison.RunAsync(Path.GetDirectoryName(path)!, rows);
            var comparison = new Table().AddColumns("writer", "rows", "seconds", "rows/s");
            foreach (var rate in rates)
            {
                comparison.AddRow(rate.Writer, rate.Rows.ToString("N0", CultureInfo.InvariantCulture),
                    rate.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture), rate.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(comparison);
        }

        return 0;
    }
}
