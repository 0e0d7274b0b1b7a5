using StreamingDemo.Domain;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender.Ranking;

/// <summary>The ranker's features for one (profile, title) pair, by name. The order is the vector's: the trained trees index into it.</summary>
internal enum RankerFeature
{
    Factors,
    FactorsRelative,
    CoViewing,
    CoViewingRelative,
    Community,
    MicroGenre,
    MicroGenreRelative,
    Trending,
    Popularity,
    AgeYears,
    IsSeries,
    ProfileActivity,
    KidsMatch,
    Ease,
    EaseRelative,
}

/// <summary>Builds the ranker's feature vector and holds the one blend of generator scores used without a ranker.</summary>
internal static class RankerFeatures
{
    public const int Count = (int)RankerFeature.EaseRelative + 1;

    private const float FactorsWeight = 0.5f;
    private const float CoViewingWeight = 0.3f;
    private const float MicroGenreWeight = 0.2f;

    /// <summary>
    /// The fixed blend of the relative generator scores: it shortlists large title sets cheaply and stands in for the
    /// ranker when there was too little data to train one.
    /// </summary>
    public static float Blend(float factorsRelative, float coViewingRelative, float microGenreRelative) =>
        FactorsWeight * factorsRelative + CoViewingWeight * coViewingRelative + MicroGenreWeight * microGenreRelative;

    /// <summary>The blend read from a feature vector (the score without a trained ranker).</summary>
    public static float Blend(ReadOnlySpan<float> features) =>
        Blend(features[(int)RankerFeature.FactorsRelative], features[(int)RankerFeature.CoViewingRelative], features[(int)RankerFeature.MicroGenreRelative]);

    /// <summary>Writes the features of <paramref name="title"/> for the profile into <paramref name="features"/>.</summary>
    public static void Fill(RecommenderModel model, ProfileState state, int title, GeneratorScores g, GeneratorMaxima max, Span<float> features)
    {
        var info = model.Catalog.Titles[title];
        features[(int)RankerFeature.Factors] = g.Factors;
        features[(int)RankerFeature.FactorsRelative] = g.Factors / max.Factors;
        features[(int)RankerFeature.CoViewing] = g.CoViewing;
        features[(int)RankerFeature.CoViewingRelative] = g.CoViewing / max.CoViewing;
        features[(int)RankerFeature.Community] = g.Community;
        features[(int)RankerFeature.MicroGenre] = g.MicroGenre;
        features[(int)RankerFeature.MicroGenreRelative] = g.MicroGenre / max.MicroGenre;
        features[(int)RankerFeature.Trending] = g.Trending;
        features[(int)RankerFeature.Popularity] = model.Popularity.LogPopularity[title];
        features[(int)RankerFeature.AgeYears] = model.Popularity.AgeDays[title] / 365f;
        features[(int)RankerFeature.IsSeries] = info.Kind == TitleKind.Series ? 1f : 0f;
        features[(int)RankerFeature.ProfileActivity] = MathF.Log(1 + state.Titles.Length);
        features[(int)RankerFeature.KidsMatch] = state.IsKids ? (info.IsKids ? 1f : -1f) : (info.IsKids ? 0.5f : 0f);
        features[(int)RankerFeature.Ease] = g.Ease;
        features[(int)RankerFeature.EaseRelative] = g.Ease / max.Ease;
    }
}

/// <summary>The six candidate generators' scores for one title, kept for features and explanations.</summary>
internal readonly record struct GeneratorScores(float Factors, float CoViewing, float Community, float MicroGenre, float Trending, float Ease = 0f);

/// <summary>The profile's highest score of each generator over the catalogue, for the relative features (never zero).</summary>
internal readonly record struct GeneratorMaxima(float Factors, float CoViewing, float MicroGenre, float Ease = 1f);
