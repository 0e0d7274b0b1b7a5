using StreamingDemo.Domain;
using StreamingDemo.Domain.Layouts;

namespace StreamingDemo.Recommender.Serving;

/// <summary>
/// Composes a profile's home page (V3) from a layout (L1): the layout's row templates expand into candidate rows, each ordered
/// by the same ranker that makes the match %; rows are ordered by the layout's policy (pinned rows first), no title twice in
/// the visible cards of two rows when the layout dedupes, a small exploration share, and a gentle re-permutation per visit
/// (the best titles and rows stay put, the rest move a little).
/// </summary>
internal sealed class HomePageBuilder(RecommenderModel model)
{
    private readonly MatchExplainer explainer = new(model);

    /// <summary>Composes the page from one scoring pass over the catalogue for the profile.</summary>
    public HomePage Compose(ProfileScorer scorer, HomePageRequest request, DateTime now)
    {
        var state = scorer.State;
        var spec = request.Layout ?? BuiltInLayouts.NetflixStyle;
        var layout = spec.For(request.Device);
        var random = new Random(StableSeed.ForPage(request.ProfileId, request.Visit, model.DataVersion));
        var pool = scorer.Ranked(model.CandidatePool);
        var exploration = ExplorationCandidates(scorer, pool, random);
        var resuming = request.ContinueWatching.Select(c => model.Catalog.TryTitle(c.TitleId, out var t) ? t : -1).Where(t => t >= 0).ToHashSet();
        var candidates = new List<CandidateRow>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Add(CandidateRow row)
        {
            if (keys.Add(row.Key))
            {
                candidates.Add(row);
            }
        }

        for (var index = 0; index < spec.Rows.Count; index++)
        {
            var template = spec.Rows[index];
            int? pinned = template.Pinned ? index : null;
            switch (template.Kind)
            {
                case RowKind.ContinueWatching when request.ContinueWatching.Count > 0:
                    var resumed = request.ContinueWatching.OrderByDescending(c => c.LastWatchedAt)
                        .Select(c => model.Catalog.TryTitle(c.TitleId, out var t) ? t : -1).Where(t => t >= 0 && !state.ThumbedDown.Contains(t))
                        .Select(t => new Placed(scorer.Score(t), null, false)).ToList();
                    Add(new CandidateRow("continue-watching", RowKind.ContinueWatching, "Continue Watching", null, resumed, pinned, Fixed: true));
                    break;
                case RowKind.TopPicks:
                    var topPicks = Unseeded(pool.Take(layout.ItemsPerRow * 2));
                    if (request.Visit >= 0 && exploration.Count > 0 && random.NextDouble() < spec.ExplorationRate * layout.CardsPerRow)
                    {
                        // One discovery card in the visible part of Top Picks, never in the first slot.
                        topPicks.Insert(Math.Min(layout.CardsPerRow - 1, 1 + random.Next(Math.Max(1, layout.CardsPerRow - 1))), exploration[0]);
                    }

                    Add(new CandidateRow("top-picks", RowKind.TopPicks, "Top Picks for You", null, topPicks, pinned));
                    break;
                case RowKind.BecauseYouWatched:
                    foreach (var seed in ByWSeedsOf(state, template.Seeds ?? 3))
                    {
                        var neighbours = model.CoViewing.Neighbours[seed];
                        var items = scorer.BestFirst(neighbours.Where(t => !scorer.IsSkipped(t))).Select(s => new Placed(s, seed, false)).ToList();
                        var name = model.Catalog.Titles[seed].Name;
                        Add(new CandidateRow($"because-{model.Catalog.Titles[seed].Id}", RowKind.BecauseYouWatched, $"Because you watched {name}", seed, items, pinned));
                    }

                    break;
                case RowKind.MicroGenre:
                    var tags = template.MicroGenres is { Count: > 0 } named ? NamedTags(named) : TopTags(state, scorer, layout.CardsPerRow + 2, template.Count ?? 4);
                    foreach (var tag in tags)
                    {
                        var info = model.Catalog.MicroGenres[tag];
                        var items = Unseeded(scorer.BestFirst(scorer.Shortlist(model.Catalog.TagTitles[tag], layout.ItemsPerRow * 3)));
                        Add(new CandidateRow($"micro-genre-{info.Id}", RowKind.MicroGenre, info.Name, null, items, pinned));
                    }

                    break;
                case RowKind.TrendingInCommunity:
                    foreach (var membership in state.Communities.Take(template.Communities ?? 1))
                    {
                        var community = membership.Community;
                        // What the community watches most lately, then in this profile's order.
                        var items = Unseeded(scorer.BestFirst(model.Communities.TrendingOrder[community].Where(t => !scorer.IsSkipped(t)).Take(layout.ItemsPerRow * 2)));
                        Add(new CandidateRow($"trending-{community}", RowKind.TrendingInCommunity,
                            $"Trending in {model.Communities.Communities[community].Name}", null, items, pinned));
                    }

                    break;
                case RowKind.NewReleases:
                    var fresh = Unseeded(scorer.BestFirst(scorer.Shortlist(model.Popularity.RecentlyAdded, layout.ItemsPerRow * 3)));
                    Add(new CandidateRow("new-releases", RowKind.NewReleases, "New Releases", null, fresh, pinned));
                    break;
                case RowKind.Top10:
                    var allTime = template.Window == Top10Window.AllTime;
                    var top10 = (allTime ? model.Popularity.MostPopular : model.Popularity.RecentOrder)
                        .Where(t => !state.ThumbedDown.Contains(t) && !resuming.Contains(t) && (!state.IsKids || model.Catalog.Titles[t].IsKids))
                        .Take(10).Select(t => new Placed(scorer.Score(t), null, false)).ToList();
                    Add(new CandidateRow("top-10", RowKind.Top10, allTime ? "Top 10 of All Time" : "Top 10 Today", null, top10, pinned, Fixed: true));
                    break;
                case RowKind.Exploration:
                    Add(new CandidateRow("explore", RowKind.Exploration, "Something Different", null, exploration.Skip(1).ToList(), pinned));
                    break;
            }
        }

        var rows = Order(candidates, spec, layout, random, request.Visit);
        return new HomePage(request.ProfileId, request.Device, Place(rows, spec, layout, state, random, request.Visit), now);
    }

    /// <summary>Titles that widen the profile's horizon: popular elsewhere, outside its candidate pool and its strong micro-genres.</summary>
    private List<Placed> ExplorationCandidates(ProfileScorer scorer, ScoredTitle[] pool, Random random)
    {
        var inPool = pool.Select(p => p.Title).ToHashSet();
        var options = new List<int>();
        foreach (var t in model.Popularity.MostPopular)
        {
            if (options.Count >= 40)
            {
                break;
            }

            if (!inPool.Contains(t) && !scorer.IsSkipped(t))
            {
                options.Add(t);
            }
        }

        return [.. options.OrderBy(_ => random.Next()).Take(20).Select(t => new Placed(scorer.Score(t), null, true))];
    }

    private IEnumerable<int> ByWSeedsOf(ProfileState state, int seeds)
    {
        // Recent titles the profile clearly liked; the strongest of the latest few.
        var order = Enumerable.Range(0, state.Titles.Length)
            .OrderByDescending(i => state.LastAt[i]).Take(12)
            .OrderByDescending(i => state.Strengths[i]).ThenByDescending(i => state.LastAt[i]).Take(seeds);
        return order.Select(i => state.Titles[i]).Where(t => model.CoViewing.Neighbours[t].Length > 0);
    }

    /// <summary>
    /// The micro-genres the profile leans to most that still have enough titles it has not seen to fill a row: a fan has
    /// often watched most of a small micro-genre already.
    /// </summary>
    private IEnumerable<int> TopTags(ProfileState state, ProfileScorer scorer, int minimumOpen, int rows)
    {
        var scores = new float[model.Catalog.TagCount];
        for (var m = 0; m < scores.Length; m++)
        {
            scores[m] = state.TagAffinity[m] * MathF.Sqrt(model.Catalog.TagTitles[m].Length);
        }

        return Enumerable.Range(0, scores.Length).Where(m => scores[m] > 0)
            .OrderByDescending(m => scores[m]).ThenBy(m => m).Take(rows * 4)
            .Where(m => model.Catalog.TagTitles[m].Count(t => !scorer.IsSkipped(t)) >= minimumOpen)
            .Take(rows);
    }

    /// <summary>The micro-genres a layout names, in its order; slugs the trained catalogue does not have are passed over.</summary>
    private IEnumerable<int> NamedTags(IReadOnlyList<string> slugs) =>
        slugs.Select(slug => Array.FindIndex(model.Catalog.MicroGenres, m => string.Equals(m.Slug, slug, StringComparison.Ordinal))).Where(i => i >= 0);

    private static List<CandidateRow> Order(List<CandidateRow> rows, HomeLayout spec, DeviceLayout layout, Random random, int visit)
    {
        var pinned = rows.Where(r => r.Pinned is not null).OrderBy(r => r.Pinned).ToList();
        if (spec.Ordering == RowOrdering.Fixed)
        {
            return [.. pinned, .. rows.Where(r => r.Pinned is null)];
        }

        // Pinned rows first; the rest by how well their first visible cards match the profile, with a little per-visit jitter
        // so the page feels fresh; exploration never above the fourth row unless pinned.
        static double Quality(CandidateRow row, int cards) =>
            row.Items.Count == 0 ? 0 : row.Items.Take(cards).Average(i => i.Scored.Match);
        var jitter = visit == 0 ? 0.0 : spec.Repermutation / 2;
        var scored = rows.Where(r => r.Pinned is null && r.Kind != RowKind.Exploration)
            .Select(r => (Row: r, Score: Quality(r, layout.CardsPerRow) * KindPrior(r.Kind) * (1 + jitter * (random.NextDouble() - 0.5))))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Row.Key, StringComparer.Ordinal).ToList();
        var ordered = pinned.ToList();
        if (spec.Ordering == RowOrdering.Diverse)
        {
            // Page-wise: each next row is the best after losing a share of its score per row of its kind already above it.
            while (scored.Count > 0)
            {
                var best = 0;
                var bestScore = double.MinValue;
                for (var i = 0; i < scored.Count; i++)
                {
                    var same = ordered.Count(r => r.Kind == scored[i].Row.Kind);
                    var value = scored[i].Score * Math.Pow(1 - spec.Diversity, same);
                    if (value > bestScore)
                    {
                        (best, bestScore) = (i, value);
                    }
                }

                ordered.Add(scored[best].Row);
                scored.RemoveAt(best);
            }
        }
        else
        {
            ordered.AddRange(scored.Select(x => x.Row));
        }

        foreach (var explore in rows.Where(r => r.Kind == RowKind.Exploration && r.Pinned is null))
        {
            ordered.Insert(Math.Min(ordered.Count, Math.Max(3, layout.Rows - 2)), explore);
        }

        return ordered;
    }

    private static double KindPrior(RowKind kind) => kind switch
    {
        RowKind.BecauseYouWatched => 1.1,
        RowKind.MicroGenre => 1.0,
        RowKind.TrendingInCommunity => 1.05,
        RowKind.Top10 => 1.2,
        RowKind.NewReleases => 0.95,
        _ => 1.0,
    };

    private List<HomeRow> Place(List<CandidateRow> ordered, HomeLayout spec, DeviceLayout layout, ProfileState state, Random random, int visit)
    {
        // Which rows can fill their visible cards with titles no other row shows; then the same again among only the rows
        // that make it onto the page, so titles are not held back for rows below the last one.
        var heads = VisibleHeads(ordered, layout.CardsPerRow, spec.Dedupe);
        var shown = ordered.Where(heads.ContainsKey).Take(layout.Rows).ToList();
        heads = VisibleHeads(shown, layout.CardsPerRow, spec.Dedupe);

        var result = new List<HomeRow>();
        foreach (var row in shown)
        {
            if (!heads.TryGetValue(row, out var head))
            {
                continue;
            }

            List<Placed> items;
            if (row.Fixed)
            {
                items = row.Items;
            }
            else
            {
                var inHead = head.Select(i => i.Scored.Title).ToHashSet();
                var tail = row.Items.Where(i => inHead.Add(i.Scored.Title)).ToList();
                if (head.Count > 1 && head[0].IsExploration && row.Kind != RowKind.Exploration)
                {
                    // Discovery cards never lead a personal row.
                    (head[0], head[1]) = (head[1], head[0]);
                }

                items = [.. head, .. tail];
                if (visit > 0)
                {
                    Permute(items, random, layout.CardsPerRow, spec.Repermutation);
                }
            }

            result.Add(new HomeRow(row.Key, row.Kind, row.Title, row.SeedTitle is { } seed ? model.Catalog.Titles[seed].Id : null,
                [.. items.Take(layout.ItemsPerRow).Select(i => explainer.Explain(i.Scored, state, i.SeedTitle, i.IsExploration, MechanismOf(row.Kind)))]));
        }

        return result;
    }

    /// <summary>The mechanism each kind of row places its titles by (exploration cards say so themselves).</summary>
    private static PlacementMechanism MechanismOf(RowKind kind) => kind switch
    {
        RowKind.ContinueWatching => PlacementMechanism.ContinueWatching,
        RowKind.BecauseYouWatched => PlacementMechanism.CoViewing,
        RowKind.MicroGenre => PlacementMechanism.MicroGenreAffinity,
        RowKind.TrendingInCommunity => PlacementMechanism.Community,
        RowKind.NewReleases or RowKind.Top10 => PlacementMechanism.Trending,
        RowKind.Exploration => PlacementMechanism.Exploration,
        _ => PlacementMechanism.PersonalRanking,
    };

    /// <summary>
    /// The visible cards of every row that can fill them without repeating a title visible in another row. Fixed rows
    /// (Continue Watching, Top 10) keep theirs, Top Picks takes the best of the rest, then rows choose in order of
    /// scarcity — a micro-genre row has a dozen candidates, "Because you watched" sixty — so narrow rows are not emptied
    /// by broad ones. Display order is unchanged. Without <paramref name="dedupe"/> a row only has to fill its visible cards
    /// with titles of its own.
    /// </summary>
    private static Dictionary<CandidateRow, List<Placed>> VisibleHeads(List<CandidateRow> rows, int cards, bool dedupe)
    {
        var visible = new HashSet<int>();
        var heads = new Dictionary<CandidateRow, List<Placed>>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows.Where(r => r.Fixed))
        {
            var head = row.Items.Take(cards).ToList();
            heads[row] = head;
            visible.UnionWith(head.Select(i => i.Scored.Title));
        }

        var order = rows.Select((row, index) => (row, index)).Where(x => !x.row.Fixed)
            .OrderBy(x => x.row.Pinned is null ? 1 : 0).ThenBy(x => x.row.Items.Count).ThenBy(x => x.index).Select(x => x.row);
        foreach (var row in order)
        {
            var head = new List<Placed>(cards);
            var inRow = new HashSet<int>();
            foreach (var item in row.Items)
            {
                if (head.Count == cards)
                {
                    break;
                }

                if (inRow.Add(item.Scored.Title) && (!dedupe || !visible.Contains(item.Scored.Title)))
                {
                    head.Add(item);
                }
            }

            if (head.Count < cards)
            {
                continue; // not enough fresh titles to fill the visible cards: the row is left out
            }

            heads[row] = head;
            visible.UnionWith(head.Select(i => i.Scored.Title));
        }

        return heads;
    }

    /// <summary>Swaps a few neighbouring cards (each pair with chance <paramref name="strength"/>) inside the visible part (never the first) and inside the tail, never across.</summary>
    private static void Permute(List<Placed> items, Random random, int visibleCards, double strength)
    {
        for (var i = 1; i + 1 < items.Count; i++)
        {
            if (i + 1 == visibleCards)
            {
                continue;
            }

            if (random.NextDouble() < strength)
            {
                (items[i], items[i + 1]) = (items[i + 1], items[i]);
                i++;
            }
        }
    }

    private static List<Placed> Unseeded(IEnumerable<ScoredTitle> scored) => [.. scored.Select(s => new Placed(s, null, false))];

    private readonly record struct Placed(ScoredTitle Scored, int? SeedTitle, bool IsExploration);

    private sealed record CandidateRow(string Key, RowKind Kind, string Title, int? SeedTitle, List<Placed> Items, int? Pinned = null, bool Fixed = false);
}
