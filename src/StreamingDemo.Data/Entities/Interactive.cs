namespace StreamingDemo.Data.Entities;

/// <summary>A title that plays as a branching story (V11): the story graph is data, named by its key.</summary>
public sealed class InteractiveTitle
{
    public int TitleId { get; set; }
    public required string StoryKey { get; set; }
}

/// <summary>
/// One playthrough of an interactive title by a profile: the choices taken so far, in order (choice ids joined by
/// <see cref="PathSeparator"/>), and the ending reached once it ends. Each choice is saved as it is made.
/// </summary>
public sealed class StoryPlay
{
    public const char PathSeparator = ' ';

    public long Id { get; set; }
    public int ProfileId { get; set; }
    public int TitleId { get; set; }
    public required string StoryKey { get; set; }
    public DateTime StartedAt { get; set; }
    public required string Path { get; set; }
    /// <summary>The scene id of the ending reached; null while the play is under way.</summary>
    public string? EndingSceneId { get; set; }
    public DateTime? EndedAt { get; set; }
}
