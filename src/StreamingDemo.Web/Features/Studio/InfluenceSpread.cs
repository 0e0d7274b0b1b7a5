using StreamingDemo.Data.Studio;
using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>An influential member: how many fellow members they influence, by how much, and how many titles they passed on.</summary>
public sealed record Influencer(int ProfileId, int Followers, double Influence, int TitlesPassedOn);

/// <summary>A title that travelled along the community's influence edges: members who started it after someone influencing them had.</summary>
public sealed record SpreadingTitle(int TitleId, int PickedUpBy, int FromInfluencers);

public sealed record CommunitySpread(IReadOnlyList<Influencer> Influencers, IReadOnlyList<SpreadingTitle> Titles);

/// <summary>
/// What spreads through a community (M2): over the influence edges from its influential members to fellow members, a title
/// "spreads" when the follower first watched it after the influencer first did. Each follower counts once per title.
/// </summary>
public static class InfluenceSpread
{
    public static CommunitySpread Compute(IReadOnlyList<int> influencers, IReadOnlyCollection<int> members, IReadOnlyList<InfluenceEdgeInfo> edges,
        IReadOnlyList<FirstWatch> firstWatches, int titleCount)
    {
        ArgumentNullException.ThrowIfNull(influencers);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(firstWatches);
        var memberSet = members as ISet<int> ?? members.ToHashSet();
        var first = firstWatches.GroupBy(w => w.ProfileId).ToDictionary(g => g.Key, g => g.ToDictionary(w => w.TitleId, w => w.At));
        var inner = edges.Where(e => e.FromProfileId != e.ToProfileId && influencers.Contains(e.FromProfileId) && memberSet.Contains(e.ToProfileId)).ToList();

        var pickedUp = new Dictionary<int, HashSet<int>>();
        var sources = new Dictionary<int, HashSet<int>>();
        var passedOn = new Dictionary<int, HashSet<int>>();
        foreach (var edge in inner)
        {
            if (!first.TryGetValue(edge.FromProfileId, out var theirs) || !first.TryGetValue(edge.ToProfileId, out var mine))
            {
                continue;
            }

            foreach (var (title, at) in theirs)
            {
                if (mine.TryGetValue(title, out var followed) && followed > at)
                {
                    Add(pickedUp, title, edge.ToProfileId);
                    Add(sources, title, edge.FromProfileId);
                    Add(passedOn, edge.FromProfileId, title);
                }
            }
        }

        var people = influencers
            .Select(id => new Influencer(
                id,
                inner.Where(e => e.FromProfileId == id).Select(e => e.ToProfileId).Distinct().Count(),
                inner.Where(e => e.FromProfileId == id).Sum(e => (double)e.Weight),
                passedOn.TryGetValue(id, out var titles) ? titles.Count : 0))
            .ToList();
        var spreading = pickedUp
            .Select(kv => new SpreadingTitle(kv.Key, kv.Value.Count, sources[kv.Key].Count))
            .OrderByDescending(t => t.PickedUpBy).ThenByDescending(t => t.FromInfluencers).ThenBy(t => t.TitleId)
            .Take(titleCount)
            .ToList();
        return new CommunitySpread(people, spreading);
    }

    private static void Add(Dictionary<int, HashSet<int>> map, int key, int value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = [];
        }

        set.Add(value);
    }
}
