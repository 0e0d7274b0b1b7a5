using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Domain;

namespace StreamingDemo.E2E;

/// <summary>
/// The real site on a real Kestrel port, with its own store in a temp folder seeded from a preset (small by default).
/// <paramref name="configureServices"/> lets a test swap a service (e.g. a scripted first-run status); a benchmark can point
/// <paramref name="databasePath"/> at a store seeded beforehand (it is used as it is, not deleted).
/// </summary>
public sealed class StreamingApp(Action<IServiceCollection>? configureServices = null, string preset = "small", string? databasePath = null) : WebApplicationFactory<Program>
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "streamingdemo-e2e-" + Guid.NewGuid().ToString("N"));

    /// <summary>The presenter key the test site is configured with (API calls send it as X-Presenter-Key).</summary>
    public const string PresenterKey = "e2e-presenter-key-for-tests";

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The status the store initializer reports to; completes its store-ready task when seeding is done.</summary>
    public FirstRunStatus FirstRun => Services.GetRequiredService<FirstRunStatus>();

    /// <summary>Completes when the first run reports Ready (store seeded and recommender trained); fails on Failed.</summary>
    public async Task WhenSiteReadyAsync()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(FirstRunProgress progress)
        {
            if (progress.IsReady)
            {
                ready.TrySetResult();
            }
            else if (progress.Stage == FirstRunStage.Failed)
            {
                ready.TrySetException(new InvalidOperationException("First run failed: " + progress.Message));
            }
        }

        FirstRun.Changed += Check;
        try
        {
            Check(FirstRun.Current);
            await ready.Task;
        }
        finally
        {
            FirstRun.Changed -= Check;
        }
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200: seeded, trained and warmed up (what a load balancer waits for).</summary>
    public async Task WhenHealthyAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        while (true)
        {
            using var response = await http.GetAsync(new Uri(BaseAddress, "/health/ready"));
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    public void Start()
    {
        Directory.CreateDirectory(directory);
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:DatabasePath", databasePath ?? Path.Combine(directory, "streaming.db"));
        builder.UseSetting("Store:Preset", preset);
        builder.UseSetting("Presenter:Key", PresenterKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Warning");
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
