using StreamingDemo.Domain;

namespace StreamingDemo.Web.Features.Catalog;

/// <summary>
/// The match of titles for a profile (V4, V6), as the catalogue and title pages show it: the same calibrated match and
/// evidence the home page carries, for a whole page of titles in one scoring pass.
/// </summary>
public sealed class TitleMatches(IRecommender recommender)
{
    private static readonly IReadOnlyDictionary<int, RecommendedTitle> None = new Dictionary<int, RecommendedTitle>();

    /// <summary>
    /// Matches by title id. Empty with no profile chosen or while the first model trains; a title added after the model
    /// was trained has no entry (no match shown rather than a made-up one).
    /// </summary>
    public IReadOnlyDictionary<int, RecommendedTitle> For(int? profileId, IReadOnlyCollection<int> titleIds)
    {
        ArgumentNullException.ThrowIfNull(titleIds);
        return profileId is int profile && titleIds.Count > 0 ? recommender.ScoreTitles(profile, titleIds) : None;
    }
}
