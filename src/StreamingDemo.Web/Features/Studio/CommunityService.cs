using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using StreamingDemo.Data;
using StreamingDemo.Data.Studio;
using StreamingDemo.Domain;
using StreamingDemo.Web.Features.Catalog;

namespace StreamingDemo.Web.Features.Studio;

/// <summary>A profile as the studio lists it: name, avatar, and its three learned communities with weights.</summary>
public sealed record StudioMember(int Id, string Name, string AvatarKey, IReadOnlyList<CommunityWeight> Communities);

/// <summary>A community on the overview: the atlas entry, its bubble on the map, top titles and example members.</summary>
public sealed record CommunityCard(CommunityProfile Community, MapBubble Bubble, IReadOnlyList<TitleCardModel> TopTitles, IReadOnlyList<StudioMember> Examples);

public sealed record CommunityOverview(string ModelVersion, int Profiles, IReadOnlyList<CommunityCard> Communities);

public sealed record InfluencerView(StudioMember Member, Influencer Reach);

public sealed record SpreadingTitleView(TitleCardModel Title, SpreadingTitle Spread);

public sealed record CommunityDetail(
    CommunityProfile Community,
    IReadOnlyList<TitleCardModel> TopTitles,
    IReadOnlyList<InfluencerView> Influencers,
    IReadOnlyList<SpreadingTitleView> Spreading,
    IReadOnlyList<StudioMember> Members);

/// <summary>Reads the learned taste communities for the studio (M2): the atlas from the live model, names and cards from the store.</summary>
public sealed class CommunityService(ITasteCommunityAtlas atlas, IRecommender recommender, ViewingFacts facts, CatalogService catalog, IDbContextFactory<StreamingDbContext> contexts)
{
    private const int CardTitles = 4;
    private const int CardExamples = 4;
    private const int SpreadingCount = 8;

    /// <summary>The map's height over its width (the map component draws it at this aspect ratio).</summary>
    public const double MapAspect = 0.5;

    private readonly ConcurrentDictionary<(string Model, int Community), Task<CommunitySpread>> spreads = new();

    public async Task<CommunityOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        var communities = atlas.Communities;
        var cards = await catalog.GetCardsAsync([.. communities.SelectMany(c => c.TopTitleIds.Take(CardTitles)).Distinct()], cancellationToken);
        var members = await MembersAsync([.. communities.SelectMany(c => c.ExampleMemberIds.Take(CardExamples))], cancellationToken);
        var bubbles = CommunityMapLayout.Place([.. communities.Select(c => (c.X, c.Y))], [.. communities.Select(c => c.Size)], MapAspect);
        return new CommunityOverview(
            atlas.ModelVersion,
            atlas.DominantCommunities.Count,
            [.. communities.Select((c, i) => new CommunityCard(c, bubbles[i],
                [.. c.TopTitleIds.Take(CardTitles).Where(cards.ContainsKey).Select(t => cards[t])],
                [.. c.ExampleMemberIds.Take(CardExamples).Where(members.ContainsKey).Select(m => members[m])]))]);
    }

    /// <summary>The community page; null for an id the live model does not have.</summary>
    public async Task<CommunityDetail?> DetailAsync(int communityId, CancellationToken cancellationToken = default)
    {
        var community = atlas.Communities.FirstOrDefault(c => c.Id == communityId);
        if (community is null)
        {
            return null;
        }

        var model = atlas.ModelVersion;
        foreach (var stale in spreads.Keys.Where(k => k.Model != model))
        {
            spreads.TryRemove(stale, out _);
        }

        var pending = spreads.GetOrAdd((model, communityId), _ => SpreadAsync(community));
        if (pending.IsFaulted)
        {
            // A failed read (a busy store, say) is retried on the next visit rather than remembered.
            spreads.TryRemove((model, communityId), out _);
            pending = spreads.GetOrAdd((model, communityId), _ => SpreadAsync(community));
        }

        var spread = await pending.WaitAsync(cancellationToken);
        var cards = await catalog.GetCardsAsync([.. community.TopTitleIds.Concat(spread.Titles.Select(t => t.TitleId)).Distinct()], cancellationToken);
        var members = await MembersAsync([.. community.ExampleMemberIds.Concat(community.InfluentialProfileIds)], cancellationToken);
        return new CommunityDetail(
            community,
            [.. community.TopTitleIds.Where(cards.ContainsKey).Select(t => cards[t])],
            [.. spread.Influencers.Where(i => members.ContainsKey(i.ProfileId)).Select(i => new InfluencerView(members[i.ProfileId], i))],
            [.. spread.Titles.Where(t => cards.ContainsKey(t.TitleId)).Select(t => new SpreadingTitleView(cards[t.TitleId], t))],
            [.. community.ExampleMemberIds.Where(members.ContainsKey).Select(m => members[m])]);
    }

    /// <summary>A profile with its three learned communities, or null when there is no such profile.</summary>
    public async Task<StudioMember?> MemberAsync(int profileId, CancellationToken cancellationToken = default) =>
        (await MembersAsync([profileId], cancellationToken)).GetValueOrDefault(profileId);

    private async Task<CommunitySpread> SpreadAsync(CommunityProfile community)
    {
        var members = atlas.MemberIds(community.Id);
        var edges = await facts.EdgesFromAsync(community.InfluentialProfileIds);
        var memberSet = members.ToHashSet();
        var followers = edges.Where(e => memberSet.Contains(e.ToProfileId)).Select(e => e.ToProfileId);
        var watches = await facts.FirstWatchesAsync([.. community.InfluentialProfileIds.Concat(followers).Distinct()]);
        return InfluenceSpread.Compute(community.InfluentialProfileIds, memberSet, edges, watches, SpreadingCount);
    }

    private async Task<Dictionary<int, StudioMember>> MembersAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Avatar }).ToListAsync(cancellationToken);
        return rows.ToDictionary(p => p.Id, p => new StudioMember(p.Id, p.Name, p.Avatar, recommender.GetTaste(p.Id).Communities));
    }
}
