using System.Text.Json.Serialization;

namespace StreamingDemo.Domain.Interactive;

/// <summary>Who an interactive title is for: kids' stories attach to kids' titles, adults' to adults'.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StoryAudience>))]
public enum StoryAudience
{
    Kids = 0,
    Adults = 1,
}

/// <summary>
/// A branching story (V11): scenes joined by choices, from <see cref="Start"/> to one of several endings. Authored as
/// data in <c>seed-data/stories.json</c> and checked by <see cref="StoryValidator"/> before anything uses it.
/// </summary>
/// <param name="Key">Stable identifier, stored beside each play.</param>
/// <param name="Audience">Kids' or adults' catalogue.</param>
/// <param name="MicroGenres">Micro-genres of the titles this story may be attached to, best first.</param>
public sealed record StoryGraph(
    string Key,
    string Name,
    StoryAudience Audience,
    IReadOnlyList<string> MicroGenres,
    string Start,
    IReadOnlyList<StoryScene> Scenes)
{
    /// <summary>The scene with this id (a story has a dozen scenes: a scan is as quick as a lookup, and no cache can go stale under <c>with</c>).</summary>
    public StoryScene Scene(string id) => Scenes.First(s => s.Id == id);

    public IEnumerable<StoryScene> Endings => Scenes.Where(s => s.IsEnding);

    public IEnumerable<StoryScene> DecisionPoints => Scenes.Where(s => s.Choices.Count >= 2);

    /// <summary>The choice with this id anywhere in the story, with the scene it is offered in; null if there is none.</summary>
    public (StoryScene Scene, StoryChoice Choice)? FindChoice(string choiceId)
    {
        foreach (var scene in Scenes)
        {
            foreach (var choice in scene.Choices)
            {
                if (choice.Id == choiceId)
                {
                    return (scene, choice);
                }
            }
        }

        return null;
    }

    /// <summary>Depth of each scene: the length of the longest chain of choices from the start (the layout's columns).</summary>
    public IReadOnlyDictionary<string, int> Depths()
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        int Visit(string id, int at)
        {
            if (depth.TryGetValue(id, out var known) && known >= at)
            {
                return known;
            }

            depth[id] = at;
            foreach (var choice in Scene(id).Choices)
            {
                Visit(choice.Next, at + 1);
            }

            return at;
        }

        Visit(Start, 0);
        return depth;
    }
}

/// <summary>
/// One scene: what plays, then either the choices offered at its end or, for an ending, the ending's name.
/// A scene with one choice simply plays on into the next.
/// </summary>
public sealed record StoryScene(string Id, string Title, string Text, IReadOnlyList<StoryChoice> Choices, string? Ending = null)
{
    public bool IsEnding => Ending is not null;

    /// <summary>The choice taken when the countdown runs out: the one marked default, else the first.</summary>
    public StoryChoice? DefaultChoice => Choices.FirstOrDefault(c => c.IsDefault) ?? (Choices.Count > 0 ? Choices[0] : null);
}

/// <summary>A choice leading to <see cref="Next"/>; <see cref="Leanings"/> are the micro-genres picking it says the viewer leans to.</summary>
public sealed record StoryChoice(string Id, string Label, string Next, IReadOnlyList<string> Leanings, bool IsDefault = false);
