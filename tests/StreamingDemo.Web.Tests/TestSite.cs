using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Tests;

/// <summary>
/// The whole app in memory (TestServer), with its store folder in a temp directory. By default nothing is seeded, for
/// tests of the HTTP surface that need no catalogue (the layout is told the site is ready, so pages render); with
/// <paramref name="seeded"/> the first run seeds the small preset and trains, as a real start does.
/// <paramref name="settings"/> overrides any setting.
/// Every log line is kept in <see cref="Logs"/>.
/// </summary>
public sealed partial class TestSite(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, bool seeded = false)
    : WebApplicationFactory<Program>
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "streamingdemo-site-tests-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Directory, "streaming.db");

    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        System.IO.Directory.CreateDirectory(Directory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Store:DatabasePath", DatabasePath);
        builder.UseSetting("Store:Preset", "small");
        builder.UseSetting("Store:SeedOnStart", seeded ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Logs)));
        builder.ConfigureTestServices(services =>
        {
            if (!seeded)
            {
                var ready = new FirstRunStatus();
                ready.Report(FirstRunStage.Ready, "Ready", 100);
                services.AddSingleton<IFirstRunStatus>(ready);
            }

            configureServices?.Invoke(services);
        });
    }

    /// <summary>Completes when the first run reports Ready (store seeded, recommender trained); fails on Failed.</summary>
    public async Task WhenReadyAsync()
    {
        var status = Services.GetRequiredService<FirstRunStatus>();
        while (!status.Current.IsReady)
        {
            if (status.Current.Stage == FirstRunStage.Failed)
            {
                throw new InvalidOperationException("First run failed: " + status.Current.Message);
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each response.</summary>
    public HttpClient NewBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Reads the antiforgery token a page rendered into its form.</summary>
    public static async Task<string> ReadAntiforgeryTokenAsync(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page, TestContext.Current.CancellationToken);
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, $"{page} renders no antiforgery token");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
