using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StreamingDemo.Data;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain;

namespace StreamingDemo.Cli.Commands;

/// <summary>`seed --preset demo|large|small --seed N --db PATH [--compare-writes ROWS]`: the same seeding the web app's first run does.</summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var presetOption = new Option<string>("--preset") { Description = "Scale of the seeded world", DefaultValueFactory = _ => SeedPresets.Demo.Name };
        presetOption.AcceptOnlyFromAmong([.. SeedPresets.Names]);
        var seedOption = new Option<int>("--seed") { Description = "Seed of the generator: same seed, same store", DefaultValueFactory = _ => 42, HelpName = "N" };
        var dbOption = new Option<string>("--db") { Description = "Database file to create (default data/PRESET-SEED.db)", HelpName = "PATH" };
        var compareOption = new Option<int?>("--compare-writes")
        {
            Description = "Also time EF Core against the bulk writer on ROWS viewing sessions",
            HelpName = "ROWS",
        };
        compareOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--compare-writes needs at least 1 row.");
            }
        });
        var command = new Command("seed", "Create a deterministic store from a preset and a seed") { presetOption, seedOption, dbOption, compareOption };
        return command.WithAction((parse, cancellationToken) => RunAsync(
            SeedPresets.Get(parse.GetValue(presetOption)!), parse.GetValue(seedOption), parse.GetValue(dbOption), parse.GetValue(compareOption), cancellationToken));
    }

    private static async Task<int> RunAsync(SeedPreset preset, int seed, string? db, int? compareWrites, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(db ?? Path.Combine("data", $"{preset.Name}-{seed}.db"));

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
                summary = await DatabaseSeeder.SeedAsync(path, preset, seed, progress, cancellationToken);
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

        if (compareWrites is int rows)
        {
            // The same sessions through EF Core and through the bulk writer, in this run, for docs/BENCHMARKS.md.
            var rates = await WriteComparison.RunAsync(Path.GetDirectoryName(path)!, rows, cancellationToken);
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
