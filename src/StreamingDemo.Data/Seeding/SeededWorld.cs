using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Seeding;

/// <summary>A viewing session as a store is built from it (EpisodeId 0 for none); ids are assigned in order when written.</summary>
public readonly record struct GeneratedSession(
    int ProfileId, int TitleId, int EpisodeId, DeviceType Device, long StartedAtTicks, int StartPosition, int EndPosition, bool Completed);

/// <summary>A pause point; <see cref="SessionIndex"/> is its session's position in the sessions written (0-based).</summary>
public readonly record struct GeneratedPause(int SessionIndex, int ProfileId, int TitleId, int EpisodeId, int Position, long AtTicks);

/// <summary>A thumb as a store is built from it.</summary>
public readonly record struct GeneratedThumb(int ProfileId, int TitleId, ThumbRating Rating, long AtTicks);

/// <summary>Everything one (preset, seed) produces, in memory, before it is written.</summary>
internal sealed class SeededWorld
{
    public required DateTime ReferenceDate { get; init; }
    public List<Genre> Genres { get; } = [];
    public List<MicroGenre> MicroGenres { get; } = [];
    public List<Title> Titles { get; } = [];
    public List<Profile> Profiles { get; } = [];
    public List<PlantedCommunity> Communities { get; } = [];
    public List<PlantedCommunityAffinity> Affinities { get; } = [];
    public List<PlantedMembership> Memberships { get; } = [];
    public List<PlantedHabit> Habits { get; } = [];
    public List<InfluenceEdge> Edges { get; } = [];
    public GeneratedSession[] Sessions { get; set; } = [];
    public GeneratedPause[] Pauses { get; set; } = [];
    public GeneratedThumb[] Thumbs { get; set; } = [];
    public List<InteractiveTitle> InteractiveTitles { get; } = [];
    public List<GeneratedStoryPlay> StoryPlays { get; } = [];
}
