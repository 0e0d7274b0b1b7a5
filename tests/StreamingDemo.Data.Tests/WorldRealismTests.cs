using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Tests;

/// <summary>The generated demo world, once per test class: generation is deterministic, so every test sees the same one.</summary>
public sealed class DemoWorldFixture
{
    internal SeededWorld World { get; } = new WorldGenerator(SeedVocabulary.Default, SeedPresets.Demo, seed: 42).Generate();
}

/// <summary>
/// The realism properties later features rely on, checked as statistics over the demo preset with tolerances
/// wide enough for any seed and narrow enough to catch a broken generator.
/// </summary>
public sealed class WorldRealismTests(DemoWorldFixture fixture) : IClassFixture<DemoWorldFixture>
{
    private SeededWorld World => fixture.World;

    [Fact]
    public void DemoPresetHasAboutHalfAMillionSessions() =>
        Assert.InRange(World.Sessions.Length, 480_000, 560_000);

    [Fact]
    public void PopularityHasALongTail()
    {
        var perTitle = World.Sessions.GroupBy(s => s.TitleId).Select(g => g.Select(s => s.ProfileId).Distinct().Count()).OrderDescending().ToArray();
        double total = perTitle.Sum();
        var topTenth = perTitle.Take(perTitle.Length / 10).Sum() / total;
        var bottomHalf = perTitle.Skip(perTitle.Length / 2).Sum() / total;

        Assert.InRange(topTenth, 0.25, 0.7);
        Assert.InRange(bottomHalf, 0.03, 0.3);
        Assert.True(perTitle[0] / total < 0.05, "No single title should dominate the catalogue.");
    }

    [Fact]
    public void EveryProfileIsAWeightedMixtureOfExactlyThreeCommunities()
    {
        var byProfile = World.Memberships.GroupBy(m => m.ProfileId).ToList();

        Assert.Equal(World.Profiles.Count, byProfile.Count);
        Assert.All(byProfile, g =>
        {
            Assert.Equal(3, g.Select(m => m.CommunityId).Distinct().Count());
            Assert.Equal(1.0, g.Sum(m => m.Weight), 3);
            Assert.True(g.Single(m => m.Rank == 1).Weight >= g.Single(m => m.Rank == 3).Weight);
        });
    }

    [Fact]
    public void ProfilesWatchMostlyWithinTheirPlantedCommunities()
    {
        var tags = World.Titles.ToDictionary(t => t.Id, t => t.Tags.Select(x => x.MicroGenreId).ToHashSet());
        var affinities = World.Affinities.GroupBy(a => a.CommunityId).ToDictionary(g => g.Key, g => g.Select(a => a.MicroGenreId).ToHashSet());
        var communities = World.Memberships.GroupBy(m => m.ProfileId).ToDictionary(g => g.Key, g => g.Select(m => m.CommunityId).ToArray());
        var inTaste = World.Sessions.Count(s => communities[s.ProfileId].Any(c => tags[s.TitleId].Overlaps(affinities[c])));

        Assert.InRange(inTaste / (double)World.Sessions.Length, 0.7, 0.97);
    }

    [Fact]
    public void SessionsClusterAroundEachProfilesPeakHour()
    {
        var peaks = World.Habits.ToDictionary(h => h.ProfileId, h => h.PeakHour);
        var near = World.Sessions.Count(s =>
        {
            var hour = new DateTime(s.StartedAtTicks, DateTimeKind.Utc).Hour;
            var distance = Math.Abs(hour - peaks[s.ProfileId]);
            return Math.Min(distance, 24 - distance) <= 3;
        });

        Assert.InRange(near / (double)World.Sessions.Length, 0.75, 1.0);
    }

    [Fact]
    public void AllHistoryLiesInTheHalfYearBeforeTheReferenceDate()
    {
        var from = WorldGenerator.ReferenceDate.AddDays(-182).Ticks;

        Assert.All(World.Sessions.Where((_, i) => i % 13 == 0), s => Assert.InRange(s.StartedAtTicks, from, WorldGenerator.ReferenceDate.Ticks));
        Assert.True(World.Sessions.Max(s => s.StartedAtTicks) < WorldGenerator.ReferenceDate.Ticks);
    }

    [Fact]
    public void SessionsHappenOnTheProfilesOwnDevices()
    {
        var devices = World.Profiles.ToDictionary(p => p.Id, p => p.Devices.Select(d => d.Device).ToHashSet());

        Assert.All(World.Sessions.Where((_, i) => i % 97 == 0), s => Assert.Contains(s.Device, devices[s.ProfileId]));
        Assert.Equal(4, World.Sessions.Select(s => s.Device).Distinct().Count());
    }

    [Fact]
    public void SeriesAreWatchedInBingeRunsInEpisodeOrder()
    {
        var episodeOrder = World.Titles.SelectMany(t => t.Episodes).ToDictionary(e => e.Id, e => (e.SeasonNumber * 1000) + e.EpisodeNumber);
        var runs = World.Sessions.Where(s => s.EpisodeId != 0).GroupBy(s => (s.ProfileId, s.TitleId)).ToList();
        var averageEpisodes = runs.Average(g => g.Count());
        var inOrder = runs.Count(g =>
        {
            var ordered = g.OrderBy(s => s.StartedAtTicks).Select(s => episodeOrder[s.EpisodeId]).ToArray();
            return ordered.SequenceEqual(ordered.Order());
        });

        Assert.InRange(averageEpisodes, 2.5, 15);
        Assert.Equal(runs.Count, inOrder);
    }

    [Fact]
    public void AGoodShareOfTitlesIsLeftPartiallyWatched()
    {
        var lastSessions = World.Sessions.GroupBy(s => (s.ProfileId, s.TitleId)).Select(g => g.MaxBy(s => s.StartedAtTicks)).ToList();
        var partial = lastSessions.Count(s => !s.Completed) / (double)lastSessions.Count;

        Assert.InRange(partial, 0.1, 0.45);
    }

    [Fact]
    public void EveryFeaturedPersonaHasSomethingToContinueWatching()
    {
        foreach (var persona in World.Profiles.Where(p => p.IsFeatured))
        {
            var partial = World.Sessions.Where(s => s.ProfileId == persona.Id)
                .GroupBy(s => s.TitleId).Count(g => !g.MaxBy(s => s.StartedAtTicks).Completed);
            Assert.True(partial >= 3, $"{persona.Name} has only {partial} partially watched titles.");
        }
    }

    [Fact]
    public void ThumbsAreSparseAndFollowTaste()
    {
        var watched = World.Sessions.Select(s => (s.ProfileId, s.TitleId)).Distinct().Count();
        var share = World.Thumbs.Length / (double)watched;
        var positive = World.Thumbs.Count(t => t.Rating != ThumbRating.Down) / (double)World.Thumbs.Length;

        Assert.InRange(share, 0.05, 0.10);
        Assert.InRange(positive, 0.55, 0.9);
        Assert.Equal(World.Thumbs.Length, World.Thumbs.Select(t => (t.ProfileId, t.TitleId)).Distinct().Count());
    }

    [Fact]
    public void PausePointsClusterAtTitleSpecificMinutes()
    {
        // For the movies paused most, the busiest minute holds far more pauses than a uniform spread would.
        var movies = World.Titles.Where(t => t.Kind == TitleKind.Movie).ToDictionary(t => t.Id, t => t.RuntimeMinutes);
        var clustered = World.Pauses.Where(p => movies.ContainsKey(p.TitleId)).GroupBy(p => p.TitleId)
            .Where(g => g.Count() >= 60)
            .Select(g =>
            {
                var busiest = g.GroupBy(p => p.Position / 60).Max(m => m.Count());
                return busiest / (double)g.Count() * movies[g.Key];
            })
            .ToList();

        Assert.NotEmpty(clustered);
        Assert.True(clustered.Average() > 8, $"The busiest minute is only {clustered.Average():0.0}× a uniform minute.");
    }

    [Fact]
    public void InfluenceEdgesMostlyConnectMembersOfTheSameTopCommunity()
    {
        var top = World.Memberships.Where(m => m.Rank == 1).ToDictionary(m => m.ProfileId, m => m.CommunityId);
        var same = World.Edges.Count(e => top[e.FromProfileId] == top[e.ToProfileId]) / (double)World.Edges.Count;

        Assert.InRange(same, 0.6, 0.95);
        Assert.DoesNotContain(World.Edges, e => e.FromProfileId == e.ToProfileId);
    }
}
