using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;
using StreamingDemo.Web.Features.Browse;
using StreamingDemo.Web.Features.Feedback;
using StreamingDemo.Web.Features.Lab;
using StreamingDemo.Web.Features.Player;
using StreamingDemo.Web.Features.Profiles;
using StreamingDemo.Web.Features.Security;
using StreamingDemo.Web.Features.Titles;

namespace StreamingDemo.Web.Features.Api;

/// <summary>
/// The JSON API (L4) under one <c>/api/v1</c> route group. Errors are RFC 7807 problem details: an unknown id in the path
/// gives 404, a bad query value or body 400 with field errors. Writes go through the same services as the site's clicks,
/// so the site's page changes at once.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    private const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions BodyOptions = LayoutJson.CreateOptions(indented: false);

    /// <summary>Maps every API route on one group and returns it, so cross-cutting policies (rate limits, auth) apply to all of them.</summary>
    public static RouteGroupBuilder MapApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).WithTags("StreamingDemo API");
        MapProfiles(api);
        MapTitles(api);
        MapLayouts(api);
        api.MapFallback(() => NotFound("There is no such API route.", "See /api/docs for the routes.")).ExcludeFromDescription();
        return api;
    }

    private static void MapProfiles(RouteGroupBuilder api)
    {
        api.MapGet("/profiles", async Task<Results<Ok<ProfilePageDto>, ValidationProblem>> (string? search, string? community, string? page, PersonaDirectory directory, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var communityId = OptionalInt(community, "community", 0, errors);
            var pageNumber = OptionalInt(page, "page", 1, errors) ?? 1;
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var result = await directory.SearchAsync(search, communityId, pageNumber, cancellationToken: ct);
            return TypedResults.Ok(new ProfilePageDto([.. result.Items.Select(ProfileDto.From)], result.TotalCount, result.Page, result.PageSize, result.PageCount));
        }).WithSummary("Search profiles").WithDescription("By name (search), taste community id (community) and page (1-based, 24 a page).");

        api.MapGet("/profiles/{id:int}", async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> (int id, PersonaDirectory directory, CancellationToken ct) =>
            await directory.FindAsync(id, ct) is { } persona ? TypedResults.Ok(ProfileDto.From(persona)) : NoProfile(id))
            .WithSummary("One profile");

        api.MapGet("/profiles/{id:int}/home", async Task<Results<Ok<HomePageDto>, ProblemHttpResult, ValidationProblem>> (
            int id, string? device, string? layout, PersonaDirectory directory, LayoutLibrary layouts, HomeFeed feed, IRecommender recommender, CancellationToken ct) =>
        {
            if (await directory.FindAsync(id, ct) is null)
            {
                return NoProfile(id);
            }

            var errors = new Dictionary<string, string[]>();
            var deviceType = ParseDevice(device, "device", errors) ?? DeviceType.Desktop;
            var stored = string.IsNullOrWhiteSpace(layout) ? null : await layouts.FindAsync(layout.Trim(), ct);
            if (!string.IsNullOrWhiteSpace(layout) && stored is null)
            {
                errors["layout"] = [$"There is no layout \"{layout}\" (give its id or slug, see GET {Prefix}/layouts)."];
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            if (!recommender.Status.IsReady)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The recommender is warming up", detail: recommender.Status.Message);
            }

            // The site's own layout composes the next page the site would show (nothing counted); another layout is a preview.
            var siteLayout = stored is null || stored.Slug == BuiltInLayouts.NetflixStyleSlug;
            var view = await feed.BuildAsync(id, deviceType, commit: false, layout: siteLayout ? null : stored!.Layout, cancellationToken: ct);
            return TypedResults.Ok(HomePageDto.From(view, deviceType, stored?.Slug ?? BuiltInLayouts.NetflixStyleSlug));
        }).WithSummary("A profile's home page").WithDescription("Rows, cards, match % and explanations for a device (tv, desktop, tablet, phone; desktop by default) and a layout (id or slug; the site's Netflix-style by default). Composing it counts no visit.");

        api.MapPost("/profiles/{id:int}/thumbs", async Task<Results<Ok<ThumbResult>, ProblemHttpResult, ValidationProblem>> (
            int id, HttpRequest request, PersonaDirectory directory, TitleDetailService titles, FeedbackService feedback, CancellationToken ct) =>
        {
            if (await directory.FindAsync(id, ct) is null)
            {
                return NoProfile(id);
            }

            var (body, errors) = await ReadBodyAsync<ThumbRequest>(request, ct);
            ThumbRating? rating = null;
            if (body is not null)
            {
                if (body.TitleId is null)
                {
                    errors["titleId"] = ["Give the title's id."];
                }
                else if (await titles.GetAsync(body.TitleId.Value, null, ct) is null)
                {
                    errors["titleId"] = [$"There is no title {body.TitleId}."];
                }

                switch (body.Rating?.Trim().ToLowerInvariant())
                {
                    case "down": rating = ThumbRating.Down; break;
                    case "up": rating = ThumbRating.Up; break;
                    case "love": rating = ThumbRating.Love; break;
                    case "none": break;
                    default: errors["rating"] = ["The rating is down, up, love or none."]; break;
                }
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            try
            {
                await feedback.ThumbAsync(id, body!.TitleId!.Value, rating, ct);
            }
            catch (FeedbackThrottledException throttled)
            {
                return TooMuchFeedback(request.HttpContext.Response, throttled);
            }

            return TypedResults.Ok(new ThumbResult(id, body.TitleId.Value, body.Rating!.Trim().ToLowerInvariant()));
        }).Accepts<ThumbRequest>("application/json").RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Rate a title").WithDescription("rating is down, up, love, or none to take the thumb back. The home page changes at once, exactly as a click does.");

        api.MapPost("/profiles/{id:int}/progress", async Task<Results<Ok<ProgressResult>, ProblemHttpResult, ValidationProblem>> (
            int id, HttpRequest request, PersonaDirectory directory, PlaybackService playback, TitleDetailService titles, FeedbackService feedback, CancellationToken ct) =>
        {
            if (await directory.FindAsync(id, ct) is null)
            {
                return NoProfile(id);
            }

            var (body, errors) = await ReadBodyAsync<ProgressRequest>(request, ct);
            PlaybackTarget? target = null;
            DeviceType device = DeviceType.Desktop;
            if (body is not null)
            {
                device = ParseDevice(body.Device, "device", errors, required: true) ?? device;
                if (body.PositionSeconds is not { } position || position < 0)
                {
                    errors["positionSeconds"] = ["Give the position reached, in whole seconds from the start (0 or more)."];
                }

                if (body.TitleId is not { } titleId)
                {
                    errors["titleId"] = ["Give the title's id."];
                }
                else if (await titles.GetAsync(titleId, null, ct) is not { } detail)
                {
                    errors["titleId"] = [$"There is no title {titleId}."];
                }
                else if (detail.Episodes.Count > 0 && body.EpisodeId is not { } episode)
                {
                    errors["episodeId"] = [$"{detail.Card.Name} is a series: say which episode."];
                }
                else if (body.EpisodeId is { } episodeId && !detail.Episodes.Any(e => e.Id == episodeId))
                {
                    errors["episodeId"] = [$"Episode {episodeId} is not an episode of {detail.Card.Name}."];
                }
                else
                {
                    target = await playback.GetTargetAsync(titleId, body.EpisodeId, id, ct);
                    if (target is not null && body.PositionSeconds is { } reached && reached > target.RuntimeSeconds)
                    {
                        errors["positionSeconds"] = [$"The position is past the end ({target.RuntimeSeconds} seconds)."];
                    }
                }
            }

            if (errors.Count > 0 || target is null)
            {
                return TypedResults.ValidationProblem(errors);
            }

            // A report of how far the viewer got: a session from where they had stopped (or this position, if earlier) to it.
            var positionSeconds = body!.PositionSeconds!.Value;
            FeedbackResult saved;
            try
            {
                saved = await feedback.RecordViewingAsync(id, target.TitleId, target.EpisodeId, device, Math.Min(target.ResumeAtSeconds, positionSeconds), positionSeconds, ct);
            }
            catch (FeedbackThrottledException throttled)
            {
                return TooMuchFeedback(request.HttpContext.Response, throttled);
            }

            return TypedResults.Ok(new ProgressResult(id, target.TitleId, target.EpisodeId, saved.SessionId!.Value, positionSeconds, target.RuntimeSeconds, saved.Finished));
        }).Accepts<ProgressRequest>("application/json").RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Report viewing progress").WithDescription("A viewing session from where the viewer had stopped to positionSeconds on a device; episodeId is required for a series. Continue Watching and the recommendations change at once.");
    }

    private static void MapTitles(RouteGroupBuilder api)
    {
        api.MapGet("/titles/{id:int}", async Task<Results<Ok<TitleDto>, ProblemHttpResult, ValidationProblem>> (int id, string? profile, TitleDetailService titles, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var profileId = OptionalInt(profile, "profile", 0, errors);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            return await titles.GetAsync(id, profileId, ct) is { } detail ? TypedResults.Ok(TitleDto.From(detail)) : NoTitle(id);
        }).WithSummary("One title").WithDescription("With ?profile= its match and thumb for that profile.");

        api.MapGet("/titles/{id:int}/similar", async Task<Results<Ok<IReadOnlyList<SimilarTitleDto>>, ProblemHttpResult, ValidationProblem>> (
            int id, string? profile, string? count, TitleDetailService titles, IRecommender recommender, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var profileId = OptionalInt(profile, "profile", 0, errors);
            var take = OptionalInt(count, "count", 1, errors, max: 50) ?? TitleDetailService.SimilarCount;
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            if (await titles.GetAsync(id, null, ct) is null)
            {
                return NoTitle(id);
            }

            if (!recommender.Status.IsReady)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The recommender is warming up", detail: recommender.Status.Message);
            }

            // Without a profile the titles are scored for a newcomer, so no match is claimed.
            var similar = await titles.SimilarAsync(id, profileId ?? -1, take, ct);
            return TypedResults.Ok<IReadOnlyList<SimilarTitleDto>>([.. similar.Select(c => new SimilarTitleDto(c.Title.Id, c.Title.Name, c.Title.Year, c.Title.GenreName, profileId is null ? null : c.MatchPercent))]);
        }).WithSummary("Similar titles").WithDescription("Titles watched by the same viewers (count 1 to 50, 12 by default); with ?profile= their match for that profile.");
    }

    private static void MapLayouts(RouteGroupBuilder api)
    {
        api.MapGet("/layouts", async (LayoutLibrary layouts, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<LayoutDto>>([.. (await layouts.ListAsync(ct)).Select(LayoutDto.From)]))
            .WithSummary("List layouts").WithDescription("The built-in layouts first, then the team's.");

        api.MapGet("/layouts/{idOrSlug}", async Task<Results<Ok<LayoutDto>, ProblemHttpResult>> (string idOrSlug, HttpResponse response, LayoutLibrary layouts, CancellationToken ct) =>
        {
            if (await layouts.FindAsync(idOrSlug, ct) is not { } stored)
            {
                return NoLayout(idOrSlug);
            }

            response.Headers.ETag = ETag(stored.Version);
            return TypedResults.Ok(LayoutDto.From(stored));
        }).WithSummary("One layout").WithDescription("By id or slug; the ETag header is its version.");

        api.MapPost("/layouts", async Task<Results<Created<LayoutDto>, ValidationProblem, ProblemHttpResult>> (HttpRequest request, LayoutLibrary layouts, CancellationToken ct) =>
        {
            var (json, problem) = await ReadTextAsync(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            var result = await layouts.ImportAsync(json!, ct);
            return result.Status == LayoutSaveStatus.Saved
                ? TypedResults.Created($"{Prefix}/layouts/{result.Layout!.Id}", LayoutDto.From(result.Layout))
                : TypedResults.ValidationProblem(result.Errors);
        }).Accepts<HomeLayout>("application/json").RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Create a layout").WithDescription("The body is a layout document (docs/layout.schema.json). An invalid layout gets field-level errors and is not saved.");

        api.MapPut("/layouts/{id:int}", async Task<Results<Ok<LayoutDto>, ValidationProblem, ProblemHttpResult>> (int id, HttpRequest request, HttpResponse response, LayoutLibrary layouts, CancellationToken ct) =>
        {
            int? expected = null;
            var ifMatch = request.Headers.IfMatch.ToString();
            if (!string.IsNullOrEmpty(ifMatch))
            {
                if (!int.TryParse(ifMatch.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["If-Match"] = ["If-Match is the layout's ETag, e.g. \"3\"."] });
                }

                expected = version;
            }

            var (json, problem) = await ReadTextAsync(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            if (!LayoutJson.TryParse(json!, out var layout, out var errors))
            {
                return await layouts.GetAsync(id, ct) is null ? NoLayout(id.ToString(CultureInfo.InvariantCulture)) : TypedResults.ValidationProblem(errors);
            }

            var result = await layouts.UpdateAsync(id, layout, expected, ct);
            switch (result.Status)
            {
                case LayoutSaveStatus.Saved:
                    response.Headers.ETag = ETag(result.Layout!.Version);
                    return TypedResults.Ok(LayoutDto.From(result.Layout));
                case LayoutSaveStatus.Invalid:
                    return TypedResults.ValidationProblem(result.Errors);
                case LayoutSaveStatus.NotFound:
                    return NoLayout(id.ToString(CultureInfo.InvariantCulture));
                case LayoutSaveStatus.ReadOnly:
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Built-in layouts are read-only", detail: result.Errors["$"][0]);
                default:
                    return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The layout changed since you read it", detail: result.Errors["$"][0]);
            }
        }).Accepts<HomeLayout>("application/json").RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Update a layout").WithDescription("Send If-Match with its ETag so another editor's save is never overwritten (412). Built-in layouts are read-only (409).");

        api.MapDelete("/layouts/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, HttpContext context, LayoutLibrary layouts, CancellationToken ct) =>
        {
            if (await PresenterGate.RefusalAsync(context) is { } refusal)
            {
                return refusal;
            }

            return await layouts.DeleteAsync(id, ct) switch
            {
                LayoutDeleteStatus.Deleted => TypedResults.NoContent(),
                LayoutDeleteStatus.ReadOnly => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Built-in layouts are read-only", detail: "Built-in layouts cannot be deleted."),
                _ => NoLayout(id.ToString(CultureInfo.InvariantCulture)),
            };
        }).RequireRateLimiting(RateLimitPolicies.Writes).WithSummary("Delete a layout").WithDescription("Presenter only: send the X-Presenter-Key header. Built-in layouts cannot be deleted (409).");
    }

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    /// <summary>429 for a profile past its feedback budget (<see cref="FeedbackService"/>), with Retry-After like the HTTP limiter's.</summary>
    private static ProblemHttpResult TooMuchFeedback(HttpResponse response, FeedbackThrottledException throttled)
    {
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too much feedback for this profile", detail: throttled.Message);
    }

    private static ProblemHttpResult NoProfile(int id) => NotFound("No such profile", $"There is no profile {id}.");

    private static ProblemHttpResult NoTitle(int id) => NotFound("No such title", $"There is no title {id}.");

    private static ProblemHttpResult NoLayout(string id) => NotFound("No such layout", $"There is no layout \"{id}\".");

    private static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static int? OptionalInt(string? value, string field, int min, Dictionary<string, string[]> errors, int max = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            errors[field] = [max == int.MaxValue ? $"{field} is a whole number, {min} or more." : $"{field} is a whole number from {min} to {max}."];
            return null;
        }

        return number;
    }

    private static DeviceType? ParseDevice(string? value, string field, Dictionary<string, string[]> errors, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors[field] = ["Say which device: tv, desktop, tablet or phone."];
            }

            return null;
        }

        var match = Enum.GetValues<DeviceType>().Where(d => string.Equals(LayoutValidator.JsonName(d), value.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 0)
        {
            errors[field] = ["The device is tv, desktop, tablet or phone."];
            return null;
        }

        return match[0];
    }

    private static async Task<(string? Text, ProblemHttpResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON", detail: "The body must be JSON (Content-Type: application/json)."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large", detail: $"At most {MaxBodyBytes / 1024} KB."));
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBodyBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return read > MaxBodyBytes
            ? (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large", detail: $"At most {MaxBodyBytes / 1024} KB."))
            : (new string(buffer, 0, read), null);
    }

    /// <summary>Reads a JSON body strictly (unknown properties are errors); a malformed body gives a field error at its JSON path.</summary>
    private static async Task<(T? Body, Dictionary<string, string[]> Errors)> ReadBodyAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        var errors = new Dictionary<string, string[]>();
        if (!request.HasJsonContentType())
        {
            errors["$"] = ["The body must be JSON (Content-Type: application/json)."];
            return (null, errors);
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, BodyOptions, ct);
            if (body is null)
            {
                errors["$"] = ["The body is empty."];
            }

            return (body, errors);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.TrimStart('$', '.');
            errors[field] = [ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "This property is not part of the request." : "This is not valid JSON for the request."];
            return (null, errors);
        }
    }
}
