using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using StreamingDemo.Domain;
using StreamingDemo.Recommender;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Cli.Commands;

/// <summary>
/// `train --db PATH`: trains the recommender as the web app would, with the same options and model directory
/// (models/ beside the database unless Recommender:ModelDirectory says otherwise), and saves it there.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var dbOption = CommandLine.ExistingFile("--db", "The store to train on");
        var command = new Command("train", "Train the recommender and save it where the site loads it from") { dbOption };
        return command.WithAction((parse, cancellationToken) => RunAsync(parse.GetValue(dbOption)!.FullName, cancellationToken));
    }

    private static async Task<int> RunAsync(string path, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.ForExistingStoreAsync(path, cancellationToken);
        var recommender = services.GetRequiredService<IOptions<RecommenderOptions>>().Value;
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        var snapshot = await services.GetRequiredService<IInteractionSource>().LoadSnapshotAsync(cancellationToken);
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
        var summary = ModelTraining.TrainAndSave(snapshot, recommender, services.GetRequiredService<ModelStore>(), progress, clock, cancellationToken);
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
