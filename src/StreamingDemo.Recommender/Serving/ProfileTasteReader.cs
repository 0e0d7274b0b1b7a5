using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Serving;

/// <summary>A profile's taste as pages and the artwork bandit see it: its learned communities and its recent micro-genres.</summary>
internal static class ProfileTasteReader
{
    public static ProfileTaste Read(RecommenderModel model, ProfileState state) =>
        new(state.ProfileId, [.. state.Communities.Select(c => new CommunityWeight(c.Community, model.Communities.Communities[c.Community].Name, c.Weight))])
        {
            RecentMicroGenres = RecentMicroGenres(model, state),
        };

    /// <summary>
    /// The micro-genre tags of the profile's latest titles with positive evidence (live plays included), each title
    /// counting once and its tags sharing that count equally.
    /// </summary>
    internal static IReadOnlyList<RecentMicroGenre> RecentMicroGenres(RecommenderModel model, ProfileState state)
    {
        var latest = Enumerable.Range(0, state.Titles.Length)
            .OrderByDescending(i => state.LastAt[i]).ThenBy(i => state.Titles[i])
            .Take(ProfileTaste.RecentTitles)
            .Select(i => model.Catalog.TitleTags[state.Titles[i]])
            .Where(tags => tags.Length > 0)
            .ToList();
        if (latest.Count == 0)
        {
            return [];
        }

        var shares = new Dictionary<int, double>();
        foreach (var tags in latest)
        {
            foreach (var tag in tags)
            {
                shares[tag] = shares.GetValueOrDefault(tag) + (1.0 / tags.Length / latest.Count);
            }
        }

        return [.. shares.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select(s =>
        {
            var micro = model.Catalog.MicroGenres[s.Key];
            return new RecentMicroGenre(micro.Id, micro.Name, micro.GenreId, s.Value);
        })];
    }
}
