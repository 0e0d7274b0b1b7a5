using StreamingDemo.Domain;
using StreamingDemo.Recommender.Ranking;

namespace StreamingDemo.Recommender.Serving;

/// <summary>
/// Turns a scored title into what pages show (V8): the calibrated match and the evidence behind it, from the same
/// computation that ranked it. The home page, the catalogue and the title page all explain through this one.
/// </summary>
internal sealed class MatchExplainer(RecommenderModel model)
{
    /// <summary>Communities whose viewers watch a title at least this much (share of their viewing) are named as evidence.</summary>
    private const float CommunityEvidence = 0.05f;

    private const int TagsShown = 3;

    /// <param name="seedTitle">The title index a "Because you watched" row or "More like this" grew from.</param>
    /// <param name="placedBy">The row builder that placed the title; by default co-viewing when there is a seed, else the personal ranking.</param>
    public RecommendedTitle Explain(ScoredTitle scored, ProfileState state, int? seedTitle = null, bool isExploration = false, PlacementMechanism? placedBy = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var title = scored.Title;
        var communities = state.Communities
            .Where(c => model.Communities.Popularity[c.Community][title] >= CommunityEvidence)
            .Select(c => new CommunityWeight(c.Community, model.Communities.Communities[c.Community].Name, c.Weight)).ToList();
        var tags = model.Tags.MatchingTags(state.TagAffinity, title).Take(TagsShown)
            .Select(t => new TagMatch(model.Catalog.MicroGenres[t.Tag].Id, model.Catalog.MicroGenres[t.Tag].Name, t.Strength)).ToList();
        var seed = seedTitle is { } index ? model.Catalog.Titles[index] : null;
        var explanation = new Explanation(seed?.Id, seed?.Name, communities, tags, new GeneratorScoreMap(scored.Generators),
            model.Popularity.Percentile[title], isExploration, scored.EnjoymentScore, scored.Match,
            isExploration ? PlacementMechanism.Exploration : placedBy ?? (seed is null ? PlacementMechanism.PersonalRanking : PlacementMechanism.CoViewing));
        return new RecommendedTitle(model.Catalog.Titles[title].Id, scored.Match, explanation);
    }
}
