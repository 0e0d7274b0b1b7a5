using System.Collections.Concurrent;

namespace StreamingDemo.Web.Features.Browse;

/// <summary>Home-page visits per profile since the site started: the recommender re-permutes the page a little on each visit.</summary>
public sealed class HomeVisits
{
    private readonly ConcurrentDictionary<int, int> visits = new();

    /// <summary>
    /// The visit to compose: the next one (counted when <paramref name="commit"/>, previewed when not), or with
    /// <paramref name="newVisit"/> false the current one, for recomposing the page the viewer is on.
    /// </summary>
    public int Visit(int profileId, bool commit, bool newVisit) => (commit, newVisit) switch
    {
        (_, false) => visits.GetValueOrDefault(profileId),
        (true, true) => visits.AddOrUpdate(profileId, 0, (_, v) => v + 1),
        (false, true) => visits.TryGetValue(profileId, out var seen) ? seen + 1 : 0,
    };
}
