using StreamingDemo.Domain;
using StreamingDemo.Recommender.Candidates;
using StreamingDemo.Recommender.Serving;

namespace StreamingDemo.Recommender.Evaluation;

/// <summary>
/// Ranks by the planted ground truth: a profile's three planted communities, their micro-genre affinities, and the observed
/// popularity, combined the way the generator draws viewing. An upper reference, not a model.
/// </summary>
internal sealed class PlantedOracle
{
    private readonly RecommenderModel model;
    private readonly Dictionary<int, (int Community, float Weight)[]> memberships;
    private readonly Dictionary<int, float[]> communityMass = [];
    private readonly float[] globalMass;

    public PlantedOracle(GroundTruth truth, RecommenderModel model)
    {
        this.model = model;
        memberships = truth.Memberships.GroupBy(m => m.ProfileId).ToDictionary(g => g.Key, g => g.Select(m => (m.CommunityId, m.Weight)).ToArray());
        var catalog = model.Catalog;
        var popularity = model.Popularity.AllTime;
        foreach (var community in truth.Communities)
        {
            var weights = truth.Affinities.Where(a => a.CommunityId == community.Id).ToDictionary(a => a.MicroGenreId, a => (double)a.Weight);
            var mass = new float[catalog.TitleCount];
            for (var t = 0; t < mass.Length; t++)
            {
                var title = catalog.Titles[t];
                if (title.IsKids != community.IsKids)
                {
                    continue;
                }

                var score = title.MicroGenreIds.Sum(tag => weights.GetValueOrDefault(tag));
                mass[t] = (float)(Math.Pow(1 + popularity[t], 0.6) * Math.Pow(0.03 + score, 2.2));
            }

            var sum = mass.Sum();
            communityMass[community.Id] = [.. mass.Select(m => sum > 0 ? m / sum : 0)];
        }

        var total = popularity.Sum();
        globalMass = [.. popularity.Select(p => total > 0 ? p / total : 0)];
    }

    public int[] Rank(int profileId, ProfileState state, int count)
    {
        var scores = new float[model.Catalog.TitleCount];
        var skip = new bool[scores.Length];
        foreach (var title in state.Excluded)
        {
            skip[title] = true;
        }

        for (var t = 0; t < scores.Length; t++)
        {
            scores[t] = 0.15f * globalMass[t];
        }

        foreach (var (community, weight) in memberships.GetValueOrDefault(profileId, []))
        {
            var mass = communityMass[community];
            for (var t = 0; t < scores.Length; t++)
            {
                scores[t] += 0.85f * weight * mass[t];
            }
        }

        return TopK.Select(scores, count, skip);
    }
}
