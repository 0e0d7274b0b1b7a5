namespace StreamingDemo.Domain.Interactive;

/// <summary>
/// Checks a story graph before it is used: every scene reachable from the start, every path ending (no loops a viewer
/// could go round forever), choices that lead somewhere, one default per decision, known micro-genres, and at least
/// <see cref="MinDecisionPoints"/> decisions and <see cref="MinEndings"/> endings. Each message names the scene.
/// </summary>
public static class StoryValidator
{
    public const int MinDecisionPoints = 3;
    public const int MinEndings = 4;

    /// <param name="microGenreSlugs">The catalogue's micro-genres; null skips that check.</param>
    public static IReadOnlyList<string> Validate(StoryGraph? story, IReadOnlySet<string>? microGenreSlugs = null)
    {
        var errors = new List<string>();
        if (story is null)
        {
            return ["A story is required."];
        }

        var name = string.IsNullOrWhiteSpace(story.Key) ? "(no key)" : story.Key;
        void Add(string message) => errors.Add($"Story '{name}': {message}");
        if (string.IsNullOrWhiteSpace(story.Key))
        {
            Add("give the story a key.");
        }

        if (string.IsNullOrWhiteSpace(story.Name))
        {
            Add("give the story a name.");
        }

        var scenes = new Dictionary<string, StoryScene>(StringComparer.Ordinal);
        foreach (var scene in story.Scenes ?? [])
        {
            if (string.IsNullOrWhiteSpace(scene.Id))
            {
                Add("a scene has no id.");
            }
            else if (!scenes.TryAdd(scene.Id, scene))
            {
                Add($"scene '{scene.Id}' is defined twice.");
            }
        }

        if (scenes.Count == 0)
        {
            Add("the story has no scenes.");
            return errors;
        }

        if (!scenes.ContainsKey(story.Start ?? string.Empty))
        {
            Add($"the start scene '{story.Start}' does not exist.");
            return errors;
        }

        var choiceIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scene in scenes.Values)
        {
            var choices = scene.Choices ?? [];
            if (string.IsNullOrWhiteSpace(scene.Text))
            {
                Add($"scene '{scene.Id}' has no text.");
            }

            if (scene.IsEnding && choices.Count > 0)
            {
                Add($"scene '{scene.Id}' is an ending but offers choices.");
            }
            else if (!scene.IsEnding && choices.Count == 0)
            {
                Add($"scene '{scene.Id}' is a dead end: it offers no choice and is not an ending.");
            }

            if (choices.Count(c => c.IsDefault) > 1)
            {
                Add($"scene '{scene.Id}' has more than one default choice.");
            }

            foreach (var choice in choices)
            {
                if (string.IsNullOrWhiteSpace(choice.Id) || !choiceIds.Add(choice.Id))
                {
                    Add($"scene '{scene.Id}' has a choice with a missing or repeated id '{choice.Id}'.");
                }

                if (string.IsNullOrWhiteSpace(choice.Label))
                {
                    Add($"scene '{scene.Id}': choice '{choice.Id}' has no label.");
                }

                if (!scenes.ContainsKey(choice.Next ?? string.Empty))
                {
                    Add($"scene '{scene.Id}': choice '{choice.Id}' leads to '{choice.Next}', which does not exist.");
                }

                if (microGenreSlugs is not null)
                {
                    foreach (var slug in (choice.Leanings ?? []).Where(l => !microGenreSlugs.Contains(l)))
                    {
                        Add($"scene '{scene.Id}': choice '{choice.Id}' leans to unknown micro-genre '{slug}'.");
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // Reachability from the start.
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([story.Start!]);
        while (queue.TryDequeue(out var id))
        {
            if (reached.Add(id))
            {
                foreach (var choice in scenes[id].Choices)
                {
                    queue.Enqueue(choice.Next);
                }
            }
        }

        foreach (var id in scenes.Keys.Where(id => !reached.Contains(id)).Order(StringComparer.Ordinal))
        {
            Add($"scene '{id}' cannot be reached from the start.");
        }

        // Every path ends: a depth-first walk that meets a scene still on its path has found a loop.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        bool Loops(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var next in scenes[id].Choices.Select(c => c.Next).Distinct(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var loop = path.Skip(path.IndexOf(next)).Append(next);
                    Add($"scene '{next}' leads back to itself ({string.Join(" → ", loop)}): a viewer could go round forever.");
                    return true;
                }

                if (state.GetValueOrDefault(next) == 0 && Loops(next))
                {
                    return true;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
            return false;
        }

        Loops(story.Start!);

        var decisions = scenes.Values.Count(s => s.Choices.Count >= 2);
        if (decisions < MinDecisionPoints)
        {
            Add($"it has {decisions} decision points; an interactive title needs at least {MinDecisionPoints}.");
        }

        var endings = scenes.Values.Count(s => s.IsEnding);
        if (endings < MinEndings)
        {
            Add($"it has {endings} endings; an interactive title needs at least {MinEndings}.");
        }

        return errors;
    }
}
