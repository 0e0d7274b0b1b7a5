using System.Text.RegularExpressions;
using Bogus;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;

namespace StreamingDemo.Data.Seeding;

/// <summary>
/// Turns the curated vocabularies into a whole viewing world, deterministically from (preset, seed).
/// Every seeded profile is a weighted mixture of exactly three planted taste communities; what it watches,
/// when, on which device, how far, and what it thumbs are all drawn from that ground truth with noise.
/// </summary>
internal sealed partial class WorldGenerator(SeedVocabulary vocabulary, SeedPreset preset, int seed)
{
    /// <summary>"Now" in the seeded world: history runs up to this instant, never from the wall clock.</summary>
    public static readonly DateTime ReferenceDate = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private const int HistoryDays = 180;
    private const double CommunityDraw = 0.85;
    private const double ThumbRate = 0.075;
    private const double PauseRate = 0.3;

    /// <summary>Share of series that get a new season premiering after <see cref="ReferenceDate"/> (M4's "new season" notifications).</summary>
    private const double NewSeasonRate = 0.4;

    /// <summary>New seasons premiere on Fridays over this many weeks after <see cref="ReferenceDate"/>, so a demo held any time in that span has premieres around it.</summary>
    private const int NewSeasonWeeks = 60;

    private static readonly string[] AdultMaturities = ["PG-13", "TV-14", "TV-MA", "R", "16+", "TV-PG"];
    private static readonly string[] KidsMaturities = ["TV-Y", "TV-Y7", "G", "PG"];
    private static readonly string[] ArtworkFocus = ["lead character", "ensemble", "setting", "key object", "couple", "action moment"];
    private static readonly DeviceType[] AllDevices = [DeviceType.Tv, DeviceType.Desktop, DeviceType.Tablet, DeviceType.Phone];

    private readonly Dictionary<string, MicroGenre> microBySlug = new(StringComparer.Ordinal);
    private TitleFacts[] facts = [];
    private double[][] communityCdf = [];
    private double[] globalCdf = [];
    private float[][] communityTitleAffinity = [];
    private Dictionary<int, int> communityIndex = [];

    public SeededWorld Generate(IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var world = new SeededWorld { ReferenceDate = ReferenceDate };
        var random = new Random(seed);
        var faker = new Faker("en") { Random = new Randomizer(seed) };

        AddVocabulary(world);
        AddTitles(world, random, faker);
        progress?.Report(0.05);
        PrepareTasteDistributions();
        AddProfiles(world, random, faker);
        progress?.Report(0.1);
        AddViewing(world, progress, cancellationToken);
        AddInfluenceEdges(world, random);
        AddNewSeasons(world);
        return world;
    }

    private void AddVocabulary(SeededWorld world)
    {
        foreach (var genre in vocabulary.Genres)
        {
            world.Genres.Add(new Genre { Id = genre.Id, Slug = genre.Slug, Name = genre.Name, IsKids = genre.IsKids });
            foreach (var micro in genre.MicroGenres)
            {
                var entity = new MicroGenre { Id = micro.Id, Slug = micro.Slug, Name = micro.Name, GenreId = genre.Id };
                world.MicroGenres.Add(entity);
                microBySlug[micro.Slug] = entity;
            }
        }

        foreach (var community in vocabulary.Communities)
        {
            world.Communities.Add(new PlantedCommunity { Id = community.Id, Name = community.Name, Summary = community.Summary, IsKids = community.IsKids });
            foreach (var (slug, weight) in community.Affinities.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                world.Affinities.Add(new PlantedCommunityAffinity { CommunityId = community.Id, MicroGenreId = microBySlug[slug].Id, Weight = (float)weight });
            }
        }
    }

    private void AddTitles(SeededWorld world, Random random, Faker faker)
    {
        var genres = vocabulary.Genres;
        var genreWeights = genres.Select(g => (g.IsKids ? 0.9 : 1.0) * (0.6 + random.NextDouble())).ToArray();
        var adultGenres = genres.Where(g => !g.IsKids).ToList();
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var nextEpisodeId = 1;
        var nextCreditId = 1;
        var nextArtworkId = 1;
        facts = new TitleFacts[preset.Titles];

        // Long-tail popularity: a Zipf curve over a random order of the catalogue.
        var popularityRank = Enumerable.Range(0, preset.Titles).ToArray();
        random.Shuffle(popularityRank);

        for (var i = 0; i < preset.Titles; i++)
        {
            var id = i + 1;
            var genre = genres[Pick(random, genreWeights)];
            var words = vocabulary.Words[genre.Slug];
            var isSeries = random.NextDouble() < (genre.Slug is "documentary" or "reality" ? 0.7 : genre.IsKids ? 0.6 : 0.35);
            var tags = PickTags(random, genre, genre.IsKids ? [] : adultGenres);
            var year = 2026 - (int)Math.Floor(Math.Pow(random.NextDouble(), 2.2) * 50);
            var addedAt = random.NextDouble() < 0.06
                ? ReferenceDate.AddDays(-random.Next(1, 30))
                : ReferenceDate.AddDays(-random.Next(30, 1100));
            var runtime = isSeries
                ? (genre.IsKids ? random.Next(11, 25) : random.Next(24, 62))
                : (genre.IsKids ? random.Next(70, 100) : random.Next(84, 152));
            var title = new Title
            {
                Id = id,
                Name = MakeName(random, words, usedNames),
                Kind = isSeries ? TitleKind.Series : TitleKind.Movie,
                Year = Math.Min(year, addedAt.Year),
                RuntimeMinutes = runtime,
                Maturity = genre.IsKids ? KidsMaturities[random.Next(KidsMaturities.Length)] : AdultMaturities[random.Next(AdultMaturities.Length)],
                Synopsis = MakeSynopsis(random, words),
                PrimaryGenreId = genre.Id,
                AddedAt = addedAt,
                IsKids = genre.IsKids,
                ArtworkTheme = vocabulary.Artwork.GenreDefaults[genre.Slug],
            };
            foreach (var genreId in tags.Select(t => t.GenreId).Distinct())
            {
                title.Genres.Add(new TitleGenre { TitleId = id, GenreId = genreId });
            }

            title.Tags.AddRange(tags.Select(t => new TitleTag { TitleId = id, MicroGenreId = t.Id }));
            AddCredits(title, random, faker, isSeries, ref nextCreditId);
            if (isSeries)
            {
                AddEpisodes(title, random, words, genre.IsKids, ref nextEpisodeId);
            }

            AddArtwork(title, random, ref nextArtworkId);

            var hotspots = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => (int)(runtime * 60 * (0.12 + (0.76 * random.NextDouble()))))
                .Order().ToArray();
            facts[i] = new TitleFacts(
                id,
                1.0 / Math.Pow(popularityRank[i] + 8, 0.95),
                title.Episodes.Select(e => (e.Id, e.RuntimeMinutes * 60)).ToArray(),
                runtime * 60,
                hotspots,
                tags.Select(t => t.Id).ToArray(),
                genre.IsKids);
            world.Titles.Add(title);
        }
    }

    private List<MicroGenre> PickTags(Random random, VocabularyGenre genre, List<VocabularyGenre> crossGenres)
    {
        var own = genre.MicroGenres.Select(m => microBySlug[m.Slug]).ToArray();
        random.Shuffle(own);
        var tags = own.Take(random.Next(2, 4)).ToList();
        if (crossGenres.Count > 1 && random.NextDouble() < 0.35)
        {
            var other = crossGenres[random.Next(crossGenres.Count)];
            if (other.Id != genre.Id)
            {
                tags.Add(microBySlug[other.MicroGenres[random.Next(other.MicroGenres.Count)].Slug]);
            }
        }

        return tags;
    }

    private static string MakeName(Random random, GenreWords words, HashSet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = Fill(words.TitlePatterns[random.Next(words.TitlePatterns.Count)], random, words);
            if (attempt > 8)
            {
                // The word lists run out of fresh combinations on the large preset: add a subtitle, as franchises do.
                name = $"{name}: {words.EpisodeWords[random.Next(words.EpisodeWords.Count)]}";
            }

            if (used.Add(name))
            {
                return name;
            }
        }
    }

    private static string Fill(string pattern, Random random, GenreWords words)
    {
        var text = pattern
            .Replace("{adj}", words.TitleAdjectives[random.Next(words.TitleAdjectives.Count)], StringComparison.Ordinal)
            .Replace("{noun}", words.TitleNouns[random.Next(words.TitleNouns.Count)], StringComparison.Ordinal)
            .Replace("{place}", words.Places[random.Next(words.Places.Count)], StringComparison.Ordinal)
            .Replace("{protagonist}", words.Protagonists[random.Next(words.Protagonists.Count)], StringComparison.Ordinal)
            .Replace("{conflict}", words.Conflicts[random.Next(words.Conflicts.Count)], StringComparison.Ordinal);
        return IndefiniteArticle().Replace(text, m => m.Groups[1].Value + "n" + m.Groups[2].Value);
    }

    /// <summary>"A Ancient Heir" → "An Ancient Heir": the word lists don't know which word follows the article.</summary>
    [GeneratedRegex(@"\b([Aa]) ([AEIOUaeiou])")]
    private static partial Regex IndefiniteArticle();

    private static string MakeSynopsis(Random random, GenreWords words)
    {
        var text = Fill(words.SynopsisTemplates[random.Next(words.SynopsisTemplates.Count)], random, words);
        return text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    private static void AddCredits(Title title, Random random, Faker faker, bool isSeries, ref int nextId)
    {
        title.Credits.Add(new Credit
        {
            Id = nextId++, TitleId = title.Id, PersonName = faker.Name.FullName(),
            Role = isSeries ? CreditRole.Creator : CreditRole.Director, Order = 0,
        });
        var cast = random.Next(3, 7);
        for (var c = 0; c < cast; c++)
        {
            title.Credits.Add(new Credit
            {
                Id = nextId++, TitleId = title.Id, PersonName = faker.Name.FullName(), Role = CreditRole.Cast,
                Character = faker.Name.FirstName(), Order = c + 1,
            });
        }
    }

    private static void AddEpisodes(Title title, Random random, GenreWords words, bool isKids, ref int nextId)
    {
        var seasons = 1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 1.8) * 4);
        for (var season = 1; season <= seasons; season++)
        {
            var count = isKids ? random.Next(8, 14) : random.Next(5, 11);
            var names = words.EpisodeWords.ToArray();
            random.Shuffle(names);
            for (var episode = 1; episode <= count; episode++)
            {
                title.Episodes.Add(new Episode
                {
                    Id = nextId++,
                    TitleId = title.Id,
                    SeasonNumber = season,
                    EpisodeNumber = episode,
                    Name = names[(episode - 1) % names.Length],
                    RuntimeMinutes = Math.Max(8, title.RuntimeMinutes + random.Next(-4, 5)),
                    Synopsis = MakeSynopsis(random, words),
                    AvailableAt = title.AddedAt,
                });
            }
        }
    }

    /// <summary>
    /// Gives some series one more season that premieres after the seeded history ends: all its episodes drop at once on a
    /// Friday at 08:00 UTC, spread over <see cref="NewSeasonWeeks"/> weeks. Nobody in the history has watched them (they
    /// come after it), and they draw from their own random stream so the rest of the world stays as it was.
    /// </summary>
    private void AddNewSeasons(SeededWorld world)
    {
        var random = new Random(unchecked(seed + 0x5EA50));
        var slugs = world.Genres.ToDictionary(g => g.Id, g => g.Slug);
        var nextId = world.Titles.SelectMany(t => t.Episodes).Select(e => e.Id).DefaultIfEmpty(0).Max() + 1;
        var firstFriday = ReferenceDate.AddDays(((int)DayOfWeek.Friday - (int)ReferenceDate.DayOfWeek + 7) % 7).AddHours(8);
        foreach (var title in world.Titles.Where(t => t.Kind == TitleKind.Series && t.Episodes.Count > 0))
        {
            if (random.NextDouble() >= NewSeasonRate)
            {
                continue;
            }

            var words = vocabulary.Words[slugs[title.PrimaryGenreId]];
            var premiere = firstFriday.AddDays(7 * random.Next(NewSeasonWeeks));
            var season = title.Episodes.Max(e => e.SeasonNumber) + 1;
            var count = title.IsKids ? random.Next(8, 14) : random.Next(5, 11);
            var names = words.EpisodeWords.ToArray();
            random.Shuffle(names);
            for (var episode = 1; episode <= count; episode++)
            {
                title.Episodes.Add(new Episode
                {
                    Id = nextId++,
                    TitleId = title.Id,
                    SeasonNumber = season,
                    EpisodeNumber = episode,
                    Name = names[(episode - 1) % names.Length],
                    RuntimeMinutes = Math.Max(8, title.RuntimeMinutes + random.Next(-4, 5)),
                    Synopsis = MakeSynopsis(random, words),
                    AvailableAt = premiere,
                });
            }
        }
    }

    /// <summary>
    /// Four variants: the primary genre's default theme first, then three more in a random order among the themes that suit the
    /// title's genres (seed-data/artwork.json, genreThemes), so a crime thriller is never drawn with kites and rainbows. The
    /// shuffle runs over every theme as before, so the random stream, and with it the rest of the world, is unchanged.
    /// </summary>
    private void AddArtwork(Title title, Random random, ref int nextId)
    {
        var others = vocabulary.Artwork.Themes.Select(t => t.Key).Where(k => k != title.ArtworkTheme).ToArray();
        random.Shuffle(others);
        var focus = ArtworkFocus.ToArray();
        random.Shuffle(focus);
        var suited = title.Genres.Select(g => g.GenreId).Prepend(title.PrimaryGenreId)
            .SelectMany(id => vocabulary.Artwork.GenreThemes[vocabulary.Genres.First(g => g.Id == id).Slug]).ToHashSet(StringComparer.Ordinal);
        var themes = new[] { title.ArtworkTheme }.Concat(others.Where(suited.Contains).Concat(others.Where(t => !suited.Contains(t))).Take(3)).ToArray();
        for (var v = 0; v < themes.Length; v++)
        {
            title.ArtworkVariants.Add(new ArtworkVariant { Id = nextId++, TitleId = title.Id, Theme = themes[v], Focus = focus[v % focus.Length] });
        }
    }

    private void PrepareTasteDistributions()
    {
        var communities = vocabulary.Communities;
        communityIndex = communities.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        communityCdf = new double[communities.Count][];
        communityTitleAffinity = new float[communities.Count][];
        for (var c = 0; c < communities.Count; c++)
        {
            var weights = communities[c].Affinities.ToDictionary(a => microBySlug[a.Key].Id, a => a.Value);
            var affinity = new float[facts.Length];
            var mass = new double[facts.Length];
            for (var t = 0; t < facts.Length; t++)
            {
                var score = 0.0;
                foreach (var tag in facts[t].Tags)
                {
                    score += weights.GetValueOrDefault(tag);
                }

                affinity[t] = (float)score;
                // Kids profiles watch only kids titles and adults only adult ones; the kids row of a family is its own profile.
                var allowed = communities[c].IsKids == facts[t].IsKids ? 1.0 : 0.0;
                mass[t] = allowed * Math.Pow(facts[t].Popularity, 0.6) * Math.Pow(0.03 + score, 2.2);
            }

            communityTitleAffinity[c] = affinity;
            communityCdf[c] = Cumulative(mass);
        }

        globalCdf = Cumulative(facts.Select(f => f.Popularity).ToArray());
    }

    private void AddProfiles(SeededWorld world, Random random, Faker faker)
    {
        var communities = vocabulary.Communities;
        // Community sizes differ, as real taste groups do.
        var communityPopularity = communities.Select((_, i) => 1.0 / Math.Pow(i + 3, 0.6)).ToArray();
        random.Shuffle(communityPopularity);
        var adult = Enumerable.Range(0, communities.Count).Where(i => !communities[i].IsKids).ToArray();
        var kids = Enumerable.Range(0, communities.Count).Where(i => communities[i].IsKids).ToArray();
        var avatars = vocabulary.Avatars;

        for (var i = 0; i < preset.Profiles; i++)
        {
            var id = i + 1;
            var persona = i < vocabulary.Personas.Count ? vocabulary.Personas[i] : null;
            var isKids = persona?.IsKids ?? random.NextDouble() < 0.07;
            (int CommunityId, double Weight)[] members;
            if (persona is not null)
            {
                members = persona.Communities.OrderByDescending(c => c.Weight).Select(c => (c.Id, c.Weight)).ToArray();
            }
            else
            {
                var pool = isKids ? kids : adult;
                var chosen = new List<int>(3);
                while (chosen.Count < 3)
                {
                    var candidate = pool[Pick(random, pool.Select(p => communityPopularity[p]).ToArray())];
                    if (!chosen.Contains(candidate))
                    {
                        chosen.Add(candidate);
                    }
                }

                var w1 = 0.45 + (0.3 * random.NextDouble());
                var w2 = (1 - w1) * (0.55 + (0.3 * random.NextDouble()));
                var w3 = 1 - w1 - w2;
                members = [(communities[chosen[0]].Id, w1), (communities[chosen[1]].Id, w2), (communities[chosen[2]].Id, w3)];
            }

            var devices = persona?.Devices.Select(ParseDevice).ToList() ?? PickDevices(random, isKids);
            var profile = new Profile
            {
                Id = id,
                Name = persona?.Name ?? faker.Name.FirstName(),
                Avatar = persona?.Avatar ?? avatars[random.Next(avatars.Count)].Key,
                IsKids = isKids,
                IsFeatured = persona is not null,
                IsSeeded = true,
                CreatedAt = ReferenceDate.AddDays(-HistoryDays - random.Next(0, 700)),
            };
            profile.Devices.AddRange(devices.Select(d => new ProfileDevice { ProfileId = id, Device = d }));
            world.Profiles.Add(profile);
            for (var rank = 0; rank < 3; rank++)
            {
                world.Memberships.Add(new PlantedMembership { ProfileId = id, Rank = rank + 1, CommunityId = members[rank].CommunityId, Weight = (float)members[rank].Weight });
            }

            world.Habits.Add(MakeHabit(random, id, isKids, persona is not null));
        }
    }

    private static PlantedHabit MakeHabit(Random random, int profileId, bool isKids, bool isPersona)
    {
        var roll = random.NextDouble();
        var peak = isKids ? random.Next(15, 19)
            : roll < 0.6 ? random.Next(19, 23)
            : roll < 0.75 ? 23
            : roll < 0.85 ? random.Next(7, 9)
            : random.Next(12, 18);
        var pattern = random.Next(3);
        double[] weekdays = pattern switch
        {
            0 => [1, 1, 1, 1, 1.4, 2.2, 2.0],   // weekend watcher
            1 => [1, 1, 1.1, 1.2, 1.8, 1.3, 1], // Friday nights
            _ => [1.2, 1.2, 1.2, 1.2, 1, 0.8, 0.8],
        };
        return new PlantedHabit
        {
            ProfileId = profileId,
            PeakHour = peak,
            WeekdayWeights = string.Join(',', weekdays.Select(w => w.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))),
            BingeFactor = (float)Math.Pow(random.NextDouble(), 1.3),
            // Personas are reliably active so their pages are rich on stage.
            Activity = isPersona ? 2.5f : (float)Math.Min(6, Math.Exp(NextGaussian(random) * 0.75)),
        };
    }

    private static List<DeviceType> PickDevices(Random random, bool isKids)
    {
        double[] weights = isKids ? [0.6, 0.1, 0.7, 0.2] : [0.7, 0.45, 0.3, 0.75];
        var devices = AllDevices.Where((_, i) => random.NextDouble() < weights[i]).ToList();
        if (devices.Count == 0)
        {
            devices.Add(AllDevices[Pick(random, weights)]);
        }

        return devices;
    }

    private static DeviceType ParseDevice(string value) => Enum.Parse<DeviceType>(value, ignoreCase: true);

    private void AddViewing(SeededWorld world, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var profiles = world.Profiles;
        var habits = world.Habits;
        var totalActivity = habits.Sum(h => (double)h.Activity);
        var memberships = world.Memberships.GroupBy(m => m.ProfileId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Rank).ToArray());
        var results = new ProfileViewing[profiles.Count];
        var done = 0;

        // Each profile draws from its own seeded stream, so the parallel loop is as deterministic as a serial one.
        Parallel.For(0, profiles.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            // A profile whose taste runs out of unseen titles stops short; asking ~8% more keeps the total at the preset's size.
            var budget = Math.Max(6, (int)Math.Ceiling(preset.TargetSessions * 1.08 * habits[i].Activity / totalActivity));
            results[i] = SimulateProfile(profiles[i], habits[i], memberships[profiles[i].Id], budget);
            var count = Interlocked.Increment(ref done);
            if (count % 2000 == 0)
            {
                progress?.Report(0.1 + (0.85 * count / profiles.Count));
            }
        });

        world.Sessions = results.SelectMany(r => r.Sessions).ToArray();
        var pauses = new List<GeneratedPause>();
        var thumbs = new List<GeneratedThumb>();
        var offset = 0;
        foreach (var result in results)
        {
            pauses.AddRange(result.Pauses.Select(p => p with { SessionIndex = p.SessionIndex + offset }));
            thumbs.AddRange(result.Thumbs);
            offset += result.Sessions.Count;
        }

        world.Pauses = [.. pauses];
        world.Thumbs = [.. thumbs];
    }

    private ProfileViewing SimulateProfile(Profile profile, PlantedHabit habit, PlantedMembership[] members, int budget)
    {
        var random = new Random(HashCode(seed, profile.Id));
        var weights = members.Select(m => (double)m.Weight).ToArray();
        var communities = members.Select(m => communityIndex[m.CommunityId]).ToArray();
        var watched = new HashSet<int>();
        var occasions = new List<Occasion>();
        var sessions = 0;
        var misses = 0;
        while (sessions < budget && misses < 200)
        {
            var cdf = random.NextDouble() < CommunityDraw ? communityCdf[communities[Pick(random, weights)]] : globalCdf;
            var t = Sample(random, cdf);
            if (facts[t].IsKids != profile.IsKids || !watched.Add(t))
            {
                misses++;
                continue;
            }

            var affinity = 0.0;
            for (var k = 0; k < 3; k++)
            {
                affinity += weights[k] * communityTitleAffinity[communities[k]][t];
            }

            var liking = affinity / (affinity + 0.6);
            var key = random.NextDouble();
            if (facts[t].Episodes.Length == 0)
            {
                var complete = random.NextDouble() < 0.4 + (0.5 * liking);
                occasions.Add(new Occasion(t, key, [(0, complete)], liking));
                sessions++;
                continue;
            }

            // Binge runs: a series is watched episode by episode in sittings of a few episodes.
            var keepWatching = Math.Min(0.93, 0.45 + (0.3 * habit.BingeFactor) + (0.25 * liking));
            var episodes = 1;
            while (episodes < facts[t].Episodes.Length && random.NextDouble() < keepWatching && sessions + episodes < budget + 4)
            {
                episodes++;
            }

            var lastComplete = random.NextDouble() < 0.65;
            var sittingSize = 1 + (int)(habit.BingeFactor * 4);
            var keys = Enumerable.Range(0, (episodes + sittingSize - 1) / sittingSize).Select(_ => random.NextDouble()).Order().ToArray();
            for (var s = 0; s < keys.Length; s++)
            {
                var from = s * sittingSize;
                var to = Math.Min(episodes, from + sittingSize);
                occasions.Add(new Occasion(t, keys[s], Enumerable.Range(from, to - from).Select(e => (e, e < episodes - 1 || lastComplete)).ToArray(), liking));
            }

            sessions += episodes;
        }

        occasions.Sort((a, b) => a.Key.CompareTo(b.Key));
        if (profile.IsFeatured)
        {
            // Featured personas always have something to continue on stage.
            for (var o = Math.Max(0, occasions.Count - 3); o < occasions.Count; o++)
            {
                var parts = occasions[o].Episodes;
                parts[^1] = (parts[^1].Episode, false);
            }
        }

        return Schedule(profile, habit, occasions, random);
    }

    private ProfileViewing Schedule(Profile profile, PlantedHabit habit, List<Occasion> occasions, Random random)
    {
        var result = new ProfileViewing();
        var weekdayWeights = habit.WeekdayWeights.Split(',').Select(w => double.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        // Days are drawn from the half year that ends the day before the reference date, so evenings stay in the past.
        var start = ReferenceDate.AddDays(-HistoryDays - 1);
        var times = new long[occasions.Count];
        for (var o = 0; o < times.Length; o++)
        {
            DateTime day;
            do
            {
                day = start.AddDays(random.Next(HistoryDays));
            }
            while (random.NextDouble() * 2.2 > weekdayWeights[((int)day.DayOfWeek + 6) % 7]);

            var hour = habit.PeakHour + (NextGaussian(random) * 1.4);
            times[o] = day.AddHours(Math.Clamp(hour, 0, 23.9)).AddMinutes(random.Next(60)).Ticks;
        }

        Array.Sort(times);
        var devices = profile.Devices.Select(d => d.Device).ToArray();
        var lastSeen = new Dictionary<int, (long Ticks, double Liking)>();
        foreach (var (occasion, ticks) in occasions.Zip(times))
        {
            var fact = facts[occasion.TitleIndex];
            // A long sitting can run into the next sitting's slot; episodes of one series never overlap or go backwards.
            var at = new DateTime(lastSeen.TryGetValue(occasion.TitleIndex, out var previous) ? Math.Max(ticks, previous.Ticks) : ticks, DateTimeKind.Utc);
            var device = PickDevice(random, devices, at.Hour);
            var sessionsBefore = result.Sessions.Count;
            foreach (var (episode, complete) in occasion.Episodes)
            {
                if (at >= ReferenceDate)
                {
                    break;
                }

                var (episodeId, runtime) = fact.Episodes.Length > 0 ? fact.Episodes[episode] : (0, fact.RuntimeSeconds);
                var end = complete ? runtime : (int)(runtime * (0.1 + (0.75 * random.NextDouble())));
                var index = result.Sessions.Count;
                result.Sessions.Add(new GeneratedSession(profile.Id, fact.Id, episodeId, device, at.Ticks, 0, end, complete));
                AddPauses(result, random, fact, index, profile.Id, episodeId, end, at);
                at = at.AddSeconds(end + random.Next(20, 240));
            }

            if (result.Sessions.Count > sessionsBefore)
            {
                lastSeen[occasion.TitleIndex] = (at.Ticks, occasion.Liking);
            }
        }

        // Thumbs are sparse: a small share of the titles watched, after the last sitting, leaning on how much the profile liked it.
        foreach (var (titleIndex, (ticks, liking)) in lastSeen.OrderBy(x => x.Value.Ticks))
        {
            if (random.NextDouble() >= ThumbRate)
            {
                continue;
            }

            var roll = random.NextDouble();
            var rating = liking > 0.55
                ? (roll < 0.35 ? ThumbRating.Love : roll < 0.95 ? ThumbRating.Up : ThumbRating.Down)
                : liking > 0.25
                    ? (roll < 0.1 ? ThumbRating.Love : roll < 0.75 ? ThumbRating.Up : ThumbRating.Down)
                    : (roll < 0.35 ? ThumbRating.Up : ThumbRating.Down);
            result.Thumbs.Add(new GeneratedThumb(profile.Id, facts[titleIndex].Id, rating, ticks));
        }

        return result;
    }

    private static void AddPauses(ProfileViewing result, Random random, TitleFacts fact, int sessionIndex, int profileId, int episodeId, int end, DateTime startedAt)
    {
        if (random.NextDouble() >= PauseRate || end < 60)
        {
            return;
        }

        var count = random.NextDouble() < 0.3 ? 2 : 1;
        for (var p = 0; p < count; p++)
        {
            var hotspot = fact.PauseHotspots[random.Next(fact.PauseHotspots.Length)];
            // Hotspots are minutes into the title (or into each episode, scaled to its runtime).
            var position = random.NextDouble() < 0.7
                ? (int)((fact.Episodes.Length > 0 ? hotspot * (double)end / Math.Max(end, fact.RuntimeSeconds) : hotspot) + (NextGaussian(random) * 40))
                : random.Next(10, end);
            if (position <= 0 || position >= end)
            {
                continue;
            }

            result.Pauses.Add(new GeneratedPause(sessionIndex, profileId, fact.Id, episodeId, position, startedAt.AddSeconds(position).Ticks));
        }
    }

    private static DeviceType PickDevice(Random random, DeviceType[] devices, int hour)
    {
        if (devices.Length == 1)
        {
            return devices[0];
        }

        var weights = devices.Select(d => d switch
        {
            DeviceType.Tv => hour >= 18 ? 3.0 : 0.8,
            DeviceType.Phone => hour is >= 6 and < 10 ? 3.0 : 0.9,
            DeviceType.Desktop => hour is >= 10 and < 18 ? 2.0 : 0.8,
            _ => 1.0,
        }).ToArray();
        return devices[Pick(random, weights)];
    }

    private static void AddInfluenceEdges(SeededWorld world, Random random)
    {
        var topCommunity = world.Memberships.Where(m => m.Rank == 1).ToDictionary(m => m.ProfileId, m => m.CommunityId);
        var activity = world.Habits.ToDictionary(h => h.ProfileId, h => (double)h.Activity);
        var byCommunity = world.Profiles.GroupBy(p => topCommunity[p.Id]).ToDictionary(
            g => g.Key,
            g =>
            {
                var ids = g.Select(p => p.Id).ToArray();
                // Influence concentrates on the most active members: they are the ones others follow.
                return (Ids: ids, Cdf: Cumulative(ids.Select(id => activity[id] * activity[id]).ToArray()));
            });
        var seen = new HashSet<(int, int)>();
        foreach (var profile in world.Profiles)
        {
            var friends = random.Next(2, 7);
            for (var f = 0; f < friends; f++)
            {
                int from;
                if (random.NextDouble() < 0.75)
                {
                    var (ids, cdf) = byCommunity[topCommunity[profile.Id]];
                    from = ids[Sample(random, cdf)];
                }
                else
                {
                    from = world.Profiles[random.Next(world.Profiles.Count)].Id;
                }

                if (from != profile.Id && seen.Add((from, profile.Id)))
                {
                    world.Edges.Add(new InfluenceEdge { FromProfileId = from, ToProfileId = profile.Id, Weight = (float)Math.Round(0.2 + (0.8 * random.NextDouble()), 3) });
                }
            }
        }
    }

    private static double[] Cumulative(double[] weights)
    {
        var cdf = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cdf[i] = sum;
        }

        return cdf;
    }

    private static int Sample(Random random, double[] cdf)
    {
        var target = random.NextDouble() * cdf[^1];
        var index = Array.BinarySearch(cdf, target);
        return Math.Min(cdf.Length - 1, index >= 0 ? index : ~index);
    }

    private static int Pick(Random random, double[] weights)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double NextGaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static int HashCode(int seed, int profileId) => unchecked((seed * 1_000_003) ^ (profileId * 7_919) ^ 0x5bd1e995);

    private sealed record TitleFacts(int Id, double Popularity, (int Id, int RuntimeSeconds)[] Episodes, int RuntimeSeconds, int[] PauseHotspots, int[] Tags, bool IsKids);

    private sealed record Occasion(int TitleIndex, double Key, (int Episode, bool Complete)[] Episodes, double Liking);

    private sealed class ProfileViewing
    {
        public List<GeneratedSession> Sessions { get; } = [];
        public List<GeneratedPause> Pauses { get; } = [];
        public List<GeneratedThumb> Thumbs { get; } = [];
    }
}
