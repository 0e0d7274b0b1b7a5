using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Artwork;

/// <summary>
/// The features the artwork bandit sees for a profile: a constant, the profile's weight in each learned taste community,
/// and the device it is browsing on. The bandit learns one weight per feature and theme.
/// </summary>
public sealed class ArtworkContext
{
    private static readonly DeviceType[] Devices = [DeviceType.Tv, DeviceType.Desktop, DeviceType.Tablet, DeviceType.Phone];
    private readonly Dictionary<int, int> communityIndex;

    /// <param name="communityIds">The learned communities, in a fixed order (their ids).</param>
    public ArtworkContext(IEnumerable<int> communityIds)
    {
        ArgumentNullException.ThrowIfNull(communityIds);
        communityIndex = communityIds.Order().Distinct().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
    }

    public int Dimension => 1 + communityIndex.Count + Devices.Length;

    public double[] For(IReadOnlyList<CommunityWeight> communities, DeviceType device)
    {
        ArgumentNullException.ThrowIfNull(communities);
        var x = new double[Dimension];
        x[0] = 1;
        foreach (var community in communities)
        {
            if (communityIndex.TryGetValue(community.CommunityId, out var i))
            {
                x[1 + i] += community.Weight;
            }
        }

        x[1 + communityIndex.Count + Math.Max(0, Array.IndexOf(Devices, device))] = 1;
        return x;
    }
}
