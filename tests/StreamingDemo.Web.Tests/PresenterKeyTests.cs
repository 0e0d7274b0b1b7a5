using System.Net;
using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Web.Features.Presenter;

namespace StreamingDemo.Web.Tests;

public sealed class PresenterKeyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "streamingdemo-key-" + Guid.NewGuid().ToString("N"));

    private PresenterKey KeyFor(string? configured = null) =>
        new(Options.Create(new PresenterOptions { Key = configured }), new StoreLocation(Path.Combine(folder, "streaming.db")));

    [Fact]
    public void TheFirstRunGeneratesAKeyBesideTheDatabaseAndHandsItOverForPrintingOnce()
    {
        var key = KeyFor();

        var printed = key.TakeKeyToAnnounce();

        Assert.Equal(PresenterKeySource.Generated, key.Source);
        Assert.Equal(Path.Combine(folder, "presenter.key"), key.KeyFilePath);
        Assert.Equal(printed, File.ReadAllText(key.KeyFilePath).Trim());
        Assert.Equal(24, printed!.Length);
        Assert.Null(key.TakeKeyToAnnounce());
        Assert.True(key.Matches(printed));
    }

    [Fact]
    public void TheKeyFileIsReadableByItsOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        var key = KeyFor();
        _ = key.TakeKeyToAnnounce();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(key.KeyFilePath));
    }

    [Fact]
    public void ALaterStartReusesTheStoredKeyAndPrintsNothing()
    {
        var first = KeyFor();
        var generated = first.TakeKeyToAnnounce();

        var second = KeyFor();

        Assert.Null(second.TakeKeyToAnnounce());
        Assert.Equal(PresenterKeySource.KeyFile, second.Source);
        Assert.True(second.Matches(generated));
        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void AConfiguredKeyWinsAndNoKeyFileIsWritten()
    {
        var key = KeyFor("correct horse battery staple");

        Assert.Null(key.TakeKeyToAnnounce());
        Assert.Equal(PresenterKeySource.Configuration, key.Source);
        Assert.False(File.Exists(key.KeyFilePath));
        Assert.True(key.Matches("correct horse battery staple"));
        Assert.True(key.Matches("  correct horse battery staple\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("correct horse battery stapl")]
    [InlineData("correct horse battery staplee")]
    [InlineData("CORRECT HORSE BATTERY STAPLE")]
    public void AnythingButTheKeyIsRefused(string candidate)
    {
        var key = KeyFor("correct horse battery staple");

        Assert.False(key.Matches(candidate));
        Assert.False(key.Matches(null));
    }

    [Fact]
    public void AChangedKeyHasADifferentFingerprintSoOldCookiesStopWorking()
    {
        var before = KeyFor("correct horse battery staple");
        var after = KeyFor("another horse, another staple");

        Assert.True(before.IsCurrentFingerprint(before.Fingerprint));
        Assert.False(after.IsCurrentFingerprint(before.Fingerprint));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class PresenterSignInTests
{
    private const string Key = "workshop-key-for-tests";

    private static TestSite NewSite() => new(new Dictionary<string, string?> { ["Presenter:Key"] = Key });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key, string returnUrl = "/presenter")
    {
        var token = await TestSite.ReadAntiforgeryTokenAsync(browser, "/presenter");
        return await browser.PostAsync("/presenter/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = key,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnAttendeeSeesTheSignInFormNotThePresenterControls()
    {
        await using var site = NewSite();
        using var browser = site.NewBrowser();

        var html = await browser.GetStringAsync("/presenter", TestContext.Current.CancellationToken);

        Assert.Contains("Presenter key", html, StringComparison.Ordinal);
        Assert.DoesNotContain("You are signed in as the presenter", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePresenterSignsInOnceAndThisBrowserStaysThePresenter()
    {
        await using var site = NewSite();
        using var browser = site.NewBrowser();

        using var response = await SignInAsync(browser, Key);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/presenter", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(PresenterPolicy.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("You are signed in as the presenter", await browser.GetStringAsync("/presenter", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var other = site.NewBrowser();
        Assert.DoesNotContain("You are signed in as the presenter", await other.GetStringAsync("/presenter", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongKeyIsRefusedWithoutPuttingAnyKeyInTheUrlOrTheLog()
    {
        await using var site = NewSite();
        using var browser = site.NewBrowser();

        using var response = await SignInAsync(browser, "not-the-workshop-key");

        Assert.Equal("/presenter?error=wrong-key", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(PresenterPolicy.CookieName, StringComparison.Ordinal)));
        Assert.Contains("That is not the presenter key", await browser.GetStringAsync("/presenter?error=wrong-key", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(site.Logs, line => line.Contains("not-the-workshop-key", StringComparison.Ordinal) || line.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInWithoutTheFormsAntiforgeryTokenIsRejected()
    {
        await using var site = NewSite();
        using var browser = site.NewBrowser();

        using var response = await browser.PostAsync("/presenter/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = Key }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(PresenterPolicy.CookieName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GuessingTheKeyIsCutOffAfterFiveAttemptsAMinute()
    {
        await using var site = NewSite();
        using var browser = site.NewBrowser();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await SignInAsync(browser, "guess-" + attempt);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests], statuses);
        using var correct = await SignInAsync(browser, Key);
        Assert.Equal(HttpStatusCode.TooManyRequests, correct.StatusCode);
    }

    [Fact]
    public async Task SignInNeverRedirectsOffSite()
    {
        await using var site = NewSite();
        using var browser = site.NewBrowser();

        using var response = await SignInAsync(browser, Key, "//evil.example/phish");

        Assert.Equal("/presenter", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SigningOutEndsThePresenterSessionInThisBrowser()
    {
        await using var site = NewSite();
        using var browser = site.NewBrowser();
        (await SignInAsync(browser, Key)).Dispose();
        var token = await TestSite.ReadAntiforgeryTokenAsync(browser, "/presenter");

        using var response = await browser.PostAsync("/presenter/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("You are signed in as the presenter", await browser.GetStringAsync("/presenter", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGeneratedKeyIsPrintedToTheConsoleButNeverLogged()
    {
        await using var site = new TestSite();
        using var browser = site.NewBrowser();
        _ = await browser.GetStringAsync("/presenter", TestContext.Current.CancellationToken);

        var stored = File.ReadAllText(Path.Combine(site.Directory, "presenter.key")).Trim();

        Assert.Contains(site.Logs, line => line.Contains("Presenter key: generated and stored in", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs, line => line.Contains(stored, StringComparison.Ordinal));
    }
}
