using System.Text.Json;

namespace StreamingDemo.Domain.Interactive;

/// <summary>The interactive stories, parsed and validated: a library that loads is one every part of the site can trust.</summary>
public sealed class StoryLibrary
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, StoryGraph> byKey;

    public StoryLibrary(IReadOnlyList<StoryGraph> stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        Stories = stories;
        byKey = stories.ToDictionary(s => s.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<StoryGraph> Stories { get; }

    public StoryGraph? Find(string key) => byKey.GetValueOrDefault(key);

    /// <summary>
    /// Reads <paramref name="json"/> (an array of stories) and validates every story; any problem fails the load with
    /// an <see cref="InvalidDataException"/> listing each message, which names the story and the scene.
    /// </summary>
    public static StoryLibrary Parse(string json, IReadOnlySet<string>? microGenreSlugs = null)
    {
        List<StoryGraph>? stories;
        try
        {
            stories = JsonSerializer.Deserialize<List<StoryGraph>>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The stories are not valid JSON: {e.Message}", e);
        }

        if (stories is null || stories.Count == 0)
        {
            throw new InvalidDataException("There are no stories.");
        }

        // Lists a story leaves out (an ending's choices, a choice's leanings) are empty, not missing.
        stories = [.. stories.Where(s => s is not null).Select(s => s with
        {
            MicroGenres = s.MicroGenres ?? [],
            Scenes = [.. (s.Scenes ?? []).Select(scene => scene with
            {
                Choices = [.. (scene.Choices ?? []).Select(c => c with { Leanings = c.Leanings ?? [] })],
            })],
        })];
        var errors = stories.SelectMany(s => StoryValidator.Validate(s, microGenreSlugs)).ToList();
        errors.AddRange(stories.GroupBy(s => s.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"Story '{g.Key}' is defined twice."));
        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, errors));
        }

        return new StoryLibrary(stories);
    }
}

/// <summary>Walking a saved path (the choice ids taken, in order) through its story.</summary>
public static class StoryPaths
{
    /// <summary>The scene a play is at after taking <paramref name="choices"/> from the start; a choice not offered on the way stops the walk there.</summary>
    public static StoryScene SceneAfter(StoryGraph story, IEnumerable<string> choices)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(choices);
        var scene = story.Scene(story.Start);
        foreach (var id in choices)
        {
            var choice = scene.Choices.FirstOrDefault(c => c.Id == id);
            if (choice is null)
            {
                break;
            }

            scene = story.Scene(choice.Next);
        }

        return scene;
    }
}
