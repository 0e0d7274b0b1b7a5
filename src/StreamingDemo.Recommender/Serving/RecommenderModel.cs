using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Communities;
using StreamingDemo.Recommender.Ranking;
using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Serving;

/// <summary>
/// One trained generation of the recommender: candidate generators, communities, ranker and calibrator, plus the state of
/// every trained profile. Immutable once built, so requests read it without locks and retraining swaps it atomically.
/// </summary>
internal sealed class RecommenderModel
{
    public required CatalogIndex Catalog { get; init; }

    public required PopularityModel Popularity { get; init; }

    public required ImplicitFactorModel Factors { get; init; }

    public required CoViewingNeighbours CoViewing { get; init; }

    public required EaseItemModel Ease { get; init; }

    public required MicroGenreAffinity Tags { get; init; }

    public required TasteCommunityModel Communities { get; init; }

    /// <summary>Community mixtures read from watched titles, and what they predict (cold start: docs/decisions/0029).</summary>
    public required CommunityPosterior CommunityPosterior { get; init; }

    /// <summary>Null when there was too little data to train one; a fixed blend of generator scores stands in.</summary>
    public CompiledTreeEnsemble? Ranker { get; init; }

    /// <summary>P(enjoy | starts) before calibration; null when there was too little data (the calibrator then reads the ranker score).</summary>
    public CompiledTreeEnsemble? Enjoyment { get; init; }

    /// <summary>Maps the enjoyment model's raw score to the match probability.</summary>
    public required MatchCalibrator Calibrator { get; init; }

    public required IReadOnlyDictionary<int, ProfileState> Profiles { get; init; }

    public required string DataVersion { get; init; }

    public required DateTime TrainedAt { get; init; }

    public required int CandidatePool { get; init; }

    public string ModelVersion => $"{DataVersion}@{TrainedAt:yyyyMMddHHmmss}";

    /// <summary>Builds a profile's serving state from its evidence; reuses trained factors when given.</summary>
    public ProfileState BuildState(int profileId, bool isKids, IReadOnlyList<(int Title, float Strength, DateTime LastAt)> evidence,
        IEnumerable<int> excluded, IEnumerable<int> thumbedDown, float[]? factors = null, IReadOnlyDictionary<int, float>? leanings = null)
    {
        var titles = evidence.Select(e => e.Title).ToArray();
        var strengths = evidence.Select(e => e.Strength).ToArray();
        leanings ??= MicroGenreAffinity.EmptyLeanings;
        var affinity = Tags.ProfileAffinity(titles, strengths, leanings);
        var mixture = CommunityPosterior.Weights(titles, strengths);
        return new ProfileState
        {
            ProfileId = profileId,
            IsKids = isKids,
            Titles = titles,
            Strengths = strengths,
            LastAt = [.. evidence.Select(e => e.LastAt)],
            Excluded = [.. excluded.Concat(titles).Distinct().Order()],
            ThumbedDown = [.. thumbedDown.Distinct().Order()],
            Factors = factors ?? Factors.FoldIn(titles, strengths),
            TagAffinity = affinity,
            Leanings = leanings,
            CommunityMixture = mixture,
            Communities = titles.Length > 0 ? CommunityPosterior.Strongest(mixture, hasTitles: true)
                : leanings.Count == 0 ? [] : Communities.NearestToLeanings(Tags, leanings),
        };
    }

    /// <summary>Starts one scoring pass for the profile (the generators over the whole catalogue); dispose the scorer.</summary>
    public ProfileScorer Scorer(ProfileState state) => new(this, state);
}
