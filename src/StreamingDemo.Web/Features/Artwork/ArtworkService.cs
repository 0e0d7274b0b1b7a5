using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Data.Seeding;
using StreamingDemo.Domain;
using StreamingDemo.Recommender.Artwork;

namespace StreamingDemo.Web.Features.Artwork;

/// <summary>Artwork personalization knobs (section "Artwork").</summary>
public sealed class ArtworkOptions
{
    public const string SectionName = "Artwork";

    /// <summary>Share of cards shown a uniformly random variant so the bandit keeps learning (0–1).</summary>
    public double ExplorationRate { get; set; } = 0.1;

    /// <summary>LinUCB confidence width: 0 is greedy, larger tries less-known themes more.</summary>
    public double Alpha { get; set; } = ArtworkLearning.DefaultAlpha;

    /// <summary>How long live impressions may wait in memory before they are written to the store (a crash loses at most these).</summary>
    public TimeSpan ImpressionFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many waiting impressions make a batch be written at once, before the interval is up.</summary>
    public int ImpressionBatchSize { get; set; } = 200;
}

/// <summary>The artwork a card shows and why (V10).</summary>
/// <param name="Personalized">Chosen by the bandit for this profile; false when personalization is off or the models are still training.</param>
public sealed record CardArtwork(int TitleId, string Theme, string Label, string DefaultLabel, bool Personalized, bool Explored, double ExpectedTake, double DefaultExpectedTake)
{
    /// <summary>The chance the bandit's policy, exploration included, gave this variant (logged with the impression; 1 when not personalized).</summary>
    public double Propensity { get; init; } = 1;

    public string Url(string crop = "poster") => $"/art/{crop}/{TitleId}/{Uri.EscapeDataString(Theme)}.svg";

    /// <summary>Why this variant, in a sentence that states the bandit's own numbers.</summary>
    public string Reason => (Personalized, Explored) switch
    {
        (false, _) => $"Artwork personalization is off, so this is the title's default {DefaultLabel.ToLowerInvariant()} artwork.",
        (true, true) => $"Shown to learn: a random variant, as for a share of cards, so the artwork keeps improving.",
        _ when Label == DefaultLabel => $"The default {Label.ToLowerInvariant()} artwork is the bandit's pick for your taste communities, recent viewing and device: {ExpectedTake * 100:0.0}% learned chance of a play.",
        _ => $"Profiles with your taste communities and recent viewing play {Label.ToLowerInvariant()} artwork more on this device: {ExpectedTake * 100:0.0}% learned chance of a play against {DefaultExpectedTake * 100:0.0}% for the default {DefaultLabel.ToLowerInvariant()} artwork.",
    };
}

/// <summary>
/// Chooses each card's artwork variant with the LinUCB bandit, keeps the choice for the rest of a visit, learns from the
/// impressions and plays, logs them in the store (<see cref="ArtworkImpressionLog"/>), and keeps its state in a file
/// beside the models. The first time, it warm-starts from the store's logged impressions (seeded with planted theme
/// preferences and random exploration, then the live ones).
/// </summary>
public sealed class ArtworkService(
    StoreLocation store,
    IRecommender recommender,
    ArtworkImpressionLog impressionLog,
    IOptions<ArtworkOptions> options,
    ILogger<ArtworkService> logger) : IDisposable
{
    private const string FileName = "artwork-bandit.json";
    /// <summary>How long learned artwork state may go unsaved (see <see cref="QueueSave"/>).</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private int saveQueued;
    // Saves under way (SaveLaterAsync): the shutdown saves the live bandit again rather than lose what one was cancelled writing.
    private int writing;
    // Counts store replacements, so a load that was under way for the old store is not kept (see StoreReplaced).
    private int replacements;
    private readonly Lock learning = new();
    private readonly BanditSaveOrder saves = new();
    private readonly ConcurrentDictionary<int, (int Visit, DeviceType Device, ConcurrentDictionary<int, CardArtwork> Shown)> visits = new();
    private readonly ConcurrentDictionary<int, ShownInVisit> noted = new();
    private IReadOnlyDictionary<int, IReadOnlyList<string>>? variants;
    private LinUcbBandit? bandit;
    // The file of the store each bandit was loaded for: a reset or dataset switch moves the store before it tells this
    // service (StoreReplaced), and a save in between must write the old store's learning to the old store's file.
    private readonly ConditionalWeakTable<LinUcbBandit, string> files = new();
    private ArtworkContext? context;

    /// <summary>
    /// The live store's bandit file: <c>artwork-bandit.json</c> for the seeded store, <c>artwork-bandit.{dataset}.json</c>
    /// for an imported one, so a dataset switch never loads another store's learning.
    /// </summary>
    private string StatePath => Path.Combine(store.ModelDirectory, string.Equals(store.DatabasePath, store.SeededPath, StringComparison.Ordinal)
        ? FileName
        : $"{Path.GetFileNameWithoutExtension(FileName)}.{Path.GetFileNameWithoutExtension(store.DatabasePath)}.json");

    /// <summary>
    /// The artwork for each title on a profile's page. Within one visit the same title keeps its artwork; with
    /// <paramref name="personalize"/> false every title shows its default artwork.
    /// </summary>
    /// <param name="remember">False for a look from outside the visit (the side-by-side view): it reads the visit's choices but keeps none.</param>
    public async Task<IReadOnlyDictionary<int, CardArtwork>> ChooseAsync(int profileId, DeviceType device, int visit, IReadOnlyCollection<int> titleIds, bool personalize, bool remember = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(titleIds);
        var all = await VariantsAsync(cancellationToken);
        var learned = personalize ? await BanditAsync(cancellationToken) : null;
        var memo = personalize && learned is not null
            ? remember
                ? visits.AddOrUpdate(profileId, _ => (visit, device, new()), (_, held) => held.Visit == visit && held.Device == device ? held : (visit, device, new())).Shown
                : visits.TryGetValue(profileId, out var held) && held.Visit == visit && held.Device == device ? new ConcurrentDictionary<int, CardArtwork>(held.Shown) : new()
            : null;
        var x = learned is null ? null : Context(profileId, device);
        var result = new Dictionary<int, CardArtwork>();
        var unpicked = new List<(int Id, IReadOnlyList<string> Candidates)>();
        foreach (var id in titleIds)
        {
            if (!all.TryGetValue(id, out var candidates) || candidates.Count == 0)
            {
                continue;
            }

            if (learned is null || x is null || memo is null)
            {
                result[id] = Describe(id, candidates[0], candidates[0], personalized: false, explored: false, 0, 0);
            }
            else if (memo.TryGetValue(id, out var shown))
            {
                result[id] = shown;
            }
            else
            {
                unpicked.Add((id, candidates));
            }
        }

        if (unpicked.Count > 0)
        {
            // One pass under the bandit's lock for the whole page (a few microseconds a card), not one lock per card:
            // a room of pages opening at once otherwise queues on it card by card.
            var picks = new ArtworkPick[unpicked.Count];
            lock (learning)
            {
                for (var i = 0; i < picks.Length; i++)
                {
                    picks[i] = ArtworkPicker.Pick(learned!, x!, unpicked[i].Candidates, options.Value.ExplorationRate, profileId, unpicked[i].Id, visit);
                }
            }

            for (var i = 0; i < picks.Length; i++)
            {
                var (id, candidates) = unpicked[i];
                var pick = picks[i];
                // Another render of the same visit may have picked first: the visit keeps the first pick.
                result[id] = memo!.GetOrAdd(id, Describe(id, pick.Theme, candidates[0], personalized: true, pick.Explored, pick.ExpectedTake, pick.DefaultExpectedTake) with { Propensity = pick.Propensity });
            }
        }

        return result;
    }

    /// <summary>
    /// Keeps, for the visit, the artwork a page carried over from its prerendering showed (ADR 0031): the circuit does
    /// not pick again, so a thumb's recompose and a play see the variants the viewer saw. A pick already kept wins.
    /// </summary>
    public void Remember(int profileId, DeviceType device, int visit, IEnumerable<CardArtwork> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var memo = visits.AddOrUpdate(profileId, _ => (visit, device, new()), (_, held) => held.Visit == visit && held.Device == device ? held : (visit, device, new())).Shown;
        foreach (var card in shown)
        {
            memo.TryAdd(card.TitleId, card);
        }
    }

    /// <summary>The artwork one title shows each of these viewers (a profile on a device) in their current visit (the side-by-side views).</summary>
    public async Task<IReadOnlyList<(int ProfileId, DeviceType Device, CardArtwork Artwork)>> CompareAsync(int titleId, IReadOnlyList<(int ProfileId, DeviceType Device)> viewers, Func<int, int> currentVisit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewers);
        ArgumentNullException.ThrowIfNull(currentVisit);
        var result = new List<(int, DeviceType, CardArtwork)>();
        foreach (var (profileId, device) in viewers)
        {
            var chosen = await ChooseAsync(profileId, device, currentVisit(profileId), [titleId], personalize: true, remember: false, cancellationToken);
            if (chosen.TryGetValue(titleId, out var artwork))
            {
                result.Add((profileId, device, artwork));
            }
        }

        return result;
    }

    /// <summary>The variants of a title, default first, for the side-by-side view and the art endpoint.</summary>
    public async Task<IReadOnlyList<string>> VariantsOfAsync(int titleId, CancellationToken cancellationToken = default) =>
        (await VariantsAsync(cancellationToken)).GetValueOrDefault(titleId) ?? [];

    /// <summary>
    /// Learns from the cards a profile was shown in a visit (the visible part of its page): each an impression not (yet)
    /// played, learned and logged once per visit and title however often the page is composed.
    /// </summary>
    public async Task NoteImpressionsAsync(int profileId, DeviceType device, int visit, IEnumerable<CardArtwork> shown, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var personalized = shown.Where(s => s.Personalized).ToList();
        if (personalized.Count == 0 || await BanditAsync(cancellationToken) is not { } learned)
        {
            return;
        }

        var entry = noted.AddOrUpdate(profileId, _ => new ShownInVisit(visit, device), (_, held) => held.Visit == visit && held.Device == device ? held : new ShownInVisit(visit, device));
        var fresh = entry.Add(personalized);
        if (fresh.Count == 0)
        {
            return;
        }

        var x = Context(profileId, device);
        lock (learning)
        {
            foreach (var card in fresh)
            {
                learned.Observe(x, card.Theme, played: false);
            }
        }

        impressionLog.Append([.. fresh.Select(c => new LiveImpression(profileId, c.TitleId, device, visit, c.Theme, c.Explored, c.Propensity))]);
        QueueSave();
    }

    /// <summary>
    /// A play of a title: if this profile's current visit logged an impression of its personalized artwork, that
    /// impression becomes a play (once), in the bandit and in the store.
    /// </summary>
    public async Task NotePlayAsync(int profileId, int titleId, CancellationToken cancellationToken = default)
    {
        // The card keeps its artwork for the rest of the visit; the play counts once per visit.
        if (!noted.TryGetValue(profileId, out var held) || held.Play(titleId) is not { } card || await BanditAsync(cancellationToken) is not { } learned)
        {
            return;
        }

        lock (learning)
        {
            learned.ObservePlayAfterImpression(Context(profileId, held.Device), card.Theme);
        }

        QueueSave();
        await impressionLog.PlayedAsync(new LivePlay(profileId, titleId, held.Visit), cancellationToken);
    }

    /// <summary>
    /// The store under the site was replaced (<see cref="StoreEvents.Replaced"/>): the variants, the bandit and the visits
    /// belong to the old one and are dropped, so the next page loads the live store's. A presenter reset rebuilds the seeded
    /// store, so its saved bandit (the room's learning) is deleted too and the bandit warm-starts again from the seeded log,
    /// as on a first run; a dataset switch keeps each store's own file.
    /// </summary>
    public void StoreReplaced(string reason)
    {
        lock (learning)
        {
            Interlocked.Increment(ref replacements);
            variants = null;
            bandit = null;
            context = null;
            visits.Clear();
            noted.Clear();
        }

        // A save of the old bandit still writing is not moved over the file after this.
        if (reason == "reset" && saves.Reset(StatePath))
        {
            logger.LogInformation("Presenter reset: the artwork bandit starts again from the seeded impressions");
        }
    }

    /// <summary>Loads the variants and loads or warm-starts the bandit now, so no page waits for them (see <see cref="ArtworkWarmup"/>).</summary>
    public async Task WarmAsync(CancellationToken cancellationToken = default)
    {
        await VariantsAsync(cancellationToken);
        await BanditAsync(cancellationToken);
    }

    public void Dispose()
    {
        // Shutting down: what the last interval learned is written now rather than lost, also when the interval's own save
        // was under way (cancelled just now, or older than this snapshot: the newer one stays in place).
        stopping.Cancel();
        if ((Interlocked.Exchange(ref saveQueued, 0) == 1 || Volatile.Read(ref writing) > 0) && bandit is { } learned)
        {
            SaveNow(learned);
        }

        stopping.Dispose();
        gate.Dispose();
    }

    /// <summary>The impressions one profile's visit has logged, and which of them have been played.</summary>
    private sealed class ShownInVisit(int visit, DeviceType device)
    {
        private readonly Dictionary<int, (CardArtwork Card, bool Played)> shown = [];

        public int Visit => visit;

        public DeviceType Device => device;

        /// <summary>Adds the cards not logged yet in this visit and returns them.</summary>
        public List<CardArtwork> Add(IEnumerable<CardArtwork> cards)
        {
            lock (shown)
            {
                return [.. cards.Where(c => shown.TryAdd(c.TitleId, (c, false)))];
            }
        }

        /// <summary>The logged card of a title the first time it is played in this visit; null after, or when it was not logged.</summary>
        public CardArtwork? Play(int titleId)
        {
            lock (shown)
            {
                if (!shown.TryGetValue(titleId, out var entry) || entry.Played)
                {
                    return null;
                }

                shown[titleId] = (entry.Card, true);
                return entry.Card;
            }
        }
    }

    private static CardArtwork Describe(int titleId, string theme, string defaultTheme, bool personalized, bool explored, double expected, double defaultExpected) =>
        new(titleId, theme, Label(theme), Label(defaultTheme), personalized, explored, expected, defaultExpected);

    /// <summary>A theme's name as the product shows it ("Dark", "Romantic").</summary>
    public static string Label(string theme) =>
        SeedVocabulary.Default.Artwork.Themes.FirstOrDefault(t => t.Key == theme)?.Label ?? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(theme);

    private double[] Context(int profileId, DeviceType device) => context!.For(recommender.GetTaste(profileId), device);

    private async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> VariantsAsync(CancellationToken cancellationToken)
    {
        if (variants is { } loaded)
        {
            return loaded;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var at = Volatile.Read(ref replacements);
            var read = variants ?? await SqliteArtworkVariants.LoadAsync(store, cancellationToken);
            if (at == Volatile.Read(ref replacements))
            {
                variants = read;
            }

            return read;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The bandit, loaded or warm-started once the recommender is ready; null while the first model trains.</summary>
    private async Task<LinUcbBandit?> BanditAsync(CancellationToken cancellationToken)
    {
        if (bandit is { } ready)
        {
            return ready;
        }

        if (!recommender.Status.IsReady)
        {
            return null;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (bandit is not null)
            {
                return bandit;
            }

            var at = Volatile.Read(ref replacements);
            var path = StatePath;
            context = new ArtworkContext(Enumerable.Range(0, recommender.Communities.Count), await SqliteArtworkVariants.LoadGenreIdsAsync(store, cancellationToken));
            var loaded = Load(path) is { } saved && saved.Dimension == context.Dimension ? saved : null;
            var warmStarted = loaded is null;
            loaded ??= await WarmStartAsync(context, cancellationToken);
            files.AddOrUpdate(loaded, path);
            if (warmStarted)
            {
                await SaveAsync(loaded, cancellationToken);
            }

            if (at == Volatile.Read(ref replacements))
            {
                bandit = loaded;
            }

            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }

    private LinUcbBandit? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        var loaded = LinUcbBandit.Load(stream);
        if (loaded is null)
        {
            logger.LogWarning("{Path} is not a saved artwork bandit; warm-starting a new one", path);
        }

        return loaded;
    }

    private async Task<LinUcbBandit> WarmStartAsync(ArtworkContext features, CancellationToken cancellationToken)
    {
        var log = await SqliteArtworkVariants.LoadImpressionsAsync(store, cancellationToken);
        var contexts = new Dictionary<(int, DeviceType), double[]>();
        double[] ContextOf(int profile, DeviceType device) =>
            contexts.TryGetValue((profile, device), out var known) ? known : contexts[(profile, device)] = features.For(recommender.GetTaste(profile), device);
        var learned = ArtworkLearning.WarmStart(log, ContextOf, features.Dimension, options.Value.Alpha);
        logger.LogInformation("Artwork bandit warm-started from {Impressions} logged impressions ({Plays} plays)", learned.Impressions, learned.Plays);
        return learned;
    }

    /// <summary>
    /// Saves the learned state at most once per <see cref="SaveInterval"/>: the state is about 1.7 MB on demo, and writing it
    /// after every page made each home page serialize it under the bandit's lock (the load benchmark's slowest tails).
    /// Only a copy of the arrays is taken under the lock now (<see cref="TakeSnapshot"/>); the JSON is written outside it.
    /// A crash loses at most the last interval's learning; a normal shutdown saves it (<see cref="Dispose"/>).
    /// </summary>
    private void QueueSave()
    {
        if (Interlocked.Exchange(ref saveQueued, 1) == 0)
        {
            _ = SaveLaterAsync();
        }
    }

    private async Task SaveLaterAsync()
    {
        // Read once: a save still running when Dispose has disposed the source is cancelled by it, not failed.
        var shuttingDown = stopping.Token;
        try
        {
            await Task.Delay(SaveInterval, shuttingDown);
        }
        catch (OperationCanceledException)
        {
            return; // Dispose saves what is queued.
        }

        // Counted before the queued flag is taken, so a shutdown in between sees one of the two and saves.
        Interlocked.Increment(ref writing);
        try
        {
            // The live bandit, not necessarily the one that queued the save: after a store replacement (a reset, a dataset
            // switch) the old one is stale and must not overwrite the new store's file, while what the new one has learned
            // since rides on this queued save.
            if (Interlocked.Exchange(ref saveQueued, 0) == 1 && bandit is { } current)
            {
                await SaveAsync(current, shuttingDown);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: Dispose saves the live bandit itself.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not save the artwork bandit to {Path}; the next interval tries again", StatePath);
        }
        finally
        {
            Interlocked.Decrement(ref writing);
        }
    }

    /// <summary>
    /// What a save writes, taken under the bandit's lock in the time it takes to copy its arrays (about 0.65 MB of doubles on
    /// demo), never its JSON, with its place in the order of saves (<see cref="BanditSaveOrder"/>).
    /// </summary>
    private (LinUcbBanditSnapshot State, BanditSaveTicket Ticket) TakeSnapshot(LinUcbBandit learned)
    {
        lock (learning)
        {
            return (learned.Snapshot(), saves.Take(files.TryGetValue(learned, out var path) ? path : StatePath));
        }
    }

    private async Task SaveAsync(LinUcbBandit learned, CancellationToken cancellationToken)
    {
        var save = TakeSnapshot(learned);
        var temporary = Beside(save.Ticket.Path);
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81_920, useAsync: true))
            {
                await save.State.SaveAsync(file, cancellationToken);
            }

            saves.Move(save.Ticket, temporary);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private void SaveNow(LinUcbBandit learned)
    {
        try
        {
            var save = TakeSnapshot(learned);
            var temporary = Beside(save.Ticket.Path);
            try
            {
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81_920))
                {
                    save.State.Save(file);
                }

                saves.Move(save.Ticket, temporary);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not save the artwork bandit to {Path} at shutdown", StatePath);
        }
    }

    /// <summary>Write beside, then move over: a crash mid-write never leaves a half file.</summary>
    private static string Beside(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path + "." + Guid.NewGuid().ToString("N") + ".tmp";
    }
}
