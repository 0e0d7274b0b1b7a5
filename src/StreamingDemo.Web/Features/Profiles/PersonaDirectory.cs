using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;

namespace StreamingDemo.Web.Features.Profiles;

/// <summary>Reads profiles for "Who's watching": featured personas, the searchable picker and the current viewer.</summary>
public sealed class PersonaDirectory(IDbContextFactory<StreamingDbContext> contexts)
{
    public const int DefaultPageSize = 24;

    public async Task<IReadOnlyList<PersonaModel>> GetFeaturedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var profiles = await db.Profiles.AsNoTracking()
            .Where(p => p.IsFeatured)
            .OrderBy(p => p.Id)
            .Select(p => new ProfileRow(p.Id, p.Name, p.Avatar, p.IsKids))
            .ToListAsync(cancellationToken);
        return await WithTasteAsync(db, profiles, cancellationToken);
    }

    public async Task<PersonaModel?> FindAsync(int profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var profile = await db.Profiles.AsNoTracking()
            .Where(p => p.Id == profileId)
            .Select(p => new ProfileRow(p.Id, p.Name, p.Avatar, p.IsKids))
            .FirstOrDefaultAsync(cancellationToken);
        return profile is null ? null : (await WithTasteAsync(db, [profile], cancellationToken))[0];
    }

    /// <summary>
    /// Profiles whose name contains <paramref name="search"/>; with a community, only its members,
    /// strongest members first.
    /// </summary>
    public async Task<PagedResult<PersonaModel>> SearchAsync(string? search, int? communityId, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var profiles = db.Profiles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            profiles = profiles.Where(p => EF.Functions.Like(p.Name, pattern, "\\"));
        }

        IQueryable<ProfileRow> rows;
        if (communityId is int community)
        {
            rows = from p in profiles
                   join m in db.PlantedMemberships on p.Id equals m.ProfileId
                   where m.CommunityId == community
                   orderby m.Weight descending, p.Id
                   select new ProfileRow(p.Id, p.Name, p.Avatar, p.IsKids);
        }
        else
        {
            rows = profiles.OrderByDescending(p => p.IsFeatured).ThenBy(p => p.Name).ThenBy(p => p.Id)
                .Select(p => new ProfileRow(p.Id, p.Name, p.Avatar, p.IsKids));
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<PersonaModel>(await WithTasteAsync(db, items, cancellationToken), total, page, pageSize);
    }

    /// <summary>The planted taste communities, by name, with how many profiles have each among their three.</summary>
    public async Task<IReadOnlyList<CommunityOption>> GetCommunitiesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.PlantedMemberships.AsNoTracking()
            .GroupBy(m => m.CommunityId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var communities = await db.PlantedCommunities.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return communities.Select(c => new CommunityOption(c.Id, c.Name, c.Summary, counts.GetValueOrDefault(c.Id))).ToList();
    }

    private static async Task<IReadOnlyList<PersonaModel>> WithTasteAsync(StreamingDbContext db, IReadOnlyList<ProfileRow> profiles, CancellationToken cancellationToken)
    {
        if (profiles.Count == 0)
        {
            return [];
        }

        var ids = profiles.Select(p => p.Id).ToList();
        var memberships = await (
                from m in db.PlantedMemberships.AsNoTracking()
                join c in db.PlantedCommunities.AsNoTracking() on m.CommunityId equals c.Id
                where ids.Contains(m.ProfileId)
                select new { m.ProfileId, m.Rank, m.CommunityId, c.Name, m.Weight })
            .ToListAsync(cancellationToken);
        var byProfile = memberships.ToLookup(m => m.ProfileId);
        return profiles
            .Select(p => new PersonaModel(
                p.Id,
                p.Name,
                p.Avatar,
                p.IsKids,
                byProfile[p.Id].OrderBy(m => m.Rank).Select(m => new TasteShare(m.CommunityId, m.Name, m.Weight)).ToList()))
            .ToList();
    }

    private sealed record ProfileRow(int Id, string Name, string Avatar, bool IsKids);
}
