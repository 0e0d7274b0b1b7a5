using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Recommender;
using StreamingDemo.Recommender.Serving;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Cli.Commands;

/// <summary>
/// `home --db PATH --profile ID [--device desktop|tv|tablet|phone] [--visit N]`: the recommendation rows the site composes for
/// a profile, as JSON, from the model the site would serve (the saved one in models/, or trained and saved like a first run).
/// Continue Watching comes from the site's viewing store and is not part of it. Two runs on one store print the same page.
/// </summary>
public static class HomeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args, ["--db", "--profile", "--device", "--visit"]);
        var path = Path.GetFullPath(options.Get("--db") ?? throw new CommandLineException("home needs --db PATH."));
        if (!File.Exists(path))
        {
            throw new CommandLineException($"No database at {path}.");
        }

        var profileId = options.GetInt("--profile", -1);
        var device = options.Get("--device") ?? "desktop";
        if (!Enum.TryParse<DeviceType>(device, ignoreCase: true, out var deviceType) || !Enum.IsDefined(deviceType))
        {
            throw new CommandLineException($"Unknown device '{device}'. Use desktop, tv, tablet or phone.");
        }

        var visit = options.GetInt("--visit", 0);
        var snapshot = await new SqliteInteractionSource(new StoreLocation(path)).LoadSnapshotAsync();
        if (!snapshot.Profiles.Any(p => p.Id == profileId))
        {
            throw new CommandLineException($"No profile {profileId} in {path}; home needs --profile ID of an existing profile.");
        }

        var recommenderOptions = new RecommenderOptions();
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(RecommenderOptions.SectionName).Bind(recommenderOptions);
        var store = new ModelStore(recommenderOptions.ModelDirectory is { Length: > 0 } directory ? directory : Path.Combine(Path.GetDirectoryName(path)!, "models"),
            NullLogger<ModelStore>.Instance);
        var recommender = ModelTraining.LoadOrTrain(snapshot, recommenderOptions, store, out var loaded);
        var page = recommender.ComposeHomePage(new HomePageRequest(profileId, deviceType, [], visit));
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
