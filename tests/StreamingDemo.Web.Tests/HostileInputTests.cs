using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Onboarding;
using StreamingDemo.Web.Features.Security;

namespace StreamingDemo.Web.Tests;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("  Zoë  ", "Zoë")]
    [InlineData("Zoe\u0308", "Zoë")]
    [InlineData("محمد", "محمد")]
    [InlineData("👩‍👩‍👧 family", "👩‍👩‍👧 family")]
    public void ANameWithMarkupAccentsScriptsOrEmojiIsKeptAsText(string typed, string stored)
    {
        var check = UserText.CheckName(typed, 40);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(stored, check.Value);
    }

    [Theory]
    [InlineData("Ada\nLovelace", "control characters")]
    [InlineData("Ada\u0000", "control characters")]
    [InlineData("Ada\u001b[31m", "control characters")]
    [InlineData("\u202Eevil.exe", "text-direction")]
    [InlineData("Ada\u200F", "text-direction")]
    [InlineData("Ad\u200Ba", "invisible")]
    [InlineData("Ada\uD800", "broken text encoding")]
    [InlineData("Ada\uFFFD", "broken text encoding")]
    [InlineData("   ", "is needed")]
    public void ANameThatCannotBeShownHonestlyIsRefusedWithAClearMessage(string typed, string message)
    {
        var check = UserText.CheckName(typed, 40);

        Assert.False(check.IsValid);
        Assert.Contains(message, check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameOverTheLimitIsRefusedCountingWhatAPersonSeesAsCharacters()
    {
        Assert.True(UserText.CheckName(string.Concat(Enumerable.Repeat("👍🏽", 40)), 40).IsValid);
        Assert.Equal("A name can be at most 40 characters.", UserText.CheckName(new string('a', 41), 40).Error);
        Assert.False(UserText.CheckName(new string('a', 1_000_000), 40).IsValid);
    }

    [Theory]
    [InlineData("  heist\t\tmovies ", "heist movies")]
    [InlineData("\u202Eheist", "heist")]
    [InlineData("hei\u200Bst\u0000", "heist")]
    [InlineData("bad\uD800pair", "badpair")]
    [InlineData("\u0001\u0002", null)]
    public void SearchTextIsCleanedRatherThanRefused(string typed, string? searched) =>
        Assert.Equal(searched, UserText.CleanSearch(typed));

    [Fact]
    public void NoPageOrComponentRendersTextAsMarkup()
    {
        var web = Path.Combine(ProductionDefaultsTests.RepositoryRoot(), "src", "StreamingDemo.Web");
        var uses = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line.Trim())))
            .Where(l => l.Text.Contains("MarkupString", StringComparison.Ordinal) && !l.Text.StartsWith("///", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();

        // The one exception: the card icons, precomputed from MudBlazor's icon constants (IconMarkup, used by ThumbButtons).
        // Nothing outside the site can reach them: IconMarkup exposes only read-only fields, no method that takes text.
        Assert.DoesNotContain(uses, u => !u.StartsWith("IconMarkup.cs:", StringComparison.Ordinal) && !u.StartsWith("ThumbButtons.razor:", StringComparison.Ordinal));
        var icons = typeof(StreamingDemo.Web.Components.Shared.IconMarkup);
        Assert.Empty(icons.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly));
        Assert.All(icons.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static), f => Assert.True(f.IsInitOnly, f.Name));
        Assert.All(File.ReadLines(Path.Combine(web, "Components", "Titles", "ThumbButtons.razor")).Where(l => l.Contains("MarkupString", StringComparison.Ordinal) || l.Contains("IconMarkup", StringComparison.Ordinal)),
            line => Assert.DoesNotContain("new MarkupString", line, StringComparison.Ordinal));
    }

    [Fact]
    public void VeryLongSearchTextIsCutToAHundredCharacters() =>
        Assert.Equal(new string('x', 100), UserText.CleanSearch(new string('x', 1_000_000)));
}

[Collection(nameof(SeededSiteCollection))]
public sealed class HostileInputTests(SeededSite seeded)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Ada\nLovelace")]
    [InlineData("\u202Eevil")]
    [InlineData("Ada\uD800")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task OnboardingWithAHostileNameSaysWhatIsWrongAndStoresNothing(string name)
    {
        var contexts = seeded.Site.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var picks = await db.Titles.OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToListAsync(Cancel);
        var before = (await db.Profiles.CountAsync(Cancel), await db.Thumbs.CountAsync(Cancel));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            seeded.Site.Services.GetRequiredService<OnboardingService>().CreateAsync(new NewProfile(name, "fox", picks, [DeviceType.Phone]), Cancel));

        Assert.StartsWith("A name ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await db.Profiles.CountAsync(Cancel), await db.Thumbs.CountAsync(Cancel)));
    }

    [Fact]
    public async Task AnAvatarThatIsNotOneOfThePicturesIsRefused()
    {
        var contexts = seeded.Site.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var picks = await db.Titles.OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToListAsync(Cancel);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            seeded.Site.Services.GetRequiredService<OnboardingService>().CreateAsync(new NewProfile("Ada", "\"><script>", picks, [DeviceType.Phone]), Cancel));

        Assert.StartsWith("Choose one of the pictures shown.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANameWithMarkupIsShownAsTextNeverAsMarkup()
    {
        var contexts = seeded.Site.Services.GetRequiredService<IDbContextFactory<StreamingDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(Cancel);
        var picks = await db.Titles.OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToListAsync(Cancel);
        var id = await seeded.Site.Services.GetRequiredService<OnboardingService>()
            .CreateAsync(new NewProfile("<img src=x onerror=alert(1)>", "fox", picks, [DeviceType.Phone]), Cancel);
        using var browser = seeded.Site.NewBrowser();

        (await browser.GetAsync($"/profiles/{id}/choose", Cancel)).Dispose();
        var html = await browser.GetStringAsync("/browse", Cancel);

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x onerror", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("%E2%80%AEheist")]
    [InlineData("%FF%FE%00")]
    public async Task HostileSearchTextIsShownSafelyAndNeverFails(string query)
    {
        using var browser = seeded.Site.NewBrowser();
        var longQuery = new string('a', 6000);

        using var response = await browser.GetAsync($"/catalog?q={query}", Cancel);
        using var huge = await browser.GetAsync($"/catalog?q={longQuery}", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.True(huge.StatusCode is HttpStatusCode.OK or HttpStatusCode.RequestUriTooLong, $"got {(int)huge.StatusCode}");
    }

    [Fact]
    public async Task TheCatalogueSearchUsesTheCleanedText()
    {
        var catalog = seeded.Site.Services.GetRequiredService<CatalogService>();
        var plain = await catalog.SearchAsync(new CatalogFilter("the"), 1, cancellationToken: Cancel);

        var hostile = await catalog.SearchAsync(new CatalogFilter("\u202Et\u200Bhe\u0000"), 1, cancellationToken: Cancel);

        Assert.True(plain.TotalCount > 0);
        Assert.Equal(plain.TotalCount, hostile.TotalCount);
    }

    [Fact]
    public void DeeplyNestedJsonBodiesAreRefusedByTheApisSerializer()
    {
        var options = seeded.Site.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var nested = new StringBuilder().Insert(0, "[", 100).Insert(100, "]", 100).ToString();

        Assert.Equal(RequestLimits.JsonDepth, options.MaxDepth);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JsonElement>(nested, options));
        Assert.Equal(JsonValueKind.Array, JsonSerializer.Deserialize<JsonElement>("[[[1]]]", options).ValueKind);
    }
}
