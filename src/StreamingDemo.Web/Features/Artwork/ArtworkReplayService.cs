using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Artwork;

namespace StreamingDemo.Web.Features.Artwork;

/// <summary>One artwork policy in the studio's replay panel.</summary>
/// <param name="TakeFraction">Plays per matched impression.</param>
/// <param name="Impressions">Scored impressions where the policy would have shown what the log showed.</param>
public sealed record ReplayPolicyView(string Name, string Label, double TakeFraction, int Impressions);

/// <summary>One artwork theme in the replay: how often exploration showed it, how often it was played, how often the bandit picks it.</summary>
public sealed record ReplayThemeView(string Theme, string Label, double ExploredShare, double TakeFraction, double LearnedShare);

/// <summary>The replay of the store's logged artwork impressions against the live model's profile contexts (V10).</summary>
/// <param name="LoggedImpressions">Every logged impression the replay read, seeded and live.</param>
/// <param name="ExploredImpressions">Of those, the ones shown a uniformly random variant: the only ones replayed.</param>
/// <param name="LiveImpressions">Of <paramref name="LoggedImpressions"/>, the ones shown on this site since the store was seeded.</param>
/// <param name="LiveExploredImpressions">Of the live impressions, the explored ones (replayed with the seeded explored ones).</param>
/// <param name="LivePlayed">Of the live impressions, the ones followed by a play in the same visit.</param>
public sealed record ArtworkReplayView(
    string ModelVersion,
    int LoggedImpressions,
    double ExplorationShare,
    IReadOnlyList<ReplayPolicyView> Policies,
    IReadOnlyList<ReplayThemeView> Themes,
    int ExploredImpressions,
    int LiveImpressions,
    int LiveExploredImpressions,
    int LivePlayed)
{
    public ReplayPolicyView Learned => Policies.First(p => p.Name == ArtworkReplay.Learned);

    public ReplayPolicyView Random => Policies.First(p => p.Name == ArtworkReplay.Random);

    public ReplayPolicyView SingleBest => Policies.First(p => p.Name == ArtworkReplay.SingleBest);

    /// <summary>Impressions the seeder logged with the store.</summary>
    public int SeededImpressions => LoggedImpressions - LiveImpressions;

    /// <summary>The live impressions' share shown a random variant (the configured exploration rate, as it fell).</summary>
    public double LiveExplorationShare => LiveImpressions == 0 ? 0 : (double)LiveExploredImpressions / LiveImpressions;
}

/// <summary>
/// Runs the artwork replay for the studio: the same <see cref="ArtworkReplay.Run"/> that <c>evaluate --json</c> reports,
/// over the store's logged impressions, with each profile's context (communities, recent micro-genres) from the live
/// model. Computed again when the model or the log has moved (a live impression or play was written since).
/// </summary>
public sealed class ArtworkReplayService(StoreLocation store, IRecommender recommender, IOptions<ArtworkOptions> options) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (ArtworkReplayView View, ArtworkLogCounts Counts)? cached;

    /// <summary>The replay for the current model, or null while the first model trains or when the store logged no impressions.</summary>
    public async Task<ArtworkReplayView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var status = recommender.Status;
        if (!status.IsReady)
        {
            return null;
        }

        var counts = await SqliteArtworkLog.CountAsync(store, cancellationToken);
        if (cached is { } ready && ready.View.ModelVersion == status.ModelVersion && ready.Counts == counts)
        {
            return ready.View;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            counts = await SqliteArtworkLog.CountAsync(store, cancellationToken);
            if (cached is { } done && done.View.ModelVersion == status.ModelVersion && done.Counts == counts)
            {
                return done.View;
            }

            var log = await SqliteArtworkVariants.LoadImpressionsAsync(store, cancellationToken);
            if (!log.Any(e => e.Explored))
            {
                return null;
            }

            var context = new ArtworkContext(Enumerable.Range(0, recommender.Communities.Count), await SqliteArtworkVariants.LoadGenreIdsAsync(store, cancellationToken));
            var tastes = new Dictionary<int, ProfileTaste>();
            double[] ContextOf(int profileId, DeviceType device)
            {
                if (!tastes.TryGetValue(profileId, out var taste))
                {
                    tastes[profileId] = taste = recommender.GetTaste(profileId);
                }

                return context.For(taste, device);
            }

            var report = await Task.Run(() => ArtworkReplay.Run(log, ContextOf, context.Dimension, options.Value.Alpha), cancellationToken);
            var view = new ArtworkReplayView(
                status.ModelVersion,
                report.LoggedImpressions,
                report.ExplorationShare,
                [.. report.Policies.Select(p => new ReplayPolicyView(p.Name, PolicyLabel(p.Name), p.TakeFraction, p.Impressions))],
                [.. report.Themes.Select(t => new ReplayThemeView(t.Theme, ArtworkService.Label(t.Theme), t.ExploredShare, t.TakeFraction, t.LearnedShare))],
                report.ExploredImpressions,
                report.LiveImpressions,
                report.LiveExploredImpressions,
                log.Count(e => e.Live && e.Played));
            cached = (view, counts);
            return view;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private static string PolicyLabel(string name) => name switch
    {
        ArtworkReplay.Learned => "Learned (bandit)",
        ArtworkReplay.Random => "Random variant",
        _ => "One best image for everyone",
    };
}
