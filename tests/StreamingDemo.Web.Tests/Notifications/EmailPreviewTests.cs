using Bunit;
using StreamingDemo.Web.Components.Studio;
using StreamingDemo.Web.Features.Notifications;

namespace StreamingDemo.Web.Tests.Notifications;

public sealed class EmailPreviewTests : MudTestContext
{
    private static readonly NotificationCandidate Hostile = new(NotificationKind.Recovery, 42, "<script>alert(1)</script>", 7, "recovery:42:7:600",
        "Still watching <script>alert(1)</script>?", "You stopped at S1:E2 of <b>bold</b>, 10 min in.", "reason", null);

    [Fact]
    public void TitlesAndNamesInTheEmailAreShownAsTextNeverAsMarkup()
    {
        var cut = Render<EmailPreview>(p => p
            .Add(e => e.ProfileName, "<i>Eve</i>")
            .Add(e => e.Candidate, Hostile)
            .Add(e => e.SendAt, new DateTime(2026, 12, 4, 14, 30, 0, DateTimeKind.Utc)));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("b"));
        Assert.Empty(cut.FindAll("i"));
        Assert.Equal("Still watching <script>alert(1)</script>?", cut.Find(".mail-subject").TextContent);
        Assert.Equal("Hi <i>Eve</i>,", cut.Find(".mail-greeting").TextContent);
        Assert.Equal("Sent: Friday 4 December 2026, 14:30 UTC", cut.FindAll(".mail-meta")[2].TextContent);
        Assert.Equal("Resume", cut.Find(".mail-button").TextContent);
        Assert.Equal("/title/42", cut.Find(".mail-button").GetAttribute("href"));
    }
}
