using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Recommender;

namespace StreamingDemo.Cli;

/// <summary>
/// The web app's composition for the CLI: the same <c>AddStreamingData</c> and <c>AddRecommender</c> (options bound from
/// the "Store" and "Recommender" sections and validated, the configured model directory), pointed at one store.
/// Environment variables configure it as they do the site (<c>Recommender__Factors=64</c>, <c>Recommender__ModelDirectory=…</c>);
/// what the command line says wins.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider For(string databasePath, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection([new(StoreOptions.SectionName + ":" + nameof(StoreOptions.DatabasePath), databasePath),
                .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddStreamingData(Directory.GetCurrentDirectory());
        services.AddRecommender(sp => sp.GetRequiredService<StoreLocation>().ModelDirectory);
        var provider = services.BuildServiceProvider();
        // As the web host does at start: every option set registered with ValidateOnStart, checked now.
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }
}
