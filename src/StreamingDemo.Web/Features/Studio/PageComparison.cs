namespace StreamingDemo.Web.Features.Studio;

/// <summary>The visible part of one home page: its rows as shown (title and the cards on screen), in reading order.</summary>
public sealed record VisiblePage(IReadOnlyList<VisibleRow> Rows);

public sealed record VisibleRow(string Title, IReadOnlyList<int> TitleIds);

/// <summary>A title on more than one page, with its 1-based rank (reading order of the visible cards) on each page; null where absent.</summary>
public sealed record SharedTitle(int TitleId, IReadOnlyList<int?> Ranks);

/// <summary>A micro-genre and the share of each page's visible titles that carry it.</summary>
public sealed record SeparatingGenre(int MicroGenreId, string Name, IReadOnlyList<double> Shares)
{
    /// <summary>How far apart the pages are on this micro-genre: the largest share minus the smallest.</summary>
    public double Spread => Shares.Count == 0 ? 0 : Shares.Max() - Shares.Min();
}

/// <summary>
/// What two or three pages have in common (M1). <see cref="Overlap"/> is the titles on more than one page over all distinct
/// visible titles (for two pages, their Jaccard index).
/// </summary>
public sealed record ComparisonSummary(
    int DistinctTitles,
    IReadOnlyDictionary<int, SharedTitle> Shared,
    IReadOnlyList<IReadOnlyDictionary<int, int>> Ranks,
    IReadOnlyList<string> SharedRows,
    IReadOnlyList<SeparatingGenre> Separating)
{
    public double Overlap => DistinctTitles == 0 ? 0 : (double)Shared.Count / DistinctTitles;
}

/// <summary>Compares the visible parts of home pages: shared titles with ranks, shared rows, the micro-genres that set them apart.</summary>
public static class PageComparison
{
    public const int SeparatingCount = 3;

    /// <param name="titleTags">Micro-genre ids of each title.</param>
    /// <param name="tagNames">Names of the micro-genres.</param>
    public static ComparisonSummary Compare(IReadOnlyList<VisiblePage> pages, IReadOnlyDictionary<int, IReadOnlyList<int>> titleTags, IReadOnlyDictionary<int, string> tagNames)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(titleTags);
        ArgumentNullException.ThrowIfNull(tagNames);

        var ranks = pages.Select(RanksOf).ToList();
        var distinct = ranks.SelectMany(r => r.Keys).Distinct().ToList();
        var shared = distinct
            .Where(id => ranks.Count(r => r.ContainsKey(id)) > 1)
            .ToDictionary(id => id, id => new SharedTitle(id, [.. ranks.Select(r => r.TryGetValue(id, out var rank) ? rank : (int?)null)]));

        var sharedRows = pages.SelectMany(p => p.Rows.Select(r => r.Title).Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

        var tagShares = new Dictionary<int, double[]>();
        for (var p = 0; p < ranks.Count; p++)
        {
            var titles = ranks[p].Keys.ToList();
            foreach (var title in titles)
            {
                foreach (var tag in titleTags.TryGetValue(title, out var tags) ? tags.Distinct() : [])
                {
                    if (!tagShares.TryGetValue(tag, out var shares))
                    {
                        tagShares[tag] = shares = new double[ranks.Count];
                    }

                    shares[p]++;
                }
            }

            foreach (var shares in tagShares.Values)
            {
                shares[p] /= titles.Count;
            }
        }

        var separating = pages.Count < 2
            ? []
            : tagShares
                .Select(kv => new SeparatingGenre(kv.Key, tagNames.TryGetValue(kv.Key, out var name) ? name : $"Micro-genre {kv.Key}", kv.Value))
                .Where(g => g.Spread > 0)
                .OrderByDescending(g => Math.Round(g.Spread, 9)).ThenBy(g => g.Name, StringComparer.Ordinal)
                .Take(SeparatingCount)
                .ToList();

        return new ComparisonSummary(distinct.Count, shared, ranks, sharedRows, separating);
    }

    /// <summary>1-based position of each title in reading order (row by row, left to right); a title repeated keeps its first place.</summary>
    private static IReadOnlyDictionary<int, int> RanksOf(VisiblePage page)
    {
        var ranks = new Dictionary<int, int>();
        foreach (var id in page.Rows.SelectMany(r => r.TitleIds))
        {
            ranks.TryAdd(id, ranks.Count + 1);
        }

        return ranks;
    }
}
