using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Artwork;

/// <summary>Warm-starting the serving bandit from a logged impression history.</summary>
public static class ArtworkLearning
{
    /// <summary>The confidence width the site and the replay use unless configured otherwise.</summary>
    public const double DefaultAlpha = 0.1;

    /// <summary>A bandit that has learned from every logged impression and play, in log order.</summary>
    public static LinUcbBandit WarmStart(IReadOnlyList<LoggedImpression> log, Func<int, DeviceType, double[]> context, int dimension, double alpha)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(context);
        var bandit = new LinUcbBandit(dimension, alpha);
        foreach (var e in log)
        {
            bandit.Observe(context(e.ProfileId, e.Device), e.Shown, e.Played);
        }

        return bandit;
    }
}
