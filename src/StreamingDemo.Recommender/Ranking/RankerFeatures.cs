namespace StreamingDemo.Recommender.Ranking;

/// <summary>The ranker's feature vector for one (profile, title) pair. Order matters: the trained trees index into it.</summary>
internal static class RankerFeatures
{
    public const int Count = 13;

    public static readonly string[] Names =
    [
        "factors", "factors-relative", "co-viewing", "co-viewing-relative", "community", "micro-genre", "micro-genre-relative",
        "trending", "popularity", "age-years", "is-series", "profile-activity", "kids-match",
    ];
}

/// <summary>The five candidate generators' scores for one title, kept for features and explanations.</summary>
internal readonly record struct GeneratorScores(float Factors, float CoViewing, float Community, float MicroGenre, float Trending);
