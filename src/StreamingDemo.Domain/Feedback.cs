namespace StreamingDemo.Domain;

public enum FeedbackKind
{
    /// <summary>Picked during onboarding: a strong positive signal with no viewing behind it.</summary>
    OnboardingPick = 0,
    Play = 1,
    Progress = 2,
    Thumb = 3,
    ThumbRemoved = 4,

    /// <summary>A choice in an interactive title: the viewer leans to the choice's micro-genres (<see cref="FeedbackEvent.Leanings"/>).</summary>
    StoryChoice = 5,
}

/// <summary>A live signal from a viewer, folded into their recommendations at once.</summary>
/// <param name="Leanings">For a story choice, the micro-genre slugs the choice leans to.</param>
public sealed record FeedbackEvent(
    int ProfileId,
    int TitleId,
    FeedbackKind Kind,
    DateTime At,
    ThumbRating? Thumb = null,
    float Completion = 0f,
    IReadOnlyList<string>? Leanings = null);
