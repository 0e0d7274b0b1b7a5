using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using StreamingDemo.Domain;
using StreamingDemo.Web.Components.Browse;
using StreamingDemo.Web.Components.Layout;
using StreamingDemo.Web.Components.Notifications;
using StreamingDemo.Web.Components.Profiles;
using StreamingDemo.Web.Components.Studio;
using StreamingDemo.Web.Features.Presenter;
using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Tests.Studio;

public sealed class StudioLinksTests : MudTestContext
{
    private readonly BunitAuthorizationContext authorization;

    public StudioLinksTests()
    {
        authorization = AddAuthorization();
        Services.AddScoped<PresenterAccess>();
    }

    [Fact]
    public void WhyThisLinksEachTasteCommunityToItsStudioPage()
    {
        var why = new Explanation(null, null, [new CommunityWeight(4, "Nordic Noir Devotees", 0.62), new CommunityWeight(9, "Cosy Bakers", 0.2)],
            [], new Dictionary<string, double>(), 0.5, false, 0.1, 0.4);

        var cut = Render<WhyThisPanel>(p => p.Add(w => w.Explanation, why));

        Assert.Equal(["/studio/communities/4", "/studio/communities/9"], cut.FindAll(".why-list a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void APersonaTileLeadsToTheProfilesCommunitiesInTheStudio()
    {
        var cut = Render<PersonaTile>(p => p.Add(t => t.Persona, new PersonaModel(12, "Astrid", "fox", false, [])));

        var link = cut.Find("a.persona-communities");
        Assert.Equal("/studio/profiles/12", link.GetAttribute("href"));
        Assert.Equal("Astrid's taste communities in the studio", link.GetAttribute("aria-label"));
    }

    [Fact]
    public void CommunityChipsShowEachWeightAsAPercentageAndLinkToTheCommunity()
    {
        var cut = Render<CommunityChips>(p => p.Add(c => c.Communities, [new CommunityWeight(2, "Stand-up Comedy Specials", 0.594), new CommunityWeight(5, "Pitch-black Dark Comedies", 0.215)]));

        Assert.Equal(["59% Stand-up Comedy Specials", "22% Pitch-black Dark Comedies"], cut.FindAll("li a").Select(a => string.Join(' ', a.Children.Select(c => c.TextContent))));
        Assert.Equal("/studio/communities/2", cut.Find("li a").GetAttribute("href"));
    }

    [Fact]
    public void TheViewerAppBarHasADiscreetWayIntoTheStudio()
    {
        var cut = Render<AppBar>();

        Assert.Equal(["/studio"], cut.FindAll("a.studio-entry").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void ThePresenterAlsoFindsTheDemoGuideInTheViewerAppBar()
    {
        authorization.SetAuthorized("presenter");
        authorization.SetPolicies(PresenterPolicy.Name);

        var cut = Render<AppBar>();

        Assert.Equal(["/guide", "/studio"], cut.FindAll("a.studio-entry").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void AViewerCanSwitchTheMachineryOnFromTheAppBarAndComeBackToTheSamePage()
    {
        // The bell reads the viewer's notification centre from a store; this test is about the switch beside it.
        ComponentFactories.AddStub<NotificationBell>();
        var cut = Render<AppBar>(p => p.Add(b => b.Viewer, new PersonaModel(12, "Astrid", "fox", false, [])));

        var toggle = cut.Find("a.machinery-switch");
        Assert.Equal("switch", toggle.GetAttribute("role"));
        Assert.Equal("false", toggle.GetAttribute("aria-checked"));
        Assert.Equal("/machinery?show=true&returnUrl=%2F", toggle.GetAttribute("href"));
    }
}
