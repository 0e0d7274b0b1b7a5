using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
    private static readonly Dictionary<string, EvaluationProtocol> Protocols = new(StringComparer.Ordinal)
    {
        ["random-80-20"] = EvaluationProtocol.Random8020,
        ["leave-last-out"] = EvaluationProtocol.LeaveLastOut,
    };

    public static Command Create()
    {
        var dbOption = new Option<FileInfo>("--db") { Description = "Evaluate this store (else the preset's, seeded when missing)", HelpName = "PATH" };
        dbOption.AcceptExistingOnly();
        var presetOption = new Option<string>("--preset") { Description = "Preset to seed and evaluate when no --db is given", DefaultValueFactory = _ => SeedPresets.Demo.Name };
        presetOption.AcceptOnlyFromAmong([.. SeedPresets.Names]);
        var seedOption = new Option<int>("--seed") { Description = "Seed of the preset and of training", DefaultValueFactory = _ => 42, HelpName = "N" };
        var protocolOption = new Option<string>("--protocol") { Description = "How interactions are held out", DefaultValueFactory = _ => "random-80-20" };
        protocolOption.AcceptOnlyFromAmong([.. Protocols.Keys]);
        var jsonOption = new Option<bool>("--json") { Description = "Print the report as JSON, without progress" };
        var command = new Command("evaluate", "Measure the recommender offline against baselines and the planted truth")
        {
            dbOption, presetOption, seedOption, protocolOption, jsonOption,
        };
        return command.WithAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(dbOption)?.FullName, SeedPresets.Get(parse.GetValue(presetOption)!), parse.GetValue(seedOption),
            Protocols[parse.GetValue(protocolOption)!], parse.GetValue(jsonOption), cancellationToken));
    }

    private static async Task<int> RunAsync(string? db, SeedPreset preset, int seed, EvaluationProtocol protocol, bool json, CancellationToken cancellationToken)
    {
        var (path, dataset) = db is not null ? (db, Path.GetFileName(db)) : await SeedPresetAsync(preset, seed, json, cancellationToken);
        // The site's own composition and "Recommender" options; environment variables (Recommender__Factors=64) set them, --seed the training seed.
        await using var services = await CliServices.ForExistingStoreAsync(path, cancellationToken, (RecommenderOptions.SectionName + ":" + nameof(RecommenderOptions.Seed), seed.ToString(CultureInfo.InvariantCulture)));
        var snapshot = await services.GetRequiredService<IInteractionSource>().LoadSnapshotAsync(cancellationToken);
        var truth = await new SqliteGroundTruthSource(services.GetRequiredService<StoreLocation>()).LoadAsync(cancellationToken);
        var recommender = services.GetRequiredService<IOptions<RecommenderOptions>>().Value;
        var artworkLog = await SqliteArtworkVariants.LoadImpressionsAsync(services.GetRequiredService<StoreLocation>(), cancellationToken);

        EvaluationReport report = null!;
        if (json)
        {
            report = OfflineEvaluator.Evaluate(snapshot, truth, dataset, protocol, recommender, ct: cancellationToken, artworkLog: artworkLog);
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
                report = OfflineEvaluator.Evaluate(snapshot, truth, dataset, protocol, recommender, progress, artworkLog, cancellationToken);
                task.Value = 100;
                return Task.CompletedTask;
            });

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]{report.Dataset}[/], protocol [bold]{report.Protocol}[/], system trained in {report.TrainingTime.TotalSeconds:0.0} s");
        Write("Held-out profiles", report.Models);
        Write("Cold start (three picks, no retraining)", report.ColdStart);
        WriteCalibration("Match % reliability, every scored candidate the profile went on to start", report.Calibration);
        if (report.PlacedCalibration is { } placed)
        {
            WriteCalibration(Invariant($"Match % reliability, cards placed on home pages ({report.PlacedCards:N0} placed)"), placed);
        }

        if (report.NewcomerCalibration is { } newcomers)
        {
            WriteCalibration("Match % reliability, newcomers' home pages (three picks, then fold-in)", newcomers);
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Communities: {report.Communities.Learned} learned, {report.Communities.Planted?.ToString(CultureInfo.InvariantCulture) ?? "no"} planted; ARI [bold]{(report.Communities.Ari is { } ari ? ari.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")}[/]{(report.Communities.PlantedReadingAri is { } reading ? $" (the planted communities read off the same titles: {reading.ToString("0.000", CultureInfo.InvariantCulture)})" : "")}");
        if (report.Artwork is { } artwork)
        {
            var table = new Table().Title(Invariant($"Artwork replay, {artwork.LoggedImpressions:N0} logged impressions ({artwork.LiveImpressions:N0} live), {artwork.ExplorationShare:P0} explored")).AddColumns("policy", "take fraction", "matched impressions");
            foreach (var p in artwork.Policies)
            {
                table.AddRow(p.Name, p.TakeFraction.ToString("0.0000", CultureInfo.InvariantCulture), p.Impressions.ToString("N0", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
        }

        return 0;
    }

    private static async Task<(string Path, string Dataset)> SeedPresetAsync(SeedPreset preset, int seed, bool quiet, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine("data", $"{preset.Name}-{seed}.db"));
        if (!await StoreFiles.IsCompleteAsync(path, cancellationToken))
        {
            if (!quiet)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Seeding {preset.Name} (seed {seed}) into {path}…");
            }

            await DatabaseSeeder.SeedAsync(path, preset, seed, cancellationToken: cancellationToken);
        }

        return (path, $"{preset.Name} (seed {seed})");
    }

    private static void WriteCalibration(string title, CalibrationReport report)
    {
        var table = new Table().Title(title).AddColumns("bin", "count", "predicted", "observed");
        foreach (var bin in report.Reliability)
        {
            table.AddRow(Invariant($"{bin.From:0.0}–{bin.To:0.0}"), Invariant($"{bin.Count:N0}"), Invariant($"{bin.Predicted:0.000}"), Invariant($"{bin.Observed:0.000}"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"{report.Count:N0} outcomes; expected calibration error [bold]{report.Ece:0.0000}[/]; largest gap in a bin with ≥ 1 % of them [bold]{report.LargestGap:0.000}[/]");
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
            ["calibration"] = Calibration(report.Calibration),
            ["placedCalibration"] = report.PlacedCalibration is { } placed ? Calibration(placed, report.PlacedCards) : null,
            ["newcomerCalibration"] = report.NewcomerCalibration is { } newcomers ? Calibration(newcomers) : null,
            ["communities"] = new JsonObject
            {
                ["ari"] = report.Communities.Ari is { } ari ? Round(ari) : null,
                ["learned"] = report.Communities.Learned,
                ["planted"] = report.Communities.Planted,
                ["plantedReadingAri"] = report.Communities.PlantedReadingAri is { } reading ? Round(reading) : null,
            },
            ["artwork"] = report.Artwork is { } artwork ? new JsonObject
            {
                ["policies"] = new JsonArray([.. artwork.Policies.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["takeFraction"] = Round(p.TakeFraction),
                    ["impressions"] = p.Impressions,
                })]),
                ["explorationShare"] = Round(artwork.ExplorationShare),
                ["loggedImpressions"] = artwork.LoggedImpressions,
                ["liveImpressions"] = artwork.LiveImpressions,
                ["liveExploredImpressions"] = artwork.LiveExploredImpressions,
                ["themes"] = new JsonArray([.. artwork.Themes.Select(t => (JsonNode)new JsonObject
                {
                    ["theme"] = t.Theme,
                    ["exploredShare"] = Round(t.ExploredShare),
                    ["takeFraction"] = Round(t.TakeFraction),
                    ["learnedShare"] = Round(t.LearnedShare),
                })]),
            } : null,
        };
    }

    /// <summary>The reliability table, ECE and the largest gap in a bin holding ≥ 1 % of the pairs (`outcomes` = pairs with an outcome).</summary>
    private static JsonObject Calibration(CalibrationReport report, int? placedCards = null)
    {
        var json = new JsonObject
        {
            ["ece"] = Round(report.Ece),
            ["reliability"] = new JsonArray([.. report.Reliability.Select(b => (JsonNode)new JsonObject
            {
                ["from"] = b.From,
                ["to"] = b.To,
                ["count"] = b.Count,
                ["predicted"] = Round(b.Predicted),
                ["observed"] = Round(b.Observed),
            })]),
            ["outcomes"] = report.Count,
            ["largestGap"] = Round(report.LargestGap),
        };
        if (placedCards is { } cards)
        {
            json["placedCards"] = cards;
        }

        return json;
    }

    private static double Round(double value) => Math.Round(value, 6);
}
