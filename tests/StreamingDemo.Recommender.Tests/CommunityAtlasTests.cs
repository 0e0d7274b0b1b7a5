using StreamingDemo.Recommender.Communities;

namespace StreamingDemo.Recommender.Tests;

public sealed class CommunityAtlasTests
{
    [Fact]
    public void ThePcaMapKeepsTheDistancesOfCentroidsThatLieOnAPlane()
    {
        // Four centroids on a plane inside 5-D space: a rank-2 PCA can only rotate or mirror them.
        float[][] centroids =
        [
            [0, 0, 1, 0, 0],
            [1, 0, 1, 0, 0],
            [0, 2, 1, 0, 0],
            [3, 3, 1, 0, 0],
        ];

        var map = CommunityAtlas.Project(centroids, [10, 20, 30, 40]);

        for (var i = 0; i < centroids.Length; i++)
        {
            for (var j = i + 1; j < centroids.Length; j++)
            {
                var original = Math.Sqrt(centroids[i].Zip(centroids[j], (a, b) => (a - b) * (a - b)).Sum());
                var projected = Math.Sqrt(Math.Pow(map[i].X - map[j].X, 2) + Math.Pow(map[i].Y - map[j].Y, 2));
                Assert.Equal(original, projected, tolerance: 0.01); // randomized PCA in single precision
            }
        }
    }

    [Fact]
    public void EveryTrainedViewerWithViewingIsAMemberOfExactlyOneCommunity()
    {
        var atlas = new CommunityAtlas(TrainedWorld.NewRecommender());
        var withEvidence = TrainedWorld.Model.Profiles.Values.Count(p => p.Communities.Length > 0);

        Assert.Equal(withEvidence, atlas.Communities.Sum(c => c.Size));
        Assert.Equal(withEvidence, atlas.DominantCommunities.Count);
        Assert.All(atlas.Communities, c => Assert.Equal(c.Size, atlas.MemberIds(c.Id).Count));
        Assert.Equal(3 * withEvidence, atlas.Communities.Sum(c => c.Reach));
    }

    [Fact]
    public void ExampleMembersAreTheStrongestMembersOfTheirCommunity()
    {
        var atlas = new CommunityAtlas(TrainedWorld.NewRecommender());

        foreach (var community in atlas.Communities.Where(c => c.ExampleMemberIds.Count > 1))
        {
            var weights = community.ExampleMemberIds.Select(id => TrainedWorld.Model.Profiles[id].Communities[0]).ToList();
            Assert.All(weights, w => Assert.Equal(community.Id, w.Community));
            Assert.Equal(weights.Select(w => w.Weight).OrderDescending(), weights.Select(w => w.Weight));
        }
    }

    [Fact]
    public void ACommunitysNeighboursAreTheOtherCommunitiesItsMembersBelongTo()
    {
        var atlas = new CommunityAtlas(TrainedWorld.NewRecommender());
        var community = atlas.Communities.OrderByDescending(c => c.Size).First();
        var expected = TrainedWorld.Model.Profiles.Values
            .Where(p => p.Communities.Any(c => c.Community == community.Id))
            .SelectMany(p => p.Communities.Where(c => c.Community != community.Id))
            .GroupBy(c => c.Community)
            .ToDictionary(g => g.Key, g => g.Sum(c => (double)c.Weight));

        Assert.DoesNotContain(community.Neighbours, n => n.CommunityId == community.Id);
        Assert.Equal(expected.Keys.Order(), community.Neighbours.Select(n => n.CommunityId).Order());
        Assert.All(community.Neighbours, n => Assert.Equal(expected[n.CommunityId], n.Weight, 3));
        Assert.Equal(community.Neighbours.Select(n => n.Weight).OrderDescending(), community.Neighbours.Select(n => n.Weight));
    }

    [Fact]
    public void BeforeAModelIsLiveTheAtlasIsEmpty()
    {
        var atlas = new CommunityAtlas(new Serving.StreamingRecommender(Microsoft.Extensions.Options.Options.Create(TrainedWorld.Options), TimeProvider.System));

        Assert.Empty(atlas.Communities);
        Assert.Equal(string.Empty, atlas.ModelVersion);
        Assert.Empty(atlas.MemberIds(0));
    }
}
