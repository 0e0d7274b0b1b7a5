namespace StreamingDemo.Domain;

/// <summary>
/// Everything the recommender trains on, read from the store in one pass. Dense arrays, no EF types:
/// the recommender never references the data layer.
/// </summary>
public sealed record InteractionSnapshot(
    DateTime AsOf,
    string DataVersion,
    IReadOnlyList<GenreInfo> Genres,
    IReadOnlyList<MicroGenreInfo> MicroGenres,
    IReadOnlyList<TitleInfo> Titles,
    IReadOnlyList<ProfileInfo> Profiles,
    IReadOnlyList<ProfileTitleInteraction> Interactions,
    IReadOnlyList<InfluenceEdgeInfo> InfluenceEdges)
{
    /// <summary>What the profiles' choices in interactive titles lean to (V11), summed per profile and micro-genre.</summary>
    public IReadOnlyList<ChoiceLeaning> ChoiceLeanings { get; init; } = [];
}

/// <summary>
/// How much a profile's story choices lean to one micro-genre: each choice adds 1 shared over the micro-genres it leans to.
/// </summary>
public sealed record ChoiceLeaning(int ProfileId, int MicroGenreId, float Weight);

public sealed record ProfileInfo(int Id, string Name, bool IsKids, DateTime CreatedAt);

/// <summary>
/// One profile's history with one title, aggregated over its viewing sessions and its thumb.
/// <see cref="Completion"/> is the furthest share of the title (or, for series, of the episodes) watched, 0..1.
/// </summary>
public sealed record ProfileTitleInteraction(
    int ProfileId,
    int TitleId,
    int Sessions,
    float Completion,
    DateTime FirstAt,
    DateTime LastAt,
    ThumbRating? Thumb);

public sealed record InfluenceEdgeInfo(int FromProfileId, int ToProfileId, float Weight);

/// <summary>Reads the training snapshot. Implemented by the data layer over SQLite.</summary>
public interface IInteractionSource
{
    Task<InteractionSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>A cheap fingerprint of the data the models would be trained on (changes when interactions change).</summary>
    Task<string> GetDataVersionAsync(CancellationToken cancellationToken = default);
}
