using StreamingDemo.Domain;

namespace StreamingDemo.Recommender.Training;

/// <summary>
/// Positive implicit feedback as a sparse profile × title matrix (CSR both ways), plus what each profile has
/// already seen (including thumbs-down) so rankings can exclude it.
/// </summary>
internal sealed class InteractionMatrix
{
    private InteractionMatrix(int[] profileIds, Dictionary<int, int> profileIndex, int titleCount,
        int[] rowStart, int[] columns, float[] strengths, DateTime[] lastAt, int[][] seen)
    {
        ProfileIds = profileIds;
        ProfileIndex = profileIndex;
        TitleCount = titleCount;
        RowStart = rowStart;
        Columns = columns;
        Strengths = strengths;
        LastAt = lastAt;
        Seen = seen;

        ColumnStart = new int[titleCount + 1];
        foreach (var c in columns)
        {
            ColumnStart[c + 1]++;
        }

        for (var i = 0; i < titleCount; i++)
        {
            ColumnStart[i + 1] += ColumnStart[i];
        }

        ColumnRows = new int[columns.Length];
        ColumnStrengths = new float[columns.Length];
        var fill = (int[])ColumnStart.Clone();
        for (var u = 0; u < profileIds.Length; u++)
        {
            for (var k = rowStart[u]; k < rowStart[u + 1]; k++)
            {
                var slot = fill[columns[k]]++;
                ColumnRows[slot] = u;
                ColumnStrengths[slot] = strengths[k];
            }
        }
    }

    public int[] ProfileIds { get; }

    public Dictionary<int, int> ProfileIndex { get; }

    public int ProfileCount => ProfileIds.Length;

    public int TitleCount { get; }

    public int[] RowStart { get; }

    public int[] Columns { get; }

    public float[] Strengths { get; }

    public DateTime[] LastAt { get; }

    public int[] ColumnStart { get; }

    public int[] ColumnRows { get; }

    public float[] ColumnStrengths { get; }

    /// <summary>Every title index each profile has interacted with, positives and negatives, sorted.</summary>
    public int[][] Seen { get; }

    public int NonZeros => Columns.Length;

    public ReadOnlySpan<int> Row(int profile) => Columns.AsSpan(RowStart[profile], RowStart[profile + 1] - RowStart[profile]);

    public ReadOnlySpan<float> RowStrengths(int profile) => Strengths.AsSpan(RowStart[profile], RowStart[profile + 1] - RowStart[profile]);

    public static InteractionMatrix Build(CatalogIndex catalog, IReadOnlyList<ProfileInfo> profiles, IEnumerable<ProfileTitleInteraction> interactions)
    {
        var profileIds = profiles.Select(p => p.Id).Order().ToArray();
        var profileIndex = new Dictionary<int, int>(profileIds.Length);
        for (var i = 0; i < profileIds.Length; i++)
        {
            profileIndex[profileIds[i]] = i;
        }

        var rows = new List<(int Title, float Strength, DateTime LastAt)>[profileIds.Length];
        var seen = new List<int>[profileIds.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = [];
            seen[i] = [];
        }

        foreach (var interaction in interactions)
        {
            if (!profileIndex.TryGetValue(interaction.ProfileId, out var u) || !catalog.TryTitle(interaction.TitleId, out var t))
            {
                continue;
            }

            seen[u].Add(t);
            var strength = ImplicitSignal.Strength(interaction);
            if (strength > 0)
            {
                rows[u].Add((t, strength, interaction.LastAt));
            }
        }

        var rowStart = new int[profileIds.Length + 1];
        for (var u = 0; u < rows.Length; u++)
        {
            rows[u].Sort((a, b) => a.Title.CompareTo(b.Title));
            rowStart[u + 1] = rowStart[u] + rows[u].Count;
        }

        var columns = new int[rowStart[^1]];
        var strengths = new float[columns.Length];
        var lastAt = new DateTime[columns.Length];
        for (var u = 0; u < rows.Length; u++)
        {
            var k = rowStart[u];
            foreach (var (title, strength, at) in rows[u])
            {
                columns[k] = title;
                strengths[k] = strength;
                lastAt[k] = at;
                k++;
            }
        }

        var seenArrays = seen.Select(s => s.Distinct().Order().ToArray()).ToArray();
        return new InteractionMatrix(profileIds, profileIndex, catalog.TitleCount, rowStart, columns, strengths, lastAt, seenArrays);
    }
}
