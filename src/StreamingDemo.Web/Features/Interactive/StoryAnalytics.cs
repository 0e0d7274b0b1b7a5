using StreamingDemo.Domain.Interactive;

namespace StreamingDemo.Web.Features.Interactive;

/// <summary>A saved playthrough as the analytics read it: whose, the choices in order, and the ending reached (null while under way).</summary>
public sealed record SavedPath(int ProfileId, IReadOnlyList<string> Choices, string? EndingSceneId);

/// <summary>How many viewers reached a scene, and their share of the viewers counted.</summary>
public sealed record SceneReach(string SceneId, int Viewers, double Share);

/// <summary>
/// How many viewers took a choice: <see cref="ShareOfOffered"/> among those who reached its scene (the branch split),
/// <see cref="ShareOfViewers"/> among all viewers counted (the flow drawn on the graph).
/// </summary>
public sealed record ChoiceShare(string ChoiceId, string FromSceneId, string ToSceneId, int Viewers, double ShareOfOffered, double ShareOfViewers);

/// <summary>
/// Whether the endings split the audience (V11): the normalised entropy of the endings viewers reached (0 = everyone
/// shares one ending, 1 = endings equally common) against <see cref="StoryAnalytics.FragmentationThreshold"/>, and the
/// share of viewers with friends (influence edges) who share an ending with at least one of them.
/// </summary>
public sealed record Fragmentation(double Entropy, double NormalisedEntropy, int EndingsReached, double? SharedWithFriends, int ViewersWithFriends, bool Warning);

/// <summary>Path analytics of one story over one audience.</summary>
public sealed record StoryAnalysis(
    int Viewers,
    int Playthroughs,
    int FinishedViewers,
    IReadOnlyDictionary<string, SceneReach> Scenes,
    IReadOnlyDictionary<string, ChoiceShare> Choices,
    IReadOnlyList<SceneReach> Endings,
    Fragmentation Fragmentation);

/// <summary>
/// The numbers behind the studio's story graph. Each viewer counts once, by their first playthrough: replays set out to
/// explore, so they would tell how curious viewers are rather than which way a story pulls them.
/// </summary>
public static class StoryAnalytics
{
    /// <summary>Above this normalised entropy of endings the audience is split across too many pathways.</summary>
    public const double FragmentationThreshold = 0.85;

    public static StoryAnalysis Compute(StoryGraph story, IReadOnlyList<SavedPath> plays, IReadOnlyCollection<(int From, int To)>? friendships = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(plays);
        var first = new Dictionary<int, SavedPath>();
        foreach (var play in plays)
        {
            first.TryAdd(play.ProfileId, play);
        }

        var viewers = first.Count;
        var sceneCounts = story.Scenes.ToDictionary(s => s.Id, _ => 0, StringComparer.Ordinal);
        var choiceCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var endingOf = new Dictionary<int, string>();
        foreach (var (profileId, play) in first)
        {
            var scene = story.Scene(story.Start);
            sceneCounts[scene.Id]++;
            foreach (var id in play.Choices)
            {
                var choice = scene.Choices.FirstOrDefault(c => c.Id == id);
                if (choice is null)
                {
                    break;
                }

                choiceCounts[choice.Id] = choiceCounts.GetValueOrDefault(choice.Id) + 1;
                scene = story.Scene(choice.Next);
                sceneCounts[scene.Id]++;
            }

            if (scene.IsEnding)
            {
                endingOf[profileId] = scene.Id;
            }
        }

        double Share(int count, int of) => of == 0 ? 0 : count / (double)of;
        var scenes = sceneCounts.ToDictionary(p => p.Key, p => new SceneReach(p.Key, p.Value, Share(p.Value, viewers)), StringComparer.Ordinal);
        var choices = new Dictionary<string, ChoiceShare>(StringComparer.Ordinal);
        foreach (var scene in story.Scenes)
        {
            foreach (var choice in scene.Choices)
            {
                var count = choiceCounts.GetValueOrDefault(choice.Id);
                choices[choice.Id] = new ChoiceShare(choice.Id, scene.Id, choice.Next, count, Share(count, sceneCounts[scene.Id]), Share(count, viewers));
            }
        }

        var finished = endingOf.Count;
        var endings = story.Endings.Select(e => new SceneReach(e.Id, sceneCounts[e.Id], Share(sceneCounts[e.Id], finished))).ToList();
        return new StoryAnalysis(viewers, plays.Count, finished, scenes, choices, endings, Fragment(endings, endingOf, friendships));
    }

    private static Fragmentation Fragment(List<SceneReach> endings, Dictionary<int, string> endingOf, IReadOnlyCollection<(int From, int To)>? friendships)
    {
        var entropy = 0.0;
        foreach (var ending in endings.Where(e => e.Share > 0))
        {
            entropy -= ending.Share * Math.Log2(ending.Share);
        }

        var possible = endings.Count;
        var normalised = possible > 1 ? entropy / Math.Log2(possible) : 0;

        // Friends: either direction of an influence edge, both of whom finished the story.
        var friends = new Dictionary<int, HashSet<int>>();
        foreach (var (from, to) in friendships ?? [])
        {
            if (from != to && endingOf.ContainsKey(from) && endingOf.ContainsKey(to))
            {
                (friends.TryGetValue(from, out var a) ? a : friends[from] = []).Add(to);
                (friends.TryGetValue(to, out var b) ? b : friends[to] = []).Add(from);
            }
        }

        var sharing = friends.Count(f => f.Value.Any(friend => endingOf[friend] == endingOf[f.Key]));
        var shared = friends.Count == 0 ? (double?)null : sharing / (double)friends.Count;
        return new Fragmentation(entropy, normalised, endings.Count(e => e.Viewers > 0), shared, friends.Count, normalised > FragmentationThreshold);
    }
}
