using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Web.Features.Presenter;

namespace StreamingDemo.Web.Tests;

/// <summary>
/// The server is killed (SIGKILL, no clean shutdown) at a random point of seeding, training or a reset, then started
/// again on the same folder: the next start ends with a whole store and a live model, never half of one.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const string Key = "crash-test-presenter-key";

    // The small preset, seed 42: what a whole store holds.
    private const int Titles = 200;
    private const int Profiles = 1000;
    private const int Sessions = 47454;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "streamingdemo-crash-" + Guid.NewGuid().ToString("N"));
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(folder, "streaming.db");

    [Theory]
    [InlineData("Seeding", 1)]
    [InlineData("Seeding", 2)]
    [InlineData("Training", 3)]
    public async Task KillingTheServerDuringTheFirstRunLeavesNothingHalfDone(string stage, int randomSeed)
    {
        var random = new Random(randomSeed);
        using (var first = await ServerProcess.StartAsync(folder, Key))
        {
            await first.WaitForStageAsync(stage);
            await Task.Delay(random.Next(0, 1500), Cancel);
            first.Kill();
        }

        await AssertTheNextStartIsWholeAsync();
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task KillingTheServerDuringAResetLeavesNothingHalfDone(int randomSeed)
    {
        var random = new Random(randomSeed);
        using (var first = await ServerProcess.StartAsync(folder, Key))
        {
            await first.WaitForStageAsync("Ready");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/reset");
            request.Headers.Add(PresenterPolicy.HeaderName, Key);
            var reset = first.Client.SendAsync(request, Cancel);
            await Task.Delay(random.Next(100, 2500), Cancel);
            first.Kill();
            await Assert.ThrowsAnyAsync<Exception>(async () => (await reset).EnsureSuccessStatusCode());
        }

        await AssertTheNextStartIsWholeAsync();
    }

    private async Task AssertTheNextStartIsWholeAsync()
    {
        using var second = await ServerProcess.StartAsync(folder, Key);
        await second.WaitForStageAsync("Ready");

        Assert.True(await StoreFiles.IsCompleteAsync(DatabasePath, Cancel));
        Assert.False(File.Exists(DatabasePath + ".partial"));
        Assert.Equal((Titles, Profiles, Sessions), await CountsAsync());
        using var ready = await second.Client.GetAsync("/health/ready", Cancel);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private async Task<(long, long, long)> CountsAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Titles), (SELECT COUNT(*) FROM Profiles), (SELECT COUNT(*) FROM ViewingSessions)";
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        await reader.ReadAsync(Cancel);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>The real web app as a child process on a free port, with its store in <c>folder</c>.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process process;

        private ServerProcess(Process process, Uri address)
        {
            this.process = process;
            Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(3) };
        }

        public HttpClient Client { get; }

        public static Task<ServerProcess> StartAsync(string folder, string key)
        {
            var port = FreePort();
            var webProject = Path.Combine(ProductionDefaultsTests.RepositoryRoot(), "src", "StreamingDemo.Web");
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "StreamingDemo.Web.dll");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = webProject,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                dll, "--urls", $"http://127.0.0.1:{port}", "--Store:DatabasePath", Path.Combine(folder, "streaming.db"),
                "--Store:Preset", "small", "--Presenter:Key", key, "--Logging:LogLevel:Default", "Warning",
            })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return Task.FromResult(new ServerProcess(process, new Uri($"http://127.0.0.1:{port}")));
        }

        /// <summary>Polls /health/ready until the first run reports <paramref name="stage"/> (or later, for Ready).</summary>
        public async Task WaitForStageAsync(string stage)
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(process.HasExited, "the server exited");
                try
                {
                    using var response = await Client.GetAsync("/health/ready", Cancel);
                    using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
                    var current = report.RootElement.GetProperty("checks").GetProperty("store").GetProperty("data").GetProperty("stage").GetString();
                    var ready = report.RootElement.GetProperty("status").GetString() == "Healthy";
                    if (current == stage && (stage != "Ready" || ready))
                    {
                        return;
                    }

                    Assert.False(stage == "Seeding" && current is "Training" or "Ready", $"missed the {stage} stage (now {current})");
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(25, Cancel);
            }

            Assert.Fail($"the server never reached {stage}");
        }

        public void Kill()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                Kill();
            }

            process.Dispose();
            Client.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
