using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamingDemo.Domain;
using StreamingDemo.Recommender;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Cli.Commands;

/// <summary>
/// `home --db PATH --profile ID [--device desktop|tv|tablet|phone] [--visit N]`: the recommendation rows the site composes for
/// a profile, as JSON, from the model the site would serve (the saved one in the model directory, or trained and saved like a
/// first run). Continue Watching comes from the site's viewing store and is not part of it. Two runs on one store print the same page.
/// </summary>
public static class HomeCommand
{
    public static Command Create()
    {
        var dbOption = CommandLine.ExistingFile("--db", "The store whose model serves the page");
        var profileOption = new Option<int>("--profile") { Description = "The profile whose page is composed", Required = true, HelpName = "ID" };
        var deviceOption = new Option<DeviceType>("--device") { Description = "The device the page is composed for", DefaultValueFactory = _ => DeviceType.Desktop };
        var visitOption = new Option<int>("--visit") { Description = "The visit number (re-permutation between visits)", HelpName = "N" };
        var command = new Command("home", "Print a profile's home page rows as JSON, from the model the site would serve")
        {
            dbOption, profileOption, deviceOption, visitOption,
        };
        return command.WithAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(dbOption)!.FullName, parse.GetValue(profileOption), parse.GetValue(deviceOption), parse.GetValue(visitOption), cancellationToken));
    }

    private static async Task<int> RunAsync(string path, int profileId, DeviceType device, int visit, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.ForExistingStoreAsync(path, cancellationToken);
        var snapshot = await services.GetRequiredService<IInteractionSource>().LoadSnapshotAsync(cancellationToken);
        if (!snapshot.Profiles.Any(p => p.Id == profileId))
        {
            throw new CommandLineException($"No profile {profileId} in {path}; home needs --profile ID of an existing profile.");
        }

        var options = services.GetRequiredService<IOptions<RecommenderOptions>>().Value;
        var recommender = ModelTraining.LoadOrTrain(snapshot, options, services.GetRequiredService<ModelStore>(), out var loaded);
        var page = recommender.ComposeHomePage(new HomePageRequest(profileId, device, [], visit));
        var json = new JsonObject
        {
            ["profile"] = page.ProfileId,
            ["device"] = page.Device.ToString().ToLowerInvariant(),
            ["visit"] = visit,
            ["model"] = recommender.Status.ModelVersion,
            ["modelSource"] = loaded ? "loaded" : "trained",
            ["rows"] = new JsonArray([.. page.Rows.Select(row => (JsonNode)new JsonObject
            {
                ["key"] = row.Key,
                ["title"] = row.Title,
                ["items"] = new JsonArray([.. row.Items.Select(item => (JsonNode)new JsonObject
                {
                    ["titleId"] = item.TitleId,
                    ["match"] = Math.Round(item.Match, 6),
                    ["shown"] = item.ShownMatchPercent is int shown ? shown.ToString(CultureInfo.InvariantCulture) + "%" : item.Explanation.IsExploration ? "Explore" : null,
                })]),
            })]),
        };
        Console.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
