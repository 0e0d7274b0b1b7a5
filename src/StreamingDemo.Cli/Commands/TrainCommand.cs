using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using StreamingDemo.Data;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Recommender;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Cli.Commands;

/// <summary>`train --db PATH`: trains the recommender as the web app would and saves it in models/ next to the database.</summary>
public static class TrainCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args, ["--db"]);
        var path = Path.GetFullPath(options.Get("--db") ?? throw new CommandLineException("train needs --db PATH."));
        if (!File.Exists(path))
        {
            throw new CommandLineException($"No database at {path}.");
        }

        var recommender = new RecommenderOptions();
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(RecommenderOptions.SectionName).Bind(recommender);
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        var snapshot = await new SqliteInteractionSource(new StoreLocation(path)).LoadSnapshotAsync();
        var loaded = clock.GetElapsedTime(started);
        var stages = new List<(string Stage, TimeSpan At)>();
        var trainStart = clock.GetTimestamp();
        var progress = new SynchronousProgress<TrainingProgress>(p =>
        {
            if (stages.Count == 0 || stages[^1].Stage != p.Stage)
            {
                stages.Add((p.Stage, clock.GetElapsedTime(trainStart)));
            }
        });
        var store = new ModelStore(Path.Combine(Path.GetDirectoryName(path)!, "models"), NullLogger<ModelStore>.Instance);
        var summary = ModelTraining.TrainAndSave(snapshot, recommender, store, progress, clock);
        var trained = clock.GetElapsedTime(trainStart);

        var table = new Table().AddColumns("stage", "seconds");
        table.AddRow("read snapshot", Seconds(loaded));
        for (var i = 0; i < stages.Count - 1; i++)
        {
            table.AddRow(stages[i].Stage, Seconds(stages[i + 1].At - stages[i].At));
        }

        table.AddRow("[bold]training total[/]", Seconds(trained));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"{snapshot.Titles.Count:N0} titles, {snapshot.Profiles.Count:N0} profiles, {snapshot.Interactions.Count:N0} profile-title pairs, {summary.Communities} communities; saved {summary.ModelPath}");
        return 0;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
