using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Web.Art;

namespace StreamingDemo.Web.Tests;

[Collection(nameof(SeededSiteCollection))]
public sealed partial class ProductionDefaultsTests(SeededSite seeded)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void TheReadmeRunCommandStartsInProductionUnlessADeveloperAsksForDevelopment()
    {
        var settings = Path.Combine(RepositoryRoot(), "src", "StreamingDemo.Web", "Properties", "launchSettings.json");
        using var json = JsonDocument.Parse(File.ReadAllText(settings));
        var profiles = json.RootElement.GetProperty("profiles").EnumerateObject().ToList();

        // `dotnet run` uses the first profile.
        var first = profiles[0].Value;
        Assert.False(first.TryGetProperty("environmentVariables", out var variables) && variables.TryGetProperty("ASPNETCORE_ENVIRONMENT", out _));
        var development = Assert.Single(profiles, p => p.Value.TryGetProperty("environmentVariables", out var v)
            && v.TryGetProperty("ASPNETCORE_ENVIRONMENT", out var environment) && environment.GetString() == "Development");
        Assert.Equal("development", development.Name);
    }

    [Theory]
    [InlineData("/title/999999")]
    [InlineData("/profiles/999999/choose")]
    [InlineData("/no-such-page")]
    [InlineData("/title/99999999999")]
    public async Task AMissingTitleProfileOrPageAnswers404WithAFriendlyPage(string path)
    {
        using var browser = seeded.Site.NewBrowser();

        using var response = await browser.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Lost your way?", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/catalog?page=99999999999")]
    [InlineData("/catalog?genre=abc")]
    [InlineData("/catalog?genre=-3&micro=1e9&page=0")]
    [InlineData("/catalog?page=2147483647")]
    [InlineData("/catalog?sort=%00%FF&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task AQueryValueThatDoesNotParseIsIgnored(string path)
    {
        using var browser = seeded.Site.NewBrowser();

        using var response = await browser.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        // The heading carries the page's CSS-isolation scope attribute, so match the element, not the exact tag text.
        Assert.Matches("<h1 id=\"catalog-heading\"[^>]*>Catalogue</h1>", html);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageNumberPastTheEndShowsTheLastPage()
    {
        using var browser = seeded.Site.NewBrowser();

        var last = await browser.GetStringAsync("/catalog?page=99999999", Cancel);
        var lastByNumber = await browser.GetStringAsync("/catalog?page=7", Cancel);

        // 200 titles at 30 a page: page 7 is the last and holds 20 titles.
        Assert.Equal(20, CardLinks().Count(lastByNumber));
        Assert.Equal(CardLinks().Matches(lastByNumber).Select(m => m.Value), CardLinks().Matches(last).Select(m => m.Value));
    }

    [Fact]
    public async Task ArtworkIsSentCompressedAndPagesAreNot()
    {
        using var browser = seeded.Site.NewBrowser();
        using var plain = await browser.GetAsync("/art/poster/1.svg", Cancel);
        var svg = await plain.Content.ReadAsByteArrayAsync(Cancel);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/art/poster/1.svg");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var compressed = await browser.SendAsync(request, Cancel);
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        var sent = await compressed.Content.ReadAsByteArrayAsync(Cancel);
        Assert.True(sent.Length < svg.Length / 2, $"{sent.Length} of {svg.Length} bytes");
        await using (var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(sent), System.IO.Compression.CompressionMode.Decompress))
        {
            using var back = new MemoryStream();
            await brotli.CopyToAsync(back, Cancel);
            Assert.Equal(svg, back.ToArray());
        }

        // A page (antiforgery token inside) is never compressed.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var html = await browser.SendAsync(page, Cancel);
        Assert.Empty(html.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task AnUnexpectedErrorShowsAFriendlyPageWithoutTheStackTrace()
    {
        await using var site = new TestSite(configureServices: services => services.AddSingleton<IArtworkStyles, BrokenArtwork>());
        using var browser = site.NewBrowser();

        using var response = await browser.GetAsync("/art/poster/1.svg", Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("artwork is broken", html, StringComparison.Ordinal);
        Assert.DoesNotContain("StreamingDemo.Web.Tests", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Development Mode", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponseCarriesTheSecurityHeadersAndTheImportMapCarriesThePolicysNonce()
    {
        using var browser = seeded.Site.NewBrowser();

        using var response = await browser.GetAsync("/catalog", Cancel);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        var scripts = Regex.Match(policy, "script-src ([^;]+)").Groups[1].Value;
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        var nonce = Regex.Match(scripts, "'nonce-([0-9a-f]+)'").Groups[1].Value;
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));

        using var second = await browser.GetAsync("/catalog", Cancel);
        Assert.NotEqual(policy, Assert.Single(second.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task TheHealthEndpointsSayTheSeededSiteIsLiveAndReady()
    {
        using var browser = seeded.Site.NewBrowser();

        using var live = await browser.GetAsync("/health/live", Cancel);
        using var ready = await browser.GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Ready", report.RootElement.GetProperty("checks").GetProperty("store").GetProperty("data").GetProperty("stage").GetString());
        Assert.StartsWith("47454-", report.RootElement.GetProperty("checks").GetProperty("recommender").GetProperty("data").GetProperty("modelVersion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASiteWhoseStoreIsNotSeededIsLiveButNotReady()
    {
        await using var site = new TestSite();
        using var browser = site.NewBrowser();

        using var live = await browser.GetAsync("/health/live", Cancel);
        using var ready = await browser.GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("recommender").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ARequestBodyOverTheLimitIsRefused()
    {
        using var browser = seeded.Site.NewBrowser();
        var huge = new string('a', (int)Features.Security.RequestLimits.BodyBytes + 1);

        using var response = await browser.PostAsync("/presenter/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = huge }), Cancel);

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode}");
    }

    [GeneratedRegex("href=\"/title/\\d+\"")]
    private static partial Regex CardLinks();

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "StreamingDemo.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    private sealed class BrokenArtwork : IArtworkStyles
    {
        public PosterPalette Theme(string key) => throw new InvalidOperationException("artwork is broken");

        public AvatarStyle Avatar(string key) => throw new InvalidOperationException("artwork is broken");

        public IReadOnlyList<AvatarStyle> Avatars => throw new InvalidOperationException("artwork is broken");
    }
}
