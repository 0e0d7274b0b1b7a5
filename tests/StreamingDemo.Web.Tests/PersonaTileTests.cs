using Bunit;
using StreamingDemo.Web.Components.Profiles;
using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Tests;

public sealed class PersonaTileTests : MudTestContext
{
    private static readonly PersonaModel Astrid = new(1, "Astrid", "fox", false,
    [
        new TasteShare(4, "Nordic Noir Devotees", 0.6),
        new TasteShare(9, "Cozy Bakers", 0.3),
        new TasteShare(2, "Space Opera Fans", 0.1),
    ]);

    [Fact]
    public void TileShowsTheAvatarNameAndTasteSummary()
    {
        var cut = Render<PersonaTile>(p => p.Add(t => t.Persona, Astrid));

        var button = cut.Find("button");
        Assert.Equal("Astrid", button.TextContent);
        Assert.Equal("/art/avatar/fox.svg", cut.Find("img").GetAttribute("src"));
        Assert.Equal("Mostly Nordic Noir Devotees, with Cozy Bakers and a little Space Opera Fans", cut.Find(".persona-summary").TextContent);
        Assert.Equal("persona-1-taste", button.GetAttribute("aria-describedby"));
    }

    [Fact]
    public void ClickingTheTileChoosesThePersona()
    {
        PersonaModel? chosen = null;
        var cut = Render<PersonaTile>(p => p
            .Add(t => t.Persona, Astrid)
            .Add(t => t.OnChoose, (PersonaModel persona) => chosen = persona));

        cut.Find("button").Click();

        Assert.Same(Astrid, chosen);
    }
}
