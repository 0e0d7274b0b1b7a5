namespace StreamingDemo.Recommender;

/// <summary>Training and serving knobs (section "Recommender").</summary>
public sealed class RecommenderOptions
{
    public const string SectionName = "Recommender";

    /// <summary>Seed for every MLContext and sampler: same data and seed, same models.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>How often the background service checks for new data and retrains. Zero disables retraining.</summary>
    public TimeSpan RetrainInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Where model files live; empty means a "models" folder next to the database.</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Latent factors of the implicit ALS model.</summary>
    public int Factors { get; set; } = 48;

    public int AlsIterations { get; set; } = 10;

    public float AlsRegularization { get; set; } = 0.5f;

    /// <summary>Confidence slope: c = 1 + alpha × preference strength (Hu, Koren, Volinsky 2008).</summary>
    public float AlsAlpha { get; set; } = 8f;

    /// <summary>Co-viewing neighbours kept per title.</summary>
    public int Neighbours { get; set; } = 60;

    /// <summary>Most-watched titles the EASE item–item model covers (its training inverts an N × N matrix: O(N³)).</summary>
    public int EaseTitles { get; set; } = 1500;

    /// <summary>EASE's ridge penalty λ on the item–item weights.</summary>
    public float EaseRegularization { get; set; } = 300f;

    /// <summary>Number of taste communities KMeans learns; 0 picks it from the data.</summary>
    public int Communities { get; set; }

    /// <summary>Seeded KMeans restarts; the tightest clustering wins.</summary>
    public int CommunityRestarts { get; set; } = 3;

    /// <summary>Candidates the ranker sees per request.</summary>
    public int CandidatePool { get; set; } = 300;

    /// <summary>Profiles sampled to train the ranker and to fit the calibrator (half each).</summary>
    public int RankerProfiles { get; set; } = 3000;

    /// <summary>
    /// Profiles sampled beyond the ranker's to train the enjoyment model and fit the match calibrator (half each): they cost
    /// one scoring pass each, and the calibrator's top steps need them (docs/decisions/0027).
    /// </summary>
    public int EnjoymentProfiles { get; set; } = 6000;

    /// <summary>The ranker's objective: log loss on "played" per candidate, or LambdaRank over each profile's candidate list.</summary>
    public Ranking.RankerObjective RankerObjective { get; set; } = Ranking.RankerObjective.Binary;

    public int RankerTrees { get; set; } = 60;

    public int RankerLeaves { get; set; } = 24;

    /// <summary>Days that count as "recent" for trending and new releases.</summary>
    public int TrendingDays { get; set; } = 30;

    public int NewReleaseDays { get; set; } = 120;
}
