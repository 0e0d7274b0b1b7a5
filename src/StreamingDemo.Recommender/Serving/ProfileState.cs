namespace StreamingDemo.Recommender.Serving;

/// <summary>
/// Everything the request path needs about one profile, derived from its evidence: factors, micro-genre affinity,
/// community memberships and what to exclude. Immutable; feedback builds a new one.
/// </summary>
internal sealed class ProfileState
{
    public required int ProfileId { get; init; }

    public bool IsKids { get; init; }

    /// <summary>Title indexes with positive evidence.</summary>
    public required int[] Titles { get; init; }

    public required float[] Strengths { get; init; }

    public required DateTime[] LastAt { get; init; }

    /// <summary>Title indexes never to recommend again (already watched, picked or thumbed down), sorted.</summary>
    public required int[] Excluded { get; init; }

    /// <summary>Title indexes thumbed down, sorted (a subset of <see cref="Excluded"/>).</summary>
    public required int[] ThumbedDown { get; init; }

    public required float[] Factors { get; init; }

    public required float[] TagAffinity { get; init; }

    /// <summary>What its story choices lean to: micro-genre index → summed share (part of <see cref="TagAffinity"/>).</summary>
    public IReadOnlyDictionary<int, float> Leanings { get; init; } = Candidates.MicroGenreAffinity.EmptyLeanings;

    /// <summary>The profile's weight per community, read off its titles (<see cref="Candidates.CommunityPosterior.Weights"/>).</summary>
    public required float[] CommunityMixture { get; init; }

    /// <summary>
    /// The three communities the site names for the profile: the heaviest of <see cref="CommunityMixture"/>, or, with no
    /// titles but story choices, the KMeans communities nearest its leanings (docs/decisions/0034).
    /// </summary>
    public required (int Community, float Weight)[] Communities { get; init; }

    public bool HasEvidence => Titles.Length > 0;
}
