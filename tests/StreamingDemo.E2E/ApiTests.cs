using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamingDemo.E2E;

/// <summary>The JSON API (L4) over the real site on a Kestrel port: every route, every error case.</summary>
[Collection(SiteCollection.Name)]
public sealed class ApiTests(SiteFixture site) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = site.App.BaseAddress };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => http.Dispose();

    private async Task<JsonElement> JsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return await ReadAsync(response, expected);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        if (expected >= HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> PostAsync(string url, string json, HttpStatusCode expected)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
        return await ReadAsync(response, expected);
    }

    private static string[] FieldErrors(JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages) ? [.. messages.EnumerateArray().Select(m => m.GetString()!)] : [];

    /// <summary>A profile no browser test uses (the featured personas come first in no particular page).</summary>
    private async Task<int> QuietProfileAsync(int index)
    {
        var page = await JsonAsync("/api/v1/profiles?page=3");
        return page.GetProperty("items")[index].GetProperty("id").GetInt32();
    }

    private static IEnumerable<JsonElement> Cards(JsonElement home) =>
        home.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("cards").EnumerateArray());

    [Fact]
    public async Task ProfilesAreListedTwentyFourAPageAndFoundByName()
    {
        var first = await JsonAsync("/api/v1/profiles");
        var second = await JsonAsync("/api/v1/profiles?page=2");
        var total = first.GetProperty("totalCount").GetInt32();

        Assert.Equal(24, first.GetProperty("items").GetArrayLength());
        Assert.Equal((total + 23) / 24, first.GetProperty("pageCount").GetInt32());
        Assert.Empty(first.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32())
            .Intersect(second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32())));

        var name = second.GetProperty("items")[0].GetProperty("name").GetString()!;
        var found = await JsonAsync($"/api/v1/profiles?search={Uri.EscapeDataString(name)}");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetString() == name);

        var id = second.GetProperty("items")[0].GetProperty("id").GetInt32();
        var one = await JsonAsync($"/api/v1/profiles/{id}");
        Assert.Equal(name, one.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AProfileSearchByCommunityOnlyReturnsItsMembers()
    {
        var all = await JsonAsync("/api/v1/profiles");
        var community = all.GetProperty("items").EnumerateArray().SelectMany(p => p.GetProperty("taste").EnumerateArray())
            .First().GetProperty("communityId").GetInt32();
        var members = await JsonAsync($"/api/v1/profiles?community={community}");

        Assert.True(members.GetProperty("totalCount").GetInt32() < all.GetProperty("totalCount").GetInt32());
        Assert.All(members.GetProperty("items").EnumerateArray(), p =>
            Assert.Contains(p.GetProperty("taste").EnumerateArray(), t => t.GetProperty("communityId").GetInt32() == community));
    }

    [Theory]
    [InlineData("/api/v1/profiles?page=0", "page")]
    [InlineData("/api/v1/profiles?page=abc", "page")]
    [InlineData("/api/v1/profiles?community=-1", "community")]
    [InlineData("/api/v1/titles/1?profile=x", "profile")]
    [InlineData("/api/v1/titles/1/similar?count=0", "count")]
    [InlineData("/api/v1/titles/1/similar?count=51", "count")]
    public async Task ABadQueryValueIsA400NamingTheField(string url, string field)
    {
        var problem = await JsonAsync(url, HttpStatusCode.BadRequest);

        Assert.NotEmpty(FieldErrors(problem, field));
    }

    [Theory]
    [InlineData("/api/v1/profiles/999999")]
    [InlineData("/api/v1/profiles/999999/home")]
    [InlineData("/api/v1/titles/999999")]
    [InlineData("/api/v1/titles/999999/similar")]
    [InlineData("/api/v1/layouts/999999")]
    [InlineData("/api/v1/layouts/no-such-layout")]
    [InlineData("/api/v1/profiles/abc")]
    [InlineData("/api/v1/nothing-here")]
    public async Task AnUnknownIdIsA404ProblemDetails(string url)
    {
        var problem = await JsonAsync(url, HttpStatusCode.NotFound);

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task TheHomePageComesPerDeviceWithMatchAndEvidenceOnEveryCard()
    {
        var profile = await QuietProfileAsync(0);
        var phone = await JsonAsync($"/api/v1/profiles/{profile}/home?device=phone");
        var tv = await JsonAsync($"/api/v1/profiles/{profile}/home?device=tv");

        Assert.Equal("phone", phone.GetProperty("device").GetString());
        Assert.Equal("netflix-style", phone.GetProperty("layout").GetString());
        Assert.Equal(3, phone.GetProperty("visibleCardsPerRow").GetInt32());
        Assert.InRange(phone.GetProperty("rows").GetArrayLength(), 3, 5);
        Assert.Equal(5, tv.GetProperty("visibleCardsPerRow").GetInt32());
        Assert.Equal("topPicks", phone.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("kind").GetString() == "topPicks").GetProperty("kind").GetString());
        // The match % is the site's: shown from 50 % on personal cards, the rounded calibrated probability; absent otherwise.
        Assert.All(Cards(phone), c =>
        {
            var probability = c.GetProperty("explanation").GetProperty("matchProbability").GetDouble();
            var shown = c.GetProperty("matchPercent");
            if (shown.ValueKind == JsonValueKind.Null)
            {
                Assert.True(probability < 0.5 || c.GetProperty("explanation").GetProperty("isExploration").GetBoolean() || c.GetProperty("progress").ValueKind != JsonValueKind.Null);
            }
            else
            {
                Assert.Equal((int)Math.Round(probability * 100, MidpointRounding.AwayFromZero), shown.GetInt32());
                Assert.InRange(shown.GetInt32(), 50, 100);
            }
        });
    }

    [Fact]
    public async Task TheHomePageFollowsTheLayoutAskedFor()
    {
        var profile = await QuietProfileAsync(1);
        var shelves = await JsonAsync($"/api/v1/profiles/{profile}/home?layout=genre-shelves");
        var kinds = shelves.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToList();

        Assert.Equal("genre-shelves", shelves.GetProperty("layout").GetString());
        Assert.DoesNotContain("topPicks", kinds);
        Assert.DoesNotContain("exploration", kinds);
        // Fixed order: shelves, then the all-time Top 10, then new releases.
        Assert.Equal(["top10", "newReleases"], kinds.Where(k => k is "top10" or "newReleases"));
        Assert.True(kinds.LastIndexOf("microGenre") < kinds.IndexOf("top10"));
        Assert.Equal("Top 10 of All Time", shelves.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "top10").GetProperty("title").GetString());

        var bad = await JsonAsync($"/api/v1/profiles/{profile}/home?layout=nope&device=fridge", HttpStatusCode.BadRequest);
        Assert.NotEmpty(FieldErrors(bad, "layout"));
        Assert.NotEmpty(FieldErrors(bad, "device"));
    }

    [Fact]
    public async Task AThumbsDownThroughTheApiTakesTheTitleOffTheHomePageAtOnceAndNoneBringsItBack()
    {
        var profile = await QuietProfileAsync(2);
        var before = await JsonAsync($"/api/v1/profiles/{profile}/home");
        var title = before.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("kind").GetString() == "topPicks")
            .GetProperty("cards")[0].GetProperty("titleId").GetInt32();

        var result = await PostAsync($"/api/v1/profiles/{profile}/thumbs", $$"""{ "titleId": {{title}}, "rating": "down" }""", HttpStatusCode.OK);
        Assert.Equal("down", result.GetProperty("rating").GetString());
        var after = await JsonAsync($"/api/v1/profiles/{profile}/home");
        Assert.DoesNotContain(Cards(after), c => c.GetProperty("titleId").GetInt32() == title);
        Assert.Equal("down", (await JsonAsync($"/api/v1/titles/{title}?profile={profile}")).GetProperty("thumb").GetString());

        await PostAsync($"/api/v1/profiles/{profile}/thumbs", $$"""{ "titleId": {{title}}, "rating": "none" }""", HttpStatusCode.OK);
        var undone = await JsonAsync($"/api/v1/profiles/{profile}/home");
        Assert.Contains(Cards(undone), c => c.GetProperty("titleId").GetInt32() == title);
    }

    [Theory]
    [InlineData("""{ "rating": "up" }""", "titleId")]
    [InlineData("""{ "titleId": 999999, "rating": "up" }""", "titleId")]
    [InlineData("""{ "titleId": 1, "rating": "meh" }""", "rating")]
    [InlineData("""{ "titleId": 1 }""", "rating")]
    [InlineData("""{ "titleId": "one", "rating": "up" }""", "titleId")]
    [InlineData("""{ "titleId": 1, "rating": "up", "stars": 5 }""", "stars")]
    [InlineData("""not json""", "$")]
    public async Task ABadThumbIsA400NamingTheFieldAndChangesNothing(string body, string field)
    {
        var profile = await QuietProfileAsync(3);
        var problem = await PostAsync($"/api/v1/profiles/{profile}/thumbs", body, HttpStatusCode.BadRequest);

        Assert.NotEmpty(FieldErrors(problem, field));
        Assert.Null((await JsonAsync($"/api/v1/titles/1?profile={profile}")).GetProperty("thumb").GetString());
    }

    [Fact]
    public async Task AThumbForAnUnknownProfileIsA404()
    {
        await PostAsync("/api/v1/profiles/999999/thumbs", """{ "titleId": 1, "rating": "up" }""", HttpStatusCode.NotFound);
        await PostAsync("/api/v1/profiles/999999/progress", """{ "titleId": 1, "positionSeconds": 60, "device": "tv" }""", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProgressThroughTheApiPutsTheTitleInContinueWatchingAtOnce()
    {
        var profile = await QuietProfileAsync(4);
        var movie = await FirstTitleAsync(profile, "movie");
        var detail = await JsonAsync($"/api/v1/titles/{movie}");
        var half = detail.GetProperty("runtimeMinutes").GetInt32() * 30;

        var result = await PostAsync($"/api/v1/profiles/{profile}/progress", $$"""{ "titleId": {{movie}}, "positionSeconds": {{half}}, "device": "tv" }""", HttpStatusCode.OK);

        Assert.False(result.GetProperty("completed").GetBoolean());
        var home = await JsonAsync($"/api/v1/profiles/{profile}/home?device=tv");
        var resume = home.GetProperty("rows")[0];
        Assert.Equal("continueWatching", resume.GetProperty("kind").GetString());
        var card = resume.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("titleId").GetInt32() == movie);
        Assert.Equal(0.5, card.GetProperty("progress").GetDouble(), 2);
    }

    [Fact]
    public async Task BadProgressIsA400NamingTheField()
    {
        var profile = await QuietProfileAsync(5);
        static string Resumed(JsonElement home) => string.Join(",", home.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "continueWatching").SelectMany(r => r.GetProperty("cards").EnumerateArray()).Select(c => c.GetProperty("titleId").GetInt32()));
        var before = Resumed(await JsonAsync($"/api/v1/profiles/{profile}/home?device=tv"));
        var movie = await FirstTitleAsync(profile, "movie");
        var series = await FirstTitleAsync(profile, "series");
        var otherSeries = await JsonAsync($"/api/v1/titles/{series}");
        var runtime = (await JsonAsync($"/api/v1/titles/{movie}")).GetProperty("runtimeMinutes").GetInt32() * 60;

        async Task Expect(string body, string field) =>
            Assert.NotEmpty(FieldErrors(await PostAsync($"/api/v1/profiles/{profile}/progress", body, HttpStatusCode.BadRequest), field));

        await Expect($$"""{ "titleId": {{movie}}, "positionSeconds": -1, "device": "tv" }""", "positionSeconds");
        await Expect($$"""{ "titleId": {{movie}}, "positionSeconds": {{runtime + 1}}, "device": "tv" }""", "positionSeconds");
        await Expect($$"""{ "titleId": {{movie}}, "positionSeconds": 60 }""", "device");
        await Expect($$"""{ "titleId": {{movie}}, "positionSeconds": 60, "device": "toaster" }""", "device");
        await Expect("""{ "titleId": 999999, "positionSeconds": 60, "device": "tv" }""", "titleId");
        await Expect($$"""{ "titleId": {{series}}, "positionSeconds": 60, "device": "tv" }""", "episodeId");
        await Expect($$"""{ "titleId": {{movie}}, "episodeId": {{otherSeries.GetProperty("episodes")[0].GetProperty("id").GetInt32()}}, "positionSeconds": 60, "device": "tv" }""", "episodeId");
        Assert.Equal(before, Resumed(await JsonAsync($"/api/v1/profiles/{profile}/home?device=tv")));
    }

    private async Task<int> FirstTitleAsync(int profile, string kind)
    {
        var home = await JsonAsync($"/api/v1/profiles/{profile}/home");
        foreach (var id in Cards(home).Select(c => c.GetProperty("titleId").GetInt32()).Distinct())
        {
            if ((await JsonAsync($"/api/v1/titles/{id}")).GetProperty("kind").GetString() == kind)
            {
                return id;
            }
        }

        throw new InvalidOperationException($"No {kind} on the home page of profile {profile}.");
    }

    [Fact]
    public async Task ATitleAndItsSimilarTitlesCarryTheProfilesMatch()
    {
        var profile = await QuietProfileAsync(6);
        var home = await JsonAsync($"/api/v1/profiles/{profile}/home");
        // A personal card (Continue Watching and discovery cards show no match on the site, the title page does).
        var card = home.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("kind").GetString() == "topPicks")
            .GetProperty("cards").EnumerateArray().First(c => !c.GetProperty("explanation").GetProperty("isExploration").GetBoolean());
        var id = card.GetProperty("titleId").GetInt32();

        var title = await JsonAsync($"/api/v1/titles/{id}?profile={profile}");
        Assert.Equal(card.GetProperty("name").GetString(), title.GetProperty("name").GetString());
        Assert.Equal(card.GetProperty("matchPercent").GetRawText(), title.GetProperty("matchPercent").GetRawText());
        Assert.Equal(JsonValueKind.Null, (await JsonAsync($"/api/v1/titles/{id}")).GetProperty("matchPercent").ValueKind);

        var similar = await JsonAsync($"/api/v1/titles/{id}/similar?profile={profile}&count=3");
        Assert.Equal(3, similar.GetArrayLength());
        Assert.All(similar.EnumerateArray(), s => Assert.NotEqual(id, s.GetProperty("titleId").GetInt32()));
        Assert.All(similar.EnumerateArray(), s => Assert.True(s.GetProperty("matchPercent").ValueKind == JsonValueKind.Null || s.GetProperty("matchPercent").GetInt32() is >= 50 and <= 100));
        var anonymous = await JsonAsync($"/api/v1/titles/{id}/similar");
        Assert.All(anonymous.EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("matchPercent").ValueKind));
    }

    [Fact]
    public async Task TheBuiltInLayoutsAreListedAndReadOnly()
    {
        var list = await JsonAsync("/api/v1/layouts");
        var builtIns = list.EnumerateArray().Where(l => l.GetProperty("isBuiltIn").GetBoolean()).Select(l => l.GetProperty("slug").GetString()).ToList();
        Assert.Equal(["netflix-style", "genre-shelves", "discovery-first"], builtIns);

        var netflix = await JsonAsync("/api/v1/layouts/netflix-style");
        var id = netflix.GetProperty("id").GetInt32();
        using var put = new StringContent(netflix.GetProperty("layout").GetRawText(), Encoding.UTF8, "application/json");
        await ReadAsync(await http.PutAsync(new Uri($"/api/v1/layouts/{id}", UriKind.Relative), put, Ct), HttpStatusCode.Conflict);
        await SendAsync(HttpMethod.Delete, $"/api/v1/layouts/{id}", null, null, HttpStatusCode.Conflict, presenterKey: StreamingApp.PresenterKey);
        Assert.Equal(netflix.GetRawText(), (await JsonAsync($"/api/v1/layouts/{id}")).GetRawText());
    }

    [Fact]
    public async Task ALayoutIsCreatedReadUpdatedGuardedByItsVersionAndDeleted()
    {
        var netflix = await JsonAsync("/api/v1/layouts/netflix-style");
        var document = JsonNode.Parse(netflix.GetProperty("layout").GetRawText())!.AsObject();
        document["name"] = "API round trip";
        document["ordering"] = "fixed";

        var created = await PostAsync("/api/v1/layouts", document.ToJsonString(), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("api-round-trip", created.GetProperty("slug").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt32());

        using (var read = await http.GetAsync(new Uri($"/api/v1/layouts/{id}", UriKind.Relative), Ct))
        {
            Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        }

        document["explorationRate"] = 0.2;
        var updated = await SendAsync(HttpMethod.Put, $"/api/v1/layouts/{id}", document.ToJsonString(), "\"1\"", HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal(0.2, updated.GetProperty("layout").GetProperty("explorationRate").GetDouble());

        // A save from someone who read version 1 is refused and changes nothing.
        document["explorationRate"] = 0.4;
        await SendAsync(HttpMethod.Put, $"/api/v1/layouts/{id}", document.ToJsonString(), "\"1\"", HttpStatusCode.PreconditionFailed);
        Assert.Equal(0.2, (await JsonAsync($"/api/v1/layouts/{id}")).GetProperty("layout").GetProperty("explorationRate").GetDouble());

        var home = await JsonAsync($"/api/v1/profiles/{await QuietProfileAsync(7)}/home?layout={id}");
        Assert.Equal("api-round-trip", home.GetProperty("layout").GetString());

        // Deleting takes the presenter key: without it, or with a wrong one, nothing is deleted.
        await ReadAsync(await http.DeleteAsync(new Uri($"/api/v1/layouts/{id}", UriKind.Relative), Ct), HttpStatusCode.Unauthorized);
        await SendAsync(HttpMethod.Delete, $"/api/v1/layouts/{id}", null, null, HttpStatusCode.Unauthorized, presenterKey: "not-the-key-at-all");
        await JsonAsync($"/api/v1/layouts/{id}");
        await SendAsync(HttpMethod.Delete, $"/api/v1/layouts/{id}", null, null, HttpStatusCode.NoContent, presenterKey: StreamingApp.PresenterKey);
        await JsonAsync($"/api/v1/layouts/{id}", HttpStatusCode.NotFound);
        await SendAsync(HttpMethod.Delete, $"/api/v1/layouts/{id}", null, null, HttpStatusCode.NotFound, presenterKey: StreamingApp.PresenterKey);
        await SendAsync(HttpMethod.Put, $"/api/v1/layouts/{id}", document.ToJsonString(), null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnInvalidLayoutIsA400WithFieldErrorsAndIsNotSaved()
    {
        var netflix = await JsonAsync("/api/v1/layouts/netflix-style");
        var document = JsonNode.Parse(netflix.GetProperty("layout").GetRawText())!.AsObject();
        document["name"] = "Netflix-style";
        document["rows"]![2]!["seeds"] = 9;
        document["devices"]!["phone"]!["cardsPerRow"] = 0;
        document["explorationRate"] = 2;

        var problem = await PostAsync("/api/v1/layouts", document.ToJsonString(), HttpStatusCode.BadRequest);

        Assert.NotEmpty(FieldErrors(problem, "name"));
        Assert.NotEmpty(FieldErrors(problem, "rows[2].seeds"));
        Assert.NotEmpty(FieldErrors(problem, "devices.phone.cardsPerRow"));
        Assert.NotEmpty(FieldErrors(problem, "explorationRate"));
        Assert.NotEmpty(FieldErrors(await PostAsync("/api/v1/layouts", """{ "name": "x", "rows": [ { "kind": "sideways" } ] }""", HttpStatusCode.BadRequest), "rows[0].kind"));
        Assert.NotEmpty(FieldErrors(await PostAsync("/api/v1/layouts", """{ "name": "x", "colour": "red" }""", HttpStatusCode.BadRequest), "colour"));
        Assert.NotEmpty(FieldErrors(await PostAsync("/api/v1/layouts", "{", HttpStatusCode.BadRequest), "$"));
        Assert.Equal(netflix.GetRawText(), (await JsonAsync("/api/v1/layouts/netflix-style")).GetRawText());
        Assert.DoesNotContain((await JsonAsync("/api/v1/layouts")).EnumerateArray(), l => l.GetProperty("layout").GetProperty("explorationRate").GetDouble() > 1);
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string url, string? json, string? ifMatch, HttpStatusCode expected, string? presenterKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (presenterKey is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Presenter-Key", presenterKey);
        }

        using var response = await http.SendAsync(request, Ct);
        return await ReadAsync(response, expected);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryRouteAndTheReferenceIsBrowsable()
    {
        var document = await JsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Superset(new HashSet<string>
        {
            "/api/v1/profiles", "/api/v1/profiles/{id}", "/api/v1/profiles/{id}/home", "/api/v1/profiles/{id}/thumbs", "/api/v1/profiles/{id}/progress",
            "/api/v1/titles/{id}", "/api/v1/titles/{id}/similar", "/api/v1/layouts", "/api/v1/layouts/{idOrSlug}", "/api/v1/layouts/{id}",
        }, paths);
        using var docs = await http.GetAsync(new Uri("/api/docs", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var html = await docs.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<title>StreamingDemo API</title>", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
    }
}
