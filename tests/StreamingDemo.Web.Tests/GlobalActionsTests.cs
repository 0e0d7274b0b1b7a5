using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Web.Features.Lab;
using StreamingDemo.Web.Features.Presenter;

namespace StreamingDemo.Web.Tests;

/// <summary>
/// Everything global needs the presenter key (W2): an attendee sees each global control read-only and each global
/// endpoint answers 401, changing nothing; the same browser signed in with the key gets the controls.
/// </summary>
public sealed class GlobalActionsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Page, and the words an attendee sees there instead of a working control.
    private static readonly (string Page, string ReadOnly)[] GlobalPages =
    [
        ("/presenter", "Only the presenter can reset."),
        ("/lab/datasets", "Only the presenter can import or switch datasets."),
        ("/lab", "Only the presenter can delete layouts (sign in at /presenter)"),
    ];

    [Fact]
    public async Task WithoutTheKeyEveryGlobalPageIsReadOnlyAndEveryGlobalEndpointRefusesAndChangesNothing()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var site = seeded.Site;
        var layouts = site.Services.GetRequiredService<LayoutLibrary>();
        var custom = (await layouts.CreateAsync(BuiltInLayouts.NetflixStyle with { Name = "Attendee draft" }, Cancel)).Layout!;
        using var attendee = site.NewBrowser();

        foreach (var (page, readOnly) in GlobalPages)
        {
            Assert.Contains(readOnly, await attendee.GetStringAsync(page, Cancel), StringComparison.Ordinal);
        }

        using var reset = await attendee.PostAsync("/api/v1/admin/reset", null, Cancel);
        using var delete = await attendee.DeleteAsync($"/api/v1/layouts/{custom.Id}", Cancel);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/layouts/{custom.Id}");
        wrongKey.Headers.Add(PresenterPolicy.HeaderName, "not-the-presenter-key");
        using var guessed = await attendee.SendAsync(wrongKey, Cancel);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { reset.StatusCode, delete.StatusCode, guessed.StatusCode });
        Assert.Equal("Attendee draft", (await layouts.GetAsync(custom.Id, Cancel))?.Name);
    }

    [Fact]
    public async Task SignedInWithTheKeyTheSameBrowserGetsEveryGlobalControl()
    {
        await using var seeded = new SeededSite();
        await seeded.InitializeAsync();
        var site = seeded.Site;
        var layouts = site.Services.GetRequiredService<LayoutLibrary>();
        var custom = (await layouts.CreateAsync(BuiltInLayouts.NetflixStyle with { Name = "Presenter draft" }, Cancel)).Layout!;
        using var presenter = site.NewBrowser();
        var token = await TestSite.ReadAntiforgeryTokenAsync(presenter, "/presenter");
        using var signIn = await presenter.PostAsync("/presenter/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = SeededSite.PresenterKey,
            ["returnUrl"] = "/presenter",
            ["__RequestVerificationToken"] = token,
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        foreach (var (page, readOnly) in GlobalPages)
        {
            Assert.DoesNotContain(readOnly, await presenter.GetStringAsync(page, Cancel), StringComparison.Ordinal);
        }

        using var delete = await presenter.DeleteAsync($"/api/v1/layouts/{custom.Id}", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Null(await layouts.GetAsync(custom.Id, Cancel));
    }
}
