using Bunit;
using StreamingDemo.Domain;
using StreamingDemo.Web.Components.Shared;

namespace StreamingDemo.Web.Tests;

public sealed class WarmingUpTests : MudTestContext
{
    [Fact]
    public void ShowsTheStageMessageAndProgress()
    {
        var cut = Render<WarmingUp>(p => p.Add(w => w.Progress, new FirstRunProgress(FirstRunStage.Seeding, "Writing viewing sessions", 42)));

        Assert.Equal("Getting the catalogue ready", cut.Find("h1").TextContent);
        Assert.Contains("Writing viewing sessions", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("42%", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Seeding viewers", cut.Find("li[aria-current=step]").TextContent);
        Assert.Equal("42", cut.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void AFailedFirstRunShowsTheErrorInsteadOfProgress()
    {
        var cut = Render<WarmingUp>(p => p.Add(w => w.Progress, new FirstRunProgress(FirstRunStage.Failed, "Disk full", 0)));

        Assert.Equal("The first run failed", cut.Find("h1").TextContent);
        Assert.Contains("Disk full", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[role=progressbar]"));
    }
}
