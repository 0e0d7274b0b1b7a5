using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using StreamingDemo.Data;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain;
using StreamingDemo.Recommender;
using StreamingDemo.Recommender.Evaluation;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Cli.Commands;

/// <summary>`evaluate [--db PATH | --preset demo --seed N] [--protocol random-80-20|leave-last-out] [--json]`.</summary>
public static class EvaluateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args, ["--db", "--preset", "--seed", "--protocol"], ["--json"]);
        var json = options.Has("--json");
        var protocol = (options.Get("--protocol") ?? "random-80-20") switch
        {
            "random-80-20" => EvaluationProtocol.Random8020,
            "leave-last-out" => EvaluationProtocol.LeaveLastOut,
            var other => throw new CommandLineException($"Unknown protocol '{other}'. Use random-80-20 or leave-last-out."),
        };

        var (path, dataset) = await ResolveStoreAsync(options, json);
        var store = new StoreLocation(path);
        var snapshot = await new SqliteInteractionSource(store).LoadSnapshotAsync();
        var truth = await new SqliteGroundTruthSource(store).LoadAsync();
        // The same "Recommender" options the web app binds; environment variables (Recommender__Factors=64) override them.
        var recommender = new RecommenderOptions { Seed = options.GetInt("--seed", 42) };
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(RecommenderOptions.SectionName).Bind(recommender);

        EvaluationReport report = null!;
        if (json)
        {
            report = OfflineEvaluator.Evaluate(snapshot, truth, dataset, protocol, recommender);
            Console.WriteLine(ToJson(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(context =>
            {
                var task = context.AddTask("Evaluating", maxValue: 100);
                var progress = new SynchronousProgress<TrainingProgress>(p =>
                {
                    task.Description = p.Stage;
                    task.Value = p.Fraction * 100;
                });
                report = OfflineEvaluator.Evaluate(snapshot, truth, dataset, protocol, recommender, progress);
                task.Value = 100;
                return Task.CompletedTask;
            });

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]{report.Dataset}[/], protocol [bold]{report.Protocol}[/], system trained in {report.TrainingTime.TotalSeconds:0.0} s");
        Write("Held-out profiles", report.Models);
        Write("Cold start (three picks, no retraining)", report.ColdStart);
        var reliability = new Table().Title("Match % reliability").AddColumns("bin", "count", "predicted", "observed");
        foreach (var bin in report.Calibration.Reliability)
        {
            reliability.AddRow(Invariant($"{bin.From:0.0}–{bin.To:0.0}"), Invariant($"{bin.Count:N0}"), Invariant($"{bin.Predicted:0.000}"), Invariant($"{bin.Observed:0.000}"));
        }

        AnsiConsole.Write(reliability);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Expected calibration error: [bold]{report.Calibration.Ece:0.0000}[/]");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Communities: {report.Communities.Learned} learned, {report.Communities.Planted?.ToString(CultureInfo.InvariantCulture) ?? "no"} planted; ARI [bold]{(report.Communities.Ari is { } ari ? ari.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")}[/]");
        return 0;
    }

    private static async Task<(string Path, string Dataset)> ResolveStoreAsync(CommandLine options, bool quiet)
    {
        if (options.Get("--db") is { } db)
        {
            var full = Path.GetFullPath(db);
            return File.Exists(full) ? (full, Path.GetFileName(full)) : throw new CommandLineException($"No database at {full}.");
        }

        var presetName = options.Get("--preset") ?? SeedPresets.Demo.Name;
        if (!SeedPresets.TryGet(presetName, out var preset))
        {
            throw new CommandLineException($"Unknown preset '{presetName}'. Use one of: {string.Join(", ", SeedPresets.Names)}.");
        }

        var seed = options.GetInt("--seed", 42);
        var path = Path.GetFullPath(Path.Combine("data", $"{preset.Name}-{seed}.db"));
        if (!await IsCompleteAsync(path))
        {
            if (!quiet)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Seeding {preset.Name} (seed {seed}) into {path}…");
            }

            await DatabaseSeeder.SeedAsync(path, preset, seed);
        }

        return (path, $"{preset.Name} (seed {seed})");
    }

    private static async Task<bool> IsCompleteAsync(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new StoreLocation(path).ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Meta WHERE Key = 'seed.completed'";
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }

    private static void Write(string title, IReadOnlyList<ModelMetrics> models)
    {
        var table = new Table().Title(title).AddColumn(new TableColumn("model").NoWrap())
            .AddColumns("R@10", "R@20", "NDCG@10", "HR@10", "cov", "n");
        foreach (var m in models)
        {
            table.AddRow(m.Name, Invariant($"{m.RecallAt10:0.0000}"), Invariant($"{m.RecallAt20:0.0000}"), Invariant($"{m.NdcgAt10:0.0000}"),
                Invariant($"{m.HitRateAt10:0.000}"), Invariant($"{m.Coverage:0.000}"), Invariant($"{m.Profiles:N0}"));
        }

        AnsiConsole.Write(table);
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonObject ToJson(EvaluationReport report)
    {
        static JsonArray Models(IEnumerable<ModelMetrics> models) =>
        [
            .. models.Select(m => (JsonNode)new JsonObject
            {
                ["name"] = m.Name,
                ["recall@10"] = Round(m.RecallAt10),
                ["recall@20"] = Round(m.RecallAt20),
                ["ndcg@10"] = Round(m.NdcgAt10),
                ["hr@10"] = Round(m.HitRateAt10),
                ["coverage"] = Round(m.Coverage),
                ["profiles"] = m.Profiles,
            }),
        ];

        return new JsonObject
        {
            ["dataset"] = report.Dataset,
            ["protocol"] = report.Protocol,
            ["models"] = Models(report.Models),
            ["coldStart"] = Models(report.ColdStart),
            ["calibration"] = new JsonObject
            {
                ["ece"] = Round(report.Calibration.Ece),
                ["reliability"] = new JsonArray([.. report.Calibration.Reliability.Select(b => (JsonNode)new JsonObject
                {
                    ["from"] = b.From,
                    ["to"] = b.To,
                    ["count"] = b.Count,
                    ["predicted"] = Round(b.Predicted),
                    ["observed"] = Round(b.Observed),
                })]),
            },
            ["communities"] = new JsonObject
            {
                ["ari"] = report.Communities.Ari is { } ari ? Round(ari) : null,
                ["learned"] = report.Communities.Learned,
                ["planted"] = report.Communities.Planted,
            },
        };
    }

    private static double Round(double value) => Math.Round(value, 6);
}
