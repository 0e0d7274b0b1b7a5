using Microsoft.EntityFrameworkCore;
using StreamingDemo.Web.Features.Profiles;

namespace StreamingDemo.Web.Tests;

[Collection(nameof(SeededStoreCollection))]
public sealed class PersonaDirectoryTests(SeededStore store)
{
    private readonly PersonaDirectory directory = new(store.Contexts);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FeaturedPersonasAreTheFeaturedProfiles()
    {
        var featured = await directory.GetFeaturedAsync(Cancel);

        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        var expected = await db.Profiles.Where(p => p.IsFeatured).OrderBy(p => p.Id).Select(p => p.Name).ToListAsync(Cancel);
        Assert.InRange(featured.Count, 4, 6);
        Assert.Equal(expected, featured.Select(p => p.Name));
    }

    [Fact]
    public async Task EveryFeaturedSummaryNamesThePlantedCommunitiesStrongestFirst()
    {
        var featured = await directory.GetFeaturedAsync(Cancel);

        await using var db = await store.Contexts.CreateDbContextAsync(Cancel);
        foreach (var persona in featured)
        {
            var planted = await (
                    from m in db.PlantedMemberships
                    join c in db.PlantedCommunities on m.CommunityId equals c.Id
                    where m.ProfileId == persona.Id
                    orderby m.Weight descending
                    select c.Name)
                .ToListAsync(Cancel);
            Assert.Equal(3, planted.Count);
            var positions = planted.Select(name => persona.TasteSummary.IndexOf(name, StringComparison.Ordinal)).ToList();
            Assert.All(positions, p => Assert.True(p >= 0, $"{persona.Name}: '{persona.TasteSummary}' misses a planted community"));
            Assert.Equal(positions.Order(), positions);
        }
    }

    [Fact]
    public async Task FilteringByCommunityListsOnlyItsMembersStrongestFirst()
    {
        var community = (await directory.GetCommunitiesAsync(Cancel)).OrderByDescending(c => c.Members).First();

        var page = await directory.SearchAsync(null, community.Id, 1, pageSize: 50, cancellationToken: Cancel);

        Assert.Equal(community.Members, page.TotalCount);
        var weights = page.Items.Select(p => p.Taste.Single(t => t.CommunityId == community.Id).Weight).ToList();
        Assert.Equal(weights.OrderDescending(), weights);
    }

    [Fact]
    public async Task SearchFindsProfilesByPartOfTheirName()
    {
        var someone = (await directory.GetFeaturedAsync(Cancel))[0];

        var page = await directory.SearchAsync(someone.Name[..3].ToLowerInvariant(), null, 1, cancellationToken: Cancel);

        Assert.Contains(page.Items, p => p.Id == someone.Id);
    }

    [Fact]
    public async Task AnUnknownProfileIsNotFound() => Assert.Null(await directory.FindAsync(-5, Cancel));
}
