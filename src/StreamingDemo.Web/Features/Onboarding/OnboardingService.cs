using Microsoft.EntityFrameworkCore;
using StreamingDemo.Web.Art;
using StreamingDemo.Web.Features.Operations;
using StreamingDemo.Web.Features.Security;
using StreamingDemo.Data;
using StreamingDemo.Data.Entities;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Catalog;
using StreamingDemo.Web.Features.Feedback;

namespace StreamingDemo.Web.Features.Onboarding;

/// <summary>A genre's most watched titles, offered together so the picks can span tastes.</summary>
public sealed record PickGroup(string Genre, IReadOnlyList<TitleCardModel> Titles);

/// <summary>What a new viewer tells us (V2): who they are, three or more favourite shows, and their devices.</summary>
public sealed record NewProfile(string Name, string AvatarKey, IReadOnlyCollection<int> PickedTitleIds, IReadOnlyCollection<DeviceType> Devices)
{
    public const int MinimumPicks = 3;
    public const int MaxNameLength = 40;
}

/// <summary>Creates profiles through onboarding; the picks go through <see cref="FeedbackService"/> as likes, folded into recommendations at once (cold start).</summary>
public sealed class OnboardingService(IDbContextFactory<StreamingDbContext> contexts, CatalogService catalog, FeedbackService feedback, IArtworkStyles artwork, StoreEvents events, StoreWriteGate gate, TimeProvider clock)
{
    public const int TitlesPerGenre = 24;

    // The most watched titles per genre barely move during a session, and counting viewers over every viewing session
    // is the heaviest query of onboarding: a room of attendees opening the page at once each paid for it (issue 11's
    // load benchmark). Computed once per store; a reset or dataset switch starts a new one.
    private PickGroupsOfStore? pickGroups;

    public Task<IReadOnlyList<PickGroup>> GetPickGroupsAsync(CancellationToken cancellationToken = default)
    {
        var cached = Volatile.Read(ref pickGroups);
        if (cached is null || cached.Generation != events.Generation || cached.Groups.IsFaulted || cached.Groups.IsCanceled)
        {
            // Many pages open at once: exactly one of them runs the query, the others wait for its result.
            var started = new PickGroupsOfStore(events.Generation, new Lazy<Task<IReadOnlyList<PickGroup>>>(() => LoadPickGroupsAsync(CancellationToken.None)));
            cached = Interlocked.CompareExchange(ref pickGroups, started, cached) == cached ? started : Volatile.Read(ref pickGroups)!;
        }

        return cached.Groups.WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<PickGroup>> LoadPickGroupsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plays = await db.ViewingSessions.AsNoTracking().GroupBy(s => s.TitleId)
            .Select(g => new { TitleId = g.Key, Viewers = g.Select(s => s.ProfileId).Distinct().Count() })
            .ToDictionaryAsync(x => x.TitleId, x => x.Viewers, cancellationToken);
        var titles = await db.Titles.AsNoTracking().Select(t => new { t.Id, t.PrimaryGenreId, Genre = t.PrimaryGenre!.Name }).ToListAsync(cancellationToken);
        var chosen = titles
            .GroupBy(t => t.Genre)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Genre: g.Key, Ids: g.OrderByDescending(t => plays.GetValueOrDefault(t.Id)).ThenBy(t => t.Id).Take(TitlesPerGenre).Select(t => t.Id).ToList()))
            .ToList();
        var cards = await catalog.GetCardsAsync(chosen.SelectMany(c => c.Ids).ToList(), cancellationToken);
        return chosen.Select(c => new PickGroup(c.Genre, c.Ids.Select(id => cards[id]).ToList())).ToList();
    }

    /// <summary>Creates the profile and returns its id. Throws <see cref="ArgumentException"/> for input the form should have refused.</summary>
    public async Task<int> CreateAsync(NewProfile request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checkedName = UserText.CheckName(request.Name, NewProfile.MaxNameLength);
        if (!checkedName.IsValid)
        {
            throw new ArgumentException(checkedName.Error, nameof(request));
        }

        var name = checkedName.Value;
        if (!artwork.Avatars.Any(a => a.Key == request.AvatarKey))
        {
            throw new ArgumentException("Choose one of the pictures shown.", nameof(request));
        }

        var picks = request.PickedTitleIds.Distinct().ToList();
        if (picks.Count < NewProfile.MinimumPicks)
        {
            throw new ArgumentException($"Pick at least {NewProfile.MinimumPicks} shows.", nameof(request));
        }

        // The profile and its picks are written inside one pass of the gate, so a reset cannot fall between them.
        return await gate.WriteAsync(() => SaveProfileAsync(request, name, picks, cancellationToken), cancellationToken);
    }

    private async Task<int> SaveProfileAsync(NewProfile request, string name, List<int> picks, CancellationToken cancellationToken)
    {
        var id = await gate.SaveAsync(() => InsertProfileAsync(request, name, picks, cancellationToken), cancellationToken);
        await feedback.SavePicksAsync(id, picks, cancellationToken);
        return id;
    }

    private async Task<int> InsertProfileAsync(NewProfile request, string name, List<int> picks, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = await db.Titles.Where(t => picks.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        if (known.Count != picks.Count)
        {
            throw new ArgumentException("Some picked shows are not in the catalogue.", nameof(request));
        }

        var profile = new Profile
        {
            Name = name,
            Avatar = request.AvatarKey,
            IsKids = false,
            IsFeatured = false,
            IsSeeded = false,
            CreatedAt = now,
            Devices = request.Devices.Distinct().Select(d => new ProfileDevice { Device = d }).ToList(),
        };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return profile.Id;
    }

    private sealed record PickGroupsOfStore(int Generation, Lazy<Task<IReadOnlyList<PickGroup>>> Load)
    {
        public Task<IReadOnlyList<PickGroup>> Groups => Load.Value;
    }
}
