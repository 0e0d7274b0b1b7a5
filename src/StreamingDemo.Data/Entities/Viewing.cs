using StreamingDemo.Domain;

namespace StreamingDemo.Data.Entities;

public sealed class Profile
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Avatar { get; set; }
    public bool IsKids { get; set; }
    /// <summary>Shown on "Who's watching" as a persona.</summary>
    public bool IsFeatured { get; set; }
    /// <summary>Created by the seed (true) or by a person in the running site (false).</summary>
    public bool IsSeeded { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ProfileDevice> Devices { get; set; } = [];
}

public sealed class ProfileDevice
{
    public int ProfileId { get; set; }
    public DeviceType Device { get; set; }
}

public sealed class ViewingSession
{
    public long Id { get; set; }
    public int ProfileId { get; set; }
    public int TitleId { get; set; }
    public int? EpisodeId { get; set; }
    public DeviceType Device { get; set; }
    public DateTime StartedAt { get; set; }
    public int StartPositionSeconds { get; set; }
    public int EndPositionSeconds { get; set; }
    public bool Completed { get; set; }
}

public sealed class PausePoint
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int ProfileId { get; set; }
    public int TitleId { get; set; }
    public int? EpisodeId { get; set; }
    public int PositionSeconds { get; set; }
    public DateTime At { get; set; }
}

/// <summary>The profile's current thumb on a title; one per pair, replaced when the viewer changes their mind.</summary>
public sealed class Thumb
{
    public int ProfileId { get; set; }
    public int TitleId { get; set; }
    public ThumbRating Rating { get; set; }
    public DateTime At { get; set; }
}

public enum ImpressionKind
{
    Impression = 0,
    Play = 1,
}

public sealed class Impression
{
    public long Id { get; set; }
    public int ProfileId { get; set; }
    public int TitleId { get; set; }
    public ImpressionKind Kind { get; set; }
    public required string RowKey { get; set; }
    public int Position { get; set; }
    public string? ArtworkTheme { get; set; }
    public DeviceType Device { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// One logged artwork impression (V10): the variant a profile was shown for a title, whether it was picked by uniform
/// random exploration, and whether the profile played the title. The title's variants (<see cref="ArtworkVariant"/>)
/// were the candidates. Seeded stores log these with planted theme preferences; the running site appends the live ones
/// (<see cref="Live"/>); the bandit warm-starts from them and the replay measures the artwork policies on the explored ones.
/// </summary>
public sealed class ArtworkImpression
{
    public long Id { get; set; }
    public int ProfileId { get; set; }
    public int TitleId { get; set; }
    public DeviceType Device { get; set; }
    public required string Theme { get; set; }
    public bool Explored { get; set; }
    public bool Played { get; set; }

    /// <summary>Shown on the running site (false: written by the seeder).</summary>
    public bool Live { get; set; }

    /// <summary>The home-page visit it was shown in (live impressions; 0 for seeded ones): a play marks the impression of its visit.</summary>
    public int Visit { get; set; }

    /// <summary>
    /// The chance the logging policy gave the shown variant (exploration rate ÷ variants, plus the rest for the policy's
    /// own pick); null in stores logged before it was recorded.
    /// </summary>
    public double? Propensity { get; set; }
}

/// <summary>A directed friendship: <see cref="FromProfileId"/> influences <see cref="ToProfileId"/> with <see cref="Weight"/>.</summary>
public sealed class InfluenceEdge
{
    public int FromProfileId { get; set; }
    public int ToProfileId { get; set; }
    public float Weight { get; set; }
}

public enum NotificationChannel
{
    InApp = 0,
    Push = 1,
    Email = 2,
}

/// <summary>
/// A notification fired into a profile's notification centre (M4) at its send time on the demo clock. One per
/// <see cref="DedupeKey"/> and profile, so moving the clock back and forth never fires the same one twice.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public int ProfileId { get; set; }
    public int? TitleId { get; set; }
    public int? EpisodeId { get; set; }
    public NotificationChannel Channel { get; set; }
    /// <summary>The candidate rule that chose it: "new-season", "recovery" or "high-match".</summary>
    public required string Kind { get; set; }
    /// <summary>What the notification is about, once per profile: the rule, the title and what is new or where the viewer stopped.</summary>
    public required string DedupeKey { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>The send time it was due at on the demo clock.</summary>
    public DateTime ScheduledFor { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When the viewer opened it; an open is logged as a play (the viewing session below).</summary>
    public DateTime? OpenedAt { get; set; }
    public long? OpenedSessionId { get; set; }
}

/// <summary>Key/value facts about the database itself: the seed that made it and the completion marker.</summary>
public sealed class StoreMeta
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
