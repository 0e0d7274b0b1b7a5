using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Artwork;

/// <summary>The variant picked for one card, and why.</summary>
/// <param name="Explored">Picked at random to keep learning (the exploration rate), not by the bandit's estimate.</param>
/// <param name="ExpectedTake">The bandit's learned chance of a play with this variant for this profile and device.</param>
/// <param name="DefaultExpectedTake">The same for the title's default artwork, to compare.</param>
/// <param name="Propensity">The chance this policy gave <paramref name="Theme"/>: exploration rate ÷ variants, plus the rest when it is the bandit's own choice.</param>
public sealed record ArtworkPick(string Theme, bool Explored, double ExpectedTake, double DefaultExpectedTake, double Propensity);

/// <summary>Picks a variant: at the exploration rate a uniform one, otherwise the bandit's upper-confidence choice.</summary>
public static class ArtworkPicker
{
    /// <param name="candidates">The title's variant themes, its default artwork first.</param>
    public static ArtworkPick Pick(LinUcbBandit bandit, double[] context, IReadOnlyList<string> candidates, double explorationRate, int profileId, int titleId, int visit)
    {
        ArgumentNullException.ThrowIfNull(bandit);
        ArgumentNullException.ThrowIfNull(candidates);
        var hash = ArtworkLog.StableHash(FormattableString.Invariant($"{profileId}/{titleId}/{visit}"));
        var roll = (hash >> 11) * (1.0 / (1UL << 53));
        var explored = roll < explorationRate;
        var choice = bandit.Choose(context, candidates);
        var theme = explored ? candidates[(int)(hash % (ulong)candidates.Count)] : choice;
        return new ArtworkPick(theme, explored, bandit.Expected(theme, context), bandit.Expected(candidates[0], context),
            ArtworkLog.Propensity(explorationRate, candidates.Count, theme == choice));
    }
}
