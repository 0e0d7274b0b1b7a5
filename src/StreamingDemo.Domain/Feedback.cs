namespace StreamingDemo.Domain;

public enum FeedbackKind
{
    /// <summary>Picked during onboarding: a strong positive signal with no viewing behind it.</summary>
    OnboardingPick = 0,
    Play = 1,
    Progress = 2,
    Thumb = 3,
    ThumbRemoved = 4,
}

/// <summary>A live signal from a viewer, folded into their recommendations at once.</summary>
public sealed record FeedbackEvent(
    int ProfileId,
    int TitleId,
    FeedbackKind Kind,
    DateTime At,
    ThumbRating? Thumb = null,
    float Completion = 0f);
