using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;
using StreamingDemo.Domain.Interactive;

namespace StreamingDemo.Data.Seeding;

/// <summary>A playthrough as a store is built from it; ids are assigned in order when written.</summary>
public readonly record struct GeneratedStoryPlay(int ProfileId, int TitleId, string StoryKey, long StartedAtTicks, string Path, string EndingSceneId, long EndedAtTicks);

/// <summary>
/// Makes seeded titles interactive and plays them (V11): each story goes to the most watched movie of its audience that
/// carries its micro-genres, and every seeded viewer of that movie plays it, choosing at each decision the way its
/// planted taste leans (a choice's micro-genre leanings scored against the profile's three communities, softened by
/// noise), sometimes coming back to try another path. Deterministic: one seeded stream per (profile, title).
/// </summary>
internal static class StoryPlayGenerator
{
    /// <summary>How strongly planted liking steers a choice (a softmax temperature's inverse).</summary>
    private const double Sharpness = 5.0;

    /// <summary>Share of viewers who come back to replay and take another path.</summary>
    private const double ReplayRate = 0.25;

    public static void Generate(SeededWorld world, StoryLibrary stories, int seed)
    {
        var microIds = world.MicroGenres.ToDictionary(m => m.Slug, m => m.Id, StringComparer.Ordinal);
        var sessionCounts = new int[world.Titles.Count + 2];
        foreach (ref readonly var session in world.Sessions.AsSpan())
        {
            if (session.TitleId < sessionCounts.Length)
            {
                sessionCounts[session.TitleId]++;
            }
        }

        var taken = new HashSet<int>();
        foreach (var story in stories.Stories)
        {
            var kids = story.Audience == StoryAudience.Kids;
            var wanted = story.MicroGenres.Select(s => microIds.GetValueOrDefault(s)).ToList();
            var title = world.Titles
                .Where(t => t.IsKids == kids && t.Kind == TitleKind.Movie && !taken.Contains(t.Id))
                .Select(t => (Title: t, Rank: t.Tags.Select(g => wanted.IndexOf(g.MicroGenreId)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min()))
                .Where(x => x.Rank != int.MaxValue)
                .OrderBy(x => x.Rank).ThenByDescending(x => sessionCounts[x.Title.Id]).ThenBy(x => x.Title.Id)
                .Select(x => x.Title)
                .FirstOrDefault();
            if (title is null)
            {
                continue;
            }

            taken.Add(title.Id);
            world.InteractiveTitles.Add(new InteractiveTitle { TitleId = title.Id, StoryKey = story.Key });
        }

        if (world.InteractiveTitles.Count == 0)
        {
            return;
        }

        var interactive = world.InteractiveTitles.ToDictionary(t => t.TitleId, t => stories.Find(t.StoryKey)!);
        var firstSeen = new Dictionary<(int Profile, int Title), long>();
        foreach (ref readonly var session in world.Sessions.AsSpan())
        {
            if (interactive.ContainsKey(session.TitleId))
            {
                var key = (session.ProfileId, session.TitleId);
                firstSeen[key] = firstSeen.TryGetValue(key, out var at) ? Math.Min(at, session.StartedAtTicks) : session.StartedAtTicks;
            }
        }

        var affinity = world.Affinities.GroupBy(a => a.CommunityId).ToDictionary(g => g.Key, g => g.ToDictionary(a => a.MicroGenreId, a => (double)a.Weight));
        var memberships = world.Memberships.GroupBy(m => m.ProfileId).ToDictionary(g => g.Key, g => g.ToArray());
        double Liking(int profileId, IReadOnlyList<string> leanings)
        {
            if (leanings.Count == 0 || !memberships.TryGetValue(profileId, out var members))
            {
                return 0;
            }

            var sum = 0.0;
            foreach (var slug in leanings)
            {
                var micro = microIds.GetValueOrDefault(slug);
                foreach (var m in members)
                {
                    sum += m.Weight * (affinity.TryGetValue(m.CommunityId, out var weights) ? weights.GetValueOrDefault(micro) : 0);
                }
            }

            return sum / leanings.Count;
        }

        foreach (var ((profileId, titleId), startedAt) in firstSeen.OrderBy(p => p.Key.Title).ThenBy(p => p.Key.Profile))
        {
            var story = interactive[titleId];
            var random = new Random(unchecked((seed * 1_000_003) ^ (profileId * 7_919) ^ (titleId * 104_729) ^ 0x2f6b1a3));
            var plays = random.NextDouble() < ReplayRate ? 2 : 1;
            var at = startedAt;
            for (var p = 0; p < plays; p++)
            {
                var path = new List<string>();
                var scene = story.Scene(story.Start);
                while (!scene.IsEnding)
                {
                    var choice = scene.Choices.Count == 1 ? scene.Choices[0] : Pick(random, scene.Choices, c => Liking(profileId, c.Leanings), p == 0 ? Sharpness : Sharpness / 2);
                    path.Add(choice.Id);
                    scene = story.Scene(choice.Next);
                }

                world.StoryPlays.Add(new GeneratedStoryPlay(profileId, titleId, story.Key, at, string.Join(StoryPlay.PathSeparator, path), scene.Id,
                    at + TimeSpan.FromMinutes(8 + (4 * path.Count)).Ticks));
                at += TimeSpan.FromDays(1 + random.Next(6)).Ticks;
            }
        }
    }

    private static StoryChoice Pick(Random random, IReadOnlyList<StoryChoice> choices, Func<StoryChoice, double> liking, double sharpness)
    {
        var weights = choices.Select(c => Math.Exp(sharpness * liking(c))).ToArray();
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < choices.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return choices[i];
            }
        }

        return choices[^1];
    }
}
