using System.Globalization;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Artwork;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>A "show the machinery" badge: the mechanism's short name and what it means for this card.</summary>
public sealed record MachineryBadge(string Label, string Meaning, string Kind);

/// <summary>
/// The "show the machinery" switch (M6) and its badges. Every badge is read from the explanation the card carries — the
/// same record "Why this?" shows — never decided apart from it: <see cref="For(Explanation)"/> names
/// <see cref="Explanation.PlacedBy"/>, <see cref="ForArtwork"/> the artwork choice the card reports.
/// </summary>
public static class Machinery
{
    /// <summary>The switch is a preference of this browser, kept in a plain cookie so the first paint already shows it.</summary>
    public const string CookieName = "streamingdemo-machinery";

    public static bool Read(HttpContext? context) => context?.Request.Cookies[CookieName] == "on";

    public static void Write(HttpResponse response, bool show)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, show ? "on" : "off", new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });
    }

    /// <summary>The plain navigation that flips the switch and comes back (a cookie is set by an HTTP response).</summary>
    public static string SwitchUrl(bool show, string returnUrl) =>
        string.Create(CultureInfo.InvariantCulture, $"/machinery?show={(show ? "true" : "false")}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>The badge of the mechanism that placed the card, as its explanation records it.</summary>
    public static MachineryBadge For(Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return explanation.PlacedBy switch
        {
            PlacementMechanism.ContinueWatching => new("Continue watching", "You started it and have not finished it.", "continue"),
            PlacementMechanism.CoViewing => new("Co-viewing", explanation.SeedTitleName is { } seed
                ? $"Watched by the same people as {seed}."
                : "Watched by the same people as titles you watched.", "co-viewing"),
            PlacementMechanism.MicroGenreAffinity => new("Micro-genre affinity", explanation.Tags.Count > 0
                ? $"Carries micro-genres you watch: {string.Join(", ", explanation.Tags.Select(t => t.Name))}."
                : "From a micro-genre you watch.", "micro-genre"),
            PlacementMechanism.Community => new("Community", explanation.Communities.Count > 0
                ? $"Trending among your taste community {explanation.Communities[0].Name}."
                : "Trending among your taste community.", "community"),
            PlacementMechanism.Trending => new("Trending", "What many viewers watch or what is new, ordered for you.", "trending"),
            PlacementMechanism.Exploration => new("Exploration", "Picked outside your usual taste so you can discover something new.", "exploration"),
            _ => new("Personal ranking", "The ranker's best picks for you across every candidate generator.", "ranking"),
        };
    }

    /// <summary>The artwork badge when the card's artwork was chosen for this profile (V10); null for the default poster.</summary>
    public static MachineryBadge? ForArtwork(CardArtwork? artwork) => artwork switch
    {
        { Personalized: true, Explored: true } => new("Artwork: exploring", artwork.Reason, "artwork"),
        { Personalized: true } => new($"Artwork: {artwork.Label}", artwork.Reason, "artwork"),
        _ => null,
    };

    /// <summary>A row's badge: the mechanism most of its cards were placed by (discovery cards aside, unless all are).</summary>
    public static MachineryBadge? ForRow(HomeRowView row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var explanations = row.Cards.Select(c => c.Explanation).ToList();
        var placed = explanations.Where(e => e.PlacedBy != PlacementMechanism.Exploration).ToList();
        var pick = (placed.Count > 0 ? placed : explanations)
            .GroupBy(e => e.PlacedBy).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.First()).FirstOrDefault();
        return pick is null ? null : For(pick);
    }
}
