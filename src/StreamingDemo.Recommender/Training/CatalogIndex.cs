using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Training;

/// <summary>Dense indexes for titles, profiles and micro-genres; every model array is addressed by these.</summary>
internal sealed class CatalogIndex
{
    private readonly Dictionary<int, int> titleIndex;
    private readonly Dictionary<int, int> tagIndex;
    private Dictionary<string, int>? tagBySlug;

    public CatalogIndex(IReadOnlyList<TitleInfo> titles, IReadOnlyList<MicroGenreInfo> microGenres, DateTime asOf)
    {
        Titles = [.. titles.OrderBy(t => t.Id)];
        MicroGenres = [.. microGenres.OrderBy(m => m.Id)];
        titleIndex = new Dictionary<int, int>(Titles.Length);
        for (var i = 0; i < Titles.Length; i++)
        {
            titleIndex[Titles[i].Id] = i;
        }

        tagIndex = new Dictionary<int, int>(MicroGenres.Length);
        for (var i = 0; i < MicroGenres.Length; i++)
        {
            tagIndex[MicroGenres[i].Id] = i;
        }

        TitleTags = new int[Titles.Length][];
        for (var i = 0; i < Titles.Length; i++)
        {
            TitleTags[i] = [.. Titles[i].MicroGenreIds.Where(tagIndex.ContainsKey).Select(id => tagIndex[id]).Distinct().Order()];
        }

        AsOf = asOf;
        var byTag = new List<int>[MicroGenres.Length];
        for (var m = 0; m < byTag.Length; m++)
        {
            byTag[m] = [];
        }

        for (var t = 0; t < Titles.Length; t++)
        {
            foreach (var tag in TitleTags[t])
            {
                byTag[tag].Add(t);
            }
        }

        TagTitles = [.. byTag.Select(l => l.ToArray())];
    }

    /// <summary>Title indexes carrying each micro-genre.</summary>
    public int[][] TagTitles { get; }

    public TitleInfo[] Titles { get; }

    public MicroGenreInfo[] MicroGenres { get; }

    /// <summary>Micro-genre indexes of each title.</summary>
    public int[][] TitleTags { get; }

    public DateTime AsOf { get; }

    public int TitleCount => Titles.Length;

    public int TagCount => MicroGenres.Length;

    public bool TryTitle(int titleId, out int index) => titleIndex.TryGetValue(titleId, out index);

    public int TagIndexOf(int microGenreId) => tagIndex.TryGetValue(microGenreId, out var i) ? i : -1;

    /// <summary>The index of the micro-genre with this slug, or -1.</summary>
    public int TagIndexOfSlug(string slug) => (tagBySlug ??= MicroGenres.Select((m, i) => (m.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal))
        .GetValueOrDefault(slug, -1);
}
