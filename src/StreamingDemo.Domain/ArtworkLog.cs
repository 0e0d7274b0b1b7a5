namespace StreamingDemo.Domain;

/// <summary>One logged artwork impression (V10): which variants the title had, which one was shown, whether it was played.</summary>
/// <param name="Explored">Shown by uniform random exploration (usable for replay), not by the default artwork or the bandit's own pick.</param>
/// <param name="Live">Shown on the running site (false: seeded).</param>
/// <param name="Propensity">The chance the logging policy gave <paramref name="Shown"/>; null where the store did not record it.</param>
public sealed record LoggedImpression(int ProfileId, int TitleId, DeviceType Device, IReadOnlyList<string> Candidates, string Shown, bool Explored, bool Played, bool Live = false, double? Propensity = null);

/// <summary>How many impressions a seeded world logs and how many of them explore.</summary>
public sealed record ArtworkLogOptions(int Seed = 42, int ImpressionsPerProfile = 24, double ExplorationShare = 0.3, int MaxProfiles = 4000);

/// <summary>
/// Generates the impression log a seeded world starts with; the seeder stores it (table ArtworkImpressions) and the
/// bandit's warm start, the studio replay and <c>evaluate</c> read it from there. The planted rule: every planted community has a favourite
/// artwork theme and a second one (a stable pick from its name); a profile plays a shown variant with chance
/// 4 % + 30 % × (the weight of its communities whose favourite the theme is) + 12 % × (the weight of those for which it
/// is the second). Shown variants are the title's default artwork, except for an exploration share picked uniformly.
/// </summary>
public static class ArtworkLog
{
    private const double BaseTake = 0.04;
    private const double FavouriteLift = 0.30;
    private const double SecondLift = 0.12;

    /// <summary>The planted favourite and second theme of a community.</summary>
    public static (string Favourite, string Second) PlantedPreference(string communityName, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(communityName);
        ArgumentNullException.ThrowIfNull(themes);
        var hash = StableHash(communityName);
        var favourite = themes[(int)(hash % (ulong)themes.Count)];
        var second = themes[(int)((hash >> 20) % (ulong)(themes.Count - 1))];
        return (favourite, second == favourite ? themes[^1] : second);
    }

    /// <summary>The planted chance that a profile with these planted memberships plays a title shown with this theme.</summary>
    public static double PlantedTake(IEnumerable<(string CommunityName, double Weight)> memberships, string theme, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        var take = BaseTake;
        foreach (var (name, weight) in memberships)
        {
            var (favourite, second) = PlantedPreference(name, themes);
            take += theme == favourite ? FavouriteLift * weight : theme == second ? SecondLift * weight : 0;
        }

        return take;
    }

    /// <param name="variants">Each title's variant themes, the default artwork first.</param>
    public static IReadOnlyList<LoggedImpression> Generate(GroundTruth truth, IReadOnlyDictionary<int, IReadOnlyList<string>> variants, ArtworkLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(options);
        var themes = Themes(variants);
        var titles = variants.Where(v => v.Value.Count > 0).OrderBy(v => v.Key).Select(v => v.Key).ToArray();
        if (themes.Count < 2 || titles.Length == 0)
        {
            return [];
        }

        var names = truth.Communities.ToDictionary(c => c.Id, c => c.Name);
        var profiles = truth.Memberships.GroupBy(m => m.ProfileId).OrderBy(g => g.Key).Take(options.MaxProfiles);
        var devices = new[] { DeviceType.Tv, DeviceType.Desktop, DeviceType.Tablet, DeviceType.Phone };
        var random = new Random(options.Seed);
        var log = new List<LoggedImpression>();
        foreach (var profile in profiles)
        {
            var memberships = profile.Where(m => names.ContainsKey(m.CommunityId)).Select(m => (names[m.CommunityId], (double)m.Weight)).ToList();
            var device = devices[random.Next(devices.Length)];
            for (var i = 0; i < options.ImpressionsPerProfile; i++)
            {
                var titleId = titles[random.Next(titles.Length)];
                var candidates = variants[titleId];
                var explored = random.NextDouble() < options.ExplorationShare;
                var shown = explored ? candidates[random.Next(candidates.Count)] : candidates[0];
                var played = random.NextDouble() < PlantedTake(memberships, shown, themes);
                var propensity = Propensity(options.ExplorationShare, candidates.Count, shown == candidates[0]);
                log.Add(new LoggedImpression(profile.Key, titleId, device, candidates, shown, explored, played, Propensity: propensity));
            }
        }

        return log;
    }

    /// <summary>
    /// The chance a policy that explores uniformly at <paramref name="explorationRate"/> and otherwise shows its own pick
    /// gives a variant: rate ÷ variants, plus (1 − rate) when the variant is its pick.
    /// </summary>
    public static double Propensity(double explorationRate, int variants, bool isPolicyPick) =>
        (explorationRate / variants) + (isPolicyPick ? 1 - explorationRate : 0);

    /// <summary>Every theme any title has, in ordinal order.</summary>
    public static IReadOnlyList<string> Themes(IReadOnlyDictionary<int, IReadOnlyList<string>> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return [.. variants.Values.SelectMany(v => v).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>FNV-1a over the text: the same in every process (never <c>string.GetHashCode</c>).</summary>
    public static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
