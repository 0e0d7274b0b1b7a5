using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Training;

/// <summary>How strongly one aggregated interaction says "this profile likes this title".</summary>
internal static class ImplicitSignal
{
    /// <summary>
    /// Preference strength, 0 for a negative signal. Completion and repeat sessions count as evidence;
    /// thumbs add explicit evidence; a thumbs-down is never a positive.
    /// </summary>
    public static float Strength(ProfileTitleInteraction interaction) => Strength(interaction.Sessions, interaction.Completion, interaction.Thumb);

    public static float Strength(int sessions, float completion, ThumbRating? thumb)
    {
        if (thumb == ThumbRating.Down)
        {
            return 0f;
        }

        var strength = 0.4f + Math.Clamp(completion, 0f, 1f) + 0.3f * Math.Min(sessions, 5) / 5f;
        strength += thumb switch
        {
            ThumbRating.Up => 1f,
            ThumbRating.Love => 2f,
            _ => 0f,
        };
        return strength;
    }

    /// <summary>Relevant for evaluation: any interaction that is not a thumbs-down.</summary>
    public static bool IsPositive(ProfileTitleInteraction interaction) => interaction.Thumb != ThumbRating.Down;
}
