using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Artwork;

/// <summary>One policy's replay result: plays per impression where it would have shown what the log showed.</summary>
public sealed record PolicyTake(string Name, double TakeFraction, int Impressions);

/// <summary>One theme in the replay.</summary>
/// <param name="ExploredShare">Its share of the randomly explored impressions.</param>
/// <param name="TakeFraction">Plays per explored impression showing it, over every profile.</param>
/// <param name="LearnedShare">Its share of the learned policy's choices on the scored half.</param>
public sealed record ThemeReplay(string Theme, double ExploredShare, double TakeFraction, double LearnedShare);

public sealed record ArtworkReplayReport(IReadOnlyList<PolicyTake> Policies, double ExplorationShare, int LoggedImpressions)
{
    /// <summary>Every theme shown in the explored impressions, in ordinal order.</summary>
    public IReadOnlyList<ThemeReplay> Themes { get; init; } = [];

    /// <summary>The explored impressions: the only ones replayed.</summary>
    public int ExploredImpressions { get; init; }

    /// <summary>Of <see cref="LoggedImpressions"/>, the ones shown on the running site (the rest were seeded).</summary>
    public int LiveImpressions { get; init; }

    /// <summary>Of the live impressions, the ones shown by uniform exploration (replayed with the seeded explored ones).</summary>
    public int LiveExploredImpressions { get; init; }

    /// <summary>Of the live explored impressions, the ones in the scored (later) half.</summary>
    public int LiveScoredImpressions { get; init; }

    public PolicyTake Policy(string name) => Policies.First(p => p.Name == name);
}

/// <summary>
/// Offline replay (Li, Chu, Langford, Wang 2011) on the randomly explored impressions only, where every variant had the
/// same chance of being shown, so the take of the matched impressions is an unbiased estimate of the policy's take. The
/// log holds the seeded impressions and then the live ones in the order they were shown; the bandit's own (unexplored)
/// picks and the default artwork are counted but never scored, since their variant was not chosen at random.
/// The earlier half of the explored impressions trains the bandit and picks the single best theme; the later half
/// scores the learned bandit (which keeps learning from the impressions it matches), uniform random choice, and that
/// one best image for everyone.
/// </summary>
public static class ArtworkReplay
{
    public const string Learned = "learned";
    public const string Random = "random";
    public const string SingleBest = "single-best";

    public static ArtworkReplayReport Run(IReadOnlyList<LoggedImpression> log, Func<int, DeviceType, double[]> context, int dimension, double alpha)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(context);
        var explored = log.Where(e => e.Explored).ToList();
        var half = explored.Count / 2;
        var bandit = new LinUcbBandit(dimension, alpha);
        var shown = new Dictionary<string, (int Impressions, int Plays)>(StringComparer.Ordinal);
        foreach (var e in explored.Take(half))
        {
            bandit.Observe(context(e.ProfileId, e.Device), e.Shown, e.Played);
            var (n, p) = shown.GetValueOrDefault(e.Shown);
            shown[e.Shown] = (n + 1, p + (e.Played ? 1 : 0));
        }

        var ranking = shown.OrderByDescending(s => (double)s.Value.Plays / s.Value.Impressions).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select((s, i) => (s.Key, i)).ToDictionary(s => s.Key, s => s.i, StringComparer.Ordinal);
        var learned = new Tally();
        var random = new Tally();
        var single = new Tally();
        var pick = new System.Random(7);
        var learnedChoices = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in explored.Skip(half))
        {
            var x = context(e.ProfileId, e.Device);
            var choice = bandit.Choose(x, e.Candidates);
            learnedChoices[choice] = learnedChoices.GetValueOrDefault(choice) + 1;
            if (choice == e.Shown)
            {
                learned.Add(e.Played);
                bandit.Observe(x, e.Shown, e.Played);
            }

            if (e.Candidates[pick.Next(e.Candidates.Count)] == e.Shown)
            {
                random.Add(e.Played);
            }

            if (e.Candidates.MinBy(c => ranking.GetValueOrDefault(c, int.MaxValue)) == e.Shown)
            {
                single.Add(e.Played);
            }
        }

        var scored = explored.Count - half;
        var themes = explored.GroupBy(e => e.Shown, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ThemeReplay(g.Key, (double)g.Count() / explored.Count, (double)g.Count(e => e.Played) / g.Count(),
                scored == 0 ? 0 : (double)learnedChoices.GetValueOrDefault(g.Key) / scored));
        return new ArtworkReplayReport(
            [learned.Take(Learned), random.Take(Random), single.Take(SingleBest)],
            log.Count == 0 ? 0 : (double)explored.Count / log.Count,
            log.Count)
        {
            Themes = [.. themes],
            ExploredImpressions = explored.Count,
            LiveImpressions = log.Count(e => e.Live),
            LiveExploredImpressions = explored.Count(e => e.Live),
            LiveScoredImpressions = explored.Skip(half).Count(e => e.Live),
        };
    }

    private sealed class Tally
    {
        private int impressions;
        private int plays;

        public void Add(bool played)
        {
            impressions++;
            plays += played ? 1 : 0;
        }

        public PolicyTake Take(string name) => new(name, impressions == 0 ? 0 : (double)plays / impressions, impressions);
    }
}
