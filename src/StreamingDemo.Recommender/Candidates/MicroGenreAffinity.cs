using StreamingDemo.Recommender.Training;

namespace StreamingDemo.Recommender.Candidates;

/// <summary>
/// Content-based scores from micro-genre tags: a profile's tag affinity (share of its evidence per tag, weighted by how
/// rare the tag is) matched against each title's tags. Works from the first pick and for titles nobody has watched yet.
/// </summary>
internal sealed class MicroGenreAffinity(CatalogIndex catalog)
{
    /// <summary>No story choices.</summary>
    public static readonly IReadOnlyDictionary<int, float> EmptyLeanings = new Dictionary<int, float>();

    private readonly float[] rarity = Rarity(catalog);

    public CatalogIndex Catalog { get; } = catalog;

    /// <summary>
    /// Evidence one story choice adds to the micro-genres it leans to: a deliberate statement of taste, weighed like a
    /// finished, thumbed-up title (ImplicitSignal gives titles 0.4–4.7), so a handful of choices visibly leans a full history.
    /// </summary>
    public const float ChoiceStrength = 2.5f;

    /// <summary>
    /// The profile's normalised affinity per micro-genre (sums to 1 over tags it touched): its titles' tags, plus the
    /// micro-genres its story choices lean to (<paramref name="leanings"/>: tag index → choices' share, each worth <see cref="ChoiceStrength"/>).
    /// </summary>
    public float[] ProfileAffinity(ReadOnlySpan<int> titles, ReadOnlySpan<float> strengths, IReadOnlyDictionary<int, float>? leanings = null)
    {
        var affinity = new float[Catalog.TagCount];
        var total = 0f;
        foreach (var (tag, weight) in leanings ?? EmptyLeanings)
        {
            if (tag >= 0 && tag < affinity.Length && weight > 0)
            {
                affinity[tag] += weight * ChoiceStrength;
                total += weight * ChoiceStrength;
            }
        }

        for (var i = 0; i < titles.Length; i++)
        {
            var tags = Catalog.TitleTags[titles[i]];
            if (tags.Length == 0)
            {
                continue;
            }

            var share = strengths[i] / tags.Length;
            foreach (var tag in tags)
            {
                affinity[tag] += share;
            }

            total += strengths[i];
        }

        if (total > 0)
        {
            for (var m = 0; m < affinity.Length; m++)
            {
                affinity[m] /= total;
            }
        }

        return affinity;
    }

    public void Score(ReadOnlySpan<float> affinity, Span<float> scores)
    {
        for (var t = 0; t < scores.Length; t++)
        {
            var tags = Catalog.TitleTags[t];
            var sum = 0f;
            foreach (var tag in tags)
            {
                sum += affinity[tag] * rarity[tag];
            }

            scores[t] = tags.Length == 0 ? 0 : sum / MathF.Sqrt(tags.Length);
        }
    }

    /// <summary>The tags of one title that this profile's affinity supports, strongest first.</summary>
    public IEnumerable<(int Tag, float Strength)> MatchingTags(ReadOnlySpan<float> affinity, int title)
    {
        var result = new List<(int, float)>();
        foreach (var tag in Catalog.TitleTags[title])
        {
            if (affinity[tag] > 0)
            {
                result.Add((tag, affinity[tag] * rarity[tag]));
            }
        }

        result.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return result;
    }

    private static float[] Rarity(CatalogIndex catalog)
    {
        var counts = new int[catalog.TagCount];
        foreach (var tags in catalog.TitleTags)
        {
            foreach (var tag in tags)
            {
                counts[tag]++;
            }
        }

        return [.. counts.Select(c => MathF.Log(1f + catalog.TitleCount / (1f + c)))];
    }
}
