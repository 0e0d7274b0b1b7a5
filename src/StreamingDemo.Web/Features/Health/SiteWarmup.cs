using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Features.Health;

/// <summary>Whether the site has rendered its attendee pages once in this process (<see cref="SiteWarmup"/>).</summary>
public sealed class SiteWarmth
{
    private readonly TaskCompletionSource warm = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsWarm => warm.Task.IsCompleted;

    /// <summary>Completes once the warm-up has run (or given up).</summary>
    public Task WhenWarm => warm.Task;

    public void MarkWarm() => warm.TrySetResult();
}

/// <summary>
/// Once the first run is Ready, requests the pages an attendee's first visit opens (onboarding, a seeded profile's
/// home page, the catalogue, a title) from the site itself, so the first attendee does not pay the process's cold
/// start (EF query compilation, component activators, JIT: some 800 dynamic methods). <c>/health/ready</c> reports
/// Healthy only after it. Every request is a read: prerendering composes a preview of the home page, which commits
/// nothing (no visit counted, no impression logged).
/// </summary>
public sealed class SiteWarmup(IFirstRunStatus firstRun, IServer server, IDbContextFactory<StreamingDbContext> contexts, SiteWarmth warmth, ILogger<SiteWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(FirstRunProgress progress)
        {
            if (progress.IsReady)
            {
                ready.TrySetResult();
            }
        }

        firstRun.Changed += OnChanged;
        try
        {
            OnChanged(firstRun.Current);
            await ready.Task.WaitAsync(stoppingToken);
            await WarmAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down first.
        }
        catch (Exception error) when (error is HttpRequestException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogWarning(error, "The site could not warm itself up; the first visits pay the cold start");
        }
        finally
        {
            firstRun.Changed -= OnChanged;
            warmth.MarkWarm();
        }
    }

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        int? profile;
        List<int> titles;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            profile = await db.Profiles.AsNoTracking().Where(p => !p.IsKids).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            // A film and a series: their title pages read different things (a series its episodes).
            titles = [.. await db.Titles.AsNoTracking().Where(t => !t.IsKids && t.Kind == TitleKind.Movie).OrderBy(t => t.Id).Select(t => t.Id).Take(1).ToListAsync(cancellationToken),
                .. await db.Titles.AsNoTracking().Where(t => !t.IsKids && t.Kind == TitleKind.Series).OrderBy(t => t.Id).Select(t => t.Id).Take(1).ToListAsync(cancellationToken)];
        }

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = SelfAddress(), Timeout = TimeSpan.FromMinutes(2) };
        var cookie = profile is int id ? $"{ChosenProfile.CookieName}={id}" : null;
        string[] paths = ["/profiles/new", "/", "/browse", "/browse?device=phone", "/catalog", "/catalog?page=2", .. titles.Select(t => $"/title/{t}")];
        foreach (var path in paths)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        logger.LogInformation("Warmed up {Count} pages", paths.Length);
    }

    /// <summary>The site's own address on loopback (Kestrel listens on a wildcard or a concrete host).</summary>
    private Uri SelfAddress()
    {
        var addresses = Addresses(server);
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server reports no address to warm up on.");
        var uri = new Uri(address.Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
        return new UriBuilder(uri) { Path = "/" }.Uri;
    }

    /// <summary>The addresses the server listens on; none for an in-memory test server, which has nothing to warm.</summary>
    public static IReadOnlyCollection<string> Addresses(IServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.Features.Get<IServerAddressesFeature>()?.Addresses is { } addresses ? [.. addresses] : [];
    }
}
