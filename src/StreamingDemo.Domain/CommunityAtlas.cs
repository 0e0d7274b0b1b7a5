namespace StreamingDemo.Domain;

/// <summary>
/// One learned taste community as the studio shows it (M2): its place on the 2-D map, what it watches, who is in it and
/// which communities its members also belong to. Everything comes from the live model.
/// </summary>
/// <param name="X">Map position: the community centroid's first principal component (ML.NET PCA over all centroids, weighted by size).</param>
/// <param name="Y">Map position: the second principal component.</param>
/// <param name="Size">Profiles for which this is the strongest of their three communities.</param>
/// <param name="Reach">Profiles that have this community among their three.</param>
/// <param name="TopTitleIds">The community's most watched titles (membership-weighted), best first.</param>
/// <param name="ExampleMemberIds">Members whose taste is most strongly this community, strongest first.</param>
/// <param name="InfluentialProfileIds">Members with the most influence (weighted friendship edges) over fellow members, strongest first.</param>
/// <param name="Neighbours">The other communities its members belong to, by the members' summed weight on them, strongest first.</param>
public sealed record CommunityProfile(
    int Id,
    string Name,
    int Size,
    int Reach,
    double X,
    double Y,
    IReadOnlyList<TagMatch> DistinguishingTags,
    IReadOnlyList<int> TopTitleIds,
    IReadOnlyList<int> ExampleMemberIds,
    IReadOnlyList<int> InfluentialProfileIds,
    IReadOnlyList<CommunityWeight> Neighbours);

/// <summary>The learned communities of the live model, for the studio; read-only and computed once per model.</summary>
public interface ITasteCommunityAtlas
{
    /// <summary>The model the atlas describes (empty before the first model is live).</summary>
    string ModelVersion { get; }

    IReadOnlyList<CommunityProfile> Communities { get; }

    /// <summary>Every profile whose strongest community is <paramref name="communityId"/>, strongest first (empty for an unknown id).</summary>
    IReadOnlyList<int> MemberIds(int communityId);

    /// <summary>The strongest community of each trained profile with evidence.</summary>
    IReadOnlyDictionary<int, int> DominantCommunities { get; }
}
