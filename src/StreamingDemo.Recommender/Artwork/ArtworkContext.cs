using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Artwork;

/// <summary>
/// The features the artwork bandit sees for a profile: a constant, the profile's weight in each learned taste community,
/// its recent micro-genres, and the device it is browsing on. The bandit learns one weight per feature and theme.
/// Recent micro-genres enter grouped by their genre family (a share per family of the micro-genre tags of the latest
/// titles): one feature per family rather than per micro-genre keeps A⁻¹ small enough to update and save on every page.
/// </summary>
public sealed class ArtworkContext
{
    private static readonly DeviceType[] Devices = [DeviceType.Tv, DeviceType.Desktop, DeviceType.Tablet, DeviceType.Phone];
    private readonly Dictionary<int, int> communityIndex;
    private readonly Dictionary<int, int> familyIndex;

    /// <param name="communityIds">The learned communities (their ids).</param>
    /// <param name="genreIds">The catalogue's genres: the families recent micro-genres are grouped by.</param>
    public ArtworkContext(IEnumerable<int> communityIds, IEnumerable<int> genreIds)
    {
        ArgumentNullException.ThrowIfNull(communityIds);
        ArgumentNullException.ThrowIfNull(genreIds);
        communityIndex = Index(communityIds);
        familyIndex = Index(genreIds);
    }

    public int Dimension => 1 + communityIndex.Count + familyIndex.Count + Devices.Length;

    public double[] For(ProfileTaste taste, DeviceType device)
    {
        ArgumentNullException.ThrowIfNull(taste);
        var x = new double[Dimension];
        x[0] = 1;
        foreach (var community in taste.Communities)
        {
            if (communityIndex.TryGetValue(community.CommunityId, out var i))
            {
                x[1 + i] += community.Weight;
            }
        }

        var families = 1 + communityIndex.Count;
        foreach (var recent in taste.RecentMicroGenres)
        {
            if (familyIndex.TryGetValue(recent.GenreId, out var i))
            {
                x[families + i] += recent.Share;
            }
        }

        x[families + familyIndex.Count + Math.Max(0, Array.IndexOf(Devices, device))] = 1;
        return x;
    }

    private static Dictionary<int, int> Index(IEnumerable<int> ids) =>
        ids.Distinct().Order().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
}
