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

    /// <summary>Share of a movie that counts as finished.</summary>
    public const float FinishedShare = 0.8f;

    /// <summary>Episodes of a series a profile must have watched to have "watched on" (past the pilot and one more).</summary>
    public const int SeriesWatchedOn = 3;

    /// <summary>The profile started the title: it played at least part of it (a thumb without viewing is not a start).</summary>
    public static bool IsStart(ProfileTitleInteraction interaction) => interaction.Sessions > 0;

    /// <summary>
    /// The outcome the match % predicts (PRODUCT.md V4, issue 7): the profile enjoyed what it started. A thumbs-up or a love,
    /// a finished movie (≥ 80 %), or a series watched on (three or more episodes, or 80 % of them); never a thumbs-down, and
    /// an early abandon without a thumb is not enjoyment.
    /// </summary>
    public static bool Enjoyed(ProfileTitleInteraction interaction, bool isSeries) =>
        Enjoyed(interaction.Sessions, interaction.Completion, interaction.Thumb, isSeries);

    public static bool Enjoyed(int sessions, float completion, ThumbRating? thumb, bool isSeries) => thumb switch
    {
        ThumbRating.Down => false,
        ThumbRating.Up or ThumbRating.Love => true,
        _ => completion >= FinishedShare || (isSeries && sessions >= SeriesWatchedOn),
    };

    /// <summary>Relevant for evaluation: any interaction that is not a thumbs-down.</summary>
    public static bool IsPositive(ProfileTitleInteraction interaction) => interaction.Thumb != ThumbRating.Down;
}
