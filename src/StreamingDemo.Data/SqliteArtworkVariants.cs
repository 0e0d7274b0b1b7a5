using Microsoft.Data.Sqlite;
using StreamingDemo.Domain;

namespace StreamingDemo.Data;

/// <summary>Reads what artwork personalization (V10) needs from a store: the variants, the impression log, the genre families.</summary>
public static class SqliteArtworkVariants
{
    /// <summary>Every title's artwork variant themes, the title's default artwork first.</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> LoadAsync(StoreLocation store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await VariantsAsync(connection, cancellationToken);
    }

    /// <summary>
    /// The logged artwork impressions in log order (seeded, then live as they were shown), each with its title's variants
    /// as the candidates (empty for a store that logged none, such as an imported catalogue).
    /// </summary>
    public static async Task<IReadOnlyList<LoggedImpression>> LoadImpressionsAsync(StoreLocation store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var variants = await VariantsAsync(connection, cancellationToken);
        var rows = await SqliteReads.ListAsync(connection,
            "SELECT ProfileId, TitleId, Device, Theme, Explored, Played, Live, Propensity FROM ArtworkImpressions ORDER BY Id",
            r => (ProfileId: r.GetInt32(0), TitleId: r.GetInt32(1), Device: (DeviceType)r.GetInt32(2), Theme: r.GetString(3), Explored: r.GetBoolean(4), Played: r.GetBoolean(5),
                Live: r.GetBoolean(6), Propensity: r.IsDBNull(7) ? (double?)null : r.GetDouble(7)),
            cancellationToken);
        // An impression of a title that has since lost the shown variant cannot be replayed; it is left out.
        return [.. rows
            .Where(r => variants.TryGetValue(r.TitleId, out var candidates) && candidates.Contains(r.Theme, StringComparer.Ordinal))
            .Select(r => new LoggedImpression(r.ProfileId, r.TitleId, r.Device, variants[r.TitleId], r.Theme, r.Explored, r.Played, r.Live, r.Propensity))];
    }

    /// <summary>The store's genre ids in order: the families recent micro-genres are grouped by in the bandit's context.</summary>
    public static async Task<IReadOnlyList<int>> LoadGenreIdsAsync(StoreLocation store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await SqliteReads.ListAsync(connection, "SELECT Id FROM Genres ORDER BY Id", r => r.GetInt32(0), cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> VariantsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // The default theme (Titles.ArtworkTheme) sorts first, then the other variants in the order they were made.
        var rows = await SqliteReads.ListAsync(connection,
            "SELECT v.TitleId, v.Theme FROM ArtworkVariants v JOIN Titles t ON t.Id = v.TitleId ORDER BY v.TitleId, v.Theme <> t.ArtworkTheme, v.Id",
            r => (TitleId: r.GetInt32(0), Theme: r.GetString(1)), cancellationToken);
        return rows.GroupBy(r => r.TitleId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Theme).Distinct(StringComparer.Ordinal)]);
    }
}
