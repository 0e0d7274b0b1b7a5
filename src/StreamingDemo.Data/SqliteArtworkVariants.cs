using Microsoft.Data.Sqlite;

namespace StreamingDemo.Data;

/// <summary>Reads every title's artwork variant themes (V10), the title's default artwork first.</summary>
public static class SqliteArtworkVariants
{
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> LoadAsync(StoreLocation store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // The default theme (Titles.ArtworkTheme) sorts first, then the other variants in the order they were made.
        var rows = await SqliteReads.ListAsync(connection,
            "SELECT v.TitleId, v.Theme FROM ArtworkVariants v JOIN Titles t ON t.Id = v.TitleId ORDER BY v.TitleId, v.Theme <> t.ArtworkTheme, v.Id",
            r => (TitleId: r.GetInt32(0), Theme: r.GetString(1)), cancellationToken);
        return rows.GroupBy(r => r.TitleId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Theme).Distinct(StringComparer.Ordinal)]);
    }
}
