using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Web.Components.Layout;
using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Tests;

public sealed class MainLayoutTests : MudTestContext
{
    private readonly FirstRunStatus status = new();

    public MainLayoutTests()
    {
        Services.AddSingleton<IFirstRunStatus>(status);
        // No profile is chosen in these tests, so the directory never reaches the (absent) database.
        Services.AddDbContextFactory<StreamingDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        Services.AddSingleton<PersonaDirectory>();
        Services.AddSingleton<StreamingDemo.Web.Features.Operations.StoreEvents>();
        AddAuthorization();
        Services.AddScoped<StreamingDemo.Web.Features.Presenter.PresenterAccess>();
    }

    [Fact]
    public void WhileTheFirstRunIsBusyEveryPageShowsTheWarmingUpScreen()
    {
        status.Report(FirstRunStage.Seeding, "Writing titles", 30);

        var cut = RenderLayout();

        Assert.Equal("Getting the catalogue ready", cut.Find("h1").TextContent);
        Assert.Empty(cut.FindAll("#page-body"));
    }

    [Fact]
    public void ProgressUpdatesLiveAndTheSiteAppearsWhenReady()
    {
        status.Report(FirstRunStage.Seeding, "Writing titles", 30);
        var cut = RenderLayout();

        status.Report(FirstRunStage.Seeding, "Writing viewing sessions", 70);
        cut.WaitForAssertion(() => Assert.Contains("Writing viewing sessions", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));

        status.Report(FirstRunStage.Ready, "Ready", 100);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#page-body")));
        Assert.NotNull(cut.Find("header.app-bar"));
    }

    [Fact]
    public void WithoutAChosenProfileTheAppBarOffersToChooseOne()
    {
        status.Report(FirstRunStage.Ready, "Ready", 100);

        var cut = RenderLayout();

        Assert.Contains(cut.FindAll("header a"), a => a.TextContent == "Choose a profile");
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"page-body\">page</p>"))));
}
