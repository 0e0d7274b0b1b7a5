using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Onboarding;
using StreamingDemo.Web.Features.Operations;
using StreamingDemo.Web.Features.Presenter;

namespace StreamingDemo.Web.Tests;

/// <summary>The presenter's reset, walked as a workshop: attendees change things, the presenter resets, the seeded demo is back.</summary>
public sealed class ResetTests
{
    private const string Key = SeededSite.PresenterKey;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(int Profiles, int Thumbs, int Sessions)> CountsAsync(TestSite site)
    {
        var contexts = site.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        return (await db.Profiles.CountAsync(Cancel), await db.Thumbs.CountAsync(Cancel), await db.ViewingSessions.CountAsync(Cancel));
    }

    private static async Task<int> OnboardAsync(TestSite site, string name)
    {
        var contexts = site.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var picks = await db.Titles.OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToListAsync(Cancel);
        return await site.Services.GetRequiredService<OnboardingService>().CreateAsync(new NewProfile(name, "fox", picks, [DeviceType.Phone]), Cancel);
    }

    private static HttpRequestMessage ResetRequest(string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/reset");
        if (key is not null)
        {
            request.Headers.Add(PresenterPolicy.HeaderName, key);
        }

        return request;
    }

    [Fact]
    public async Task WithoutThePresenterKeyTheResetEndpointAnswers401AndChangesNothing()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var site = seeded.Site;
        await OnboardAsync(site, "Attendee Ada");
        var before = await CountsAsync(site);
        using var browser = site.NewBrowser();

        using var anonymous = await browser.SendAsync(ResetRequest(null), Cancel);
        using var wrong = await browser.SendAsync(ResetRequest("workshop-key-for-test"), Cancel);
        using var twoKeys = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/reset");
        twoKeys.Headers.Add(PresenterPolicy.HeaderName, ["wrong-key-number-one", Key]);
        using var smuggled = await browser.SendAsync(twoKeys, Cancel);
        using var inTheUrl = await browser.PostAsync($"/api/v1/admin/reset?key={Key}", null, Cancel);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            new[] { anonymous.StatusCode, wrong.StatusCode, smuggled.StatusCode, inTheUrl.StatusCode });
        Assert.Equal(before, await CountsAsync(site));
    }

    [Fact]
    public async Task AResetRestoresTheSeededStoreAndItsModelWhileTheServerKeepsRunning()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var site = seeded.Site;
        var recommender = site.Services.GetRequiredService<IRecommender>();
        var pristine = await CountsAsync(site);
        var seededModel = recommender.Status.ModelVersion;
        var replaced = new List<string>();
        site.Services.GetRequiredService<StoreEvents>().Replaced += replaced.Add;
        var onboarding = site.Services.GetRequiredService<OnboardingService>();
        var offered = await onboarding.GetPickGroupsAsync(Cancel);
        Assert.Same(offered, await onboarding.GetPickGroupsAsync(Cancel));

        // Attendees onboard, thumb and watch.
        var ada = await OnboardAsync(site, "Attendee Ada");
        var feedback = site.Services.GetRequiredService<FeedbackService>();
        await feedback.ThumbAsync(1, 5, ThumbRating.Love, Cancel);
        await feedback.StartViewingAsync(1, 6, null, DeviceType.Tv, 0, Cancel);
        Assert.Equal((pristine.Profiles + 1, pristine.Sessions + 1), ((await CountsAsync(site)).Profiles, (await CountsAsync(site)).Sessions));

        using var browser = site.NewBrowser();
        using var response = await browser.SendAsync(ResetRequest(Key), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("small", body.RootElement.GetProperty("preset").GetString());
        Assert.Equal(pristine.Profiles, body.RootElement.GetProperty("profiles").GetInt32());
        Assert.Equal(pristine, await CountsAsync(site));
        Assert.Null(await site.Services.GetRequiredService<Features.Profiles.PersonaDirectory>().FindAsync(ada, Cancel));
        // Same seed, same data: the persisted model for the seeded data is live again.
        Assert.True(recommender.Status.IsReady);
        Assert.Equal(seededModel.Split('@')[0], recommender.Status.ModelVersion.Split('@')[0]);
        Assert.Equal(["reset"], replaced);
        // The shows offered at onboarding are worked out again for the new store (and come out the same: same seed).
        var offeredAfter = await onboarding.GetPickGroupsAsync(Cancel);
        Assert.NotSame(offered, offeredAfter);
        Assert.Equal(offered.Select(g => (g.Genre, string.Join(",", g.Titles.Select(t => t.Id)))), offeredAfter.Select(g => (g.Genre, string.Join(",", g.Titles.Select(t => t.Id)))));
        using var ready = await browser.GetAsync("/health/ready", Cancel);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("wal", await JournalModeAsync(site.DatabasePath));
        Assert.False(File.Exists(site.DatabasePath + ".partial"));
    }

    [Fact]
    public async Task AfterAResetTheSiteKeepsTakingWrites()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var site = seeded.Site;
        using var browser = site.NewBrowser();
        (await browser.SendAsync(ResetRequest(Key), Cancel)).Dispose();
        var before = await CountsAsync(site);

        var profile = await OnboardAsync(site, "After Reset");

        Assert.Equal(before.Profiles + 1, (await CountsAsync(site)).Profiles);
        Assert.Equal(profile, (await site.Services.GetRequiredService<Features.Profiles.PersonaDirectory>().FindAsync(profile, Cancel))?.Id);
    }

    internal static async Task<string?> JournalModeAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string?)await command.ExecuteScalarAsync(Cancel);
    }
}

public sealed class JoinTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheShortLinkOpensOnboarding()
    {
        await using var site = new TestSite();
        using var browser = site.NewBrowser();

        using var response = await browser.GetAsync("/j", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profiles/new", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheJoinPageShowsTheConfiguredAddressAndItsQrCode()
    {
        await using var site = new TestSite(new Dictionary<string, string?> { ["Join:PublicUrl"] = "http://workshop.example:8080" });
        using var browser = site.NewBrowser();

        var html = await browser.GetStringAsync("/join", Cancel);
        using var qr = await browser.GetAsync("/join/qr.svg", Cancel);

        Assert.Contains(">http://workshop.example:8080/j</a>", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"QR code for http://workshop.example:8080/j\"", html, StringComparison.Ordinal);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JoinLink.QrSvg("http://workshop.example:8080/j"), await qr.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public void AQrCodeEncodesItsAddress()
    {
        var first = JoinLink.QrSvg("http://10.0.0.5:5073/j");

        Assert.StartsWith("<svg", first.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(first, JoinLink.QrSvg("http://10.0.0.5:5073/j"));
        Assert.NotEqual(first, JoinLink.QrSvg("http://10.0.0.6:5073/j"));
    }

    [Fact]
    public void ALocalhostAddressIsSwappedForThisMachinesNetworkAddress()
    {
        var join = new JoinLink(Microsoft.Extensions.Options.Options.Create(new JoinOptions()));

        var address = join.For(new Uri("http://localhost:5073/"));
        var remote = join.For(new Uri("http://192.168.1.20:5073/"));

        Assert.Equal(new JoinAddress("http://192.168.1.20:5073/j", false), remote);
        var host = new Uri(address.Url).Host;
        Assert.Equal(address.GuessedLanAddress, host != "localhost");
        Assert.Equal(5073, new Uri(address.Url).Port);
    }
}
