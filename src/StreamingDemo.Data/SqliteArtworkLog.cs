using Microsoft.Data.Sqlite;
using StreamingDemo.Domain;

namespace StreamingDemo.Data;

/// <summary>An artwork impression shown on the running site, as it is appended to <c>ArtworkImpressions</c>.</summary>
/// <param name="Visit">The home-page visit it was shown in: the play of that visit marks it.</param>
/// <param name="Propensity">The chance the bandit's policy (exploration included) gave <paramref name="Theme"/>.</param>
public sealed record LiveImpression(int ProfileId, int TitleId, DeviceType Device, int Visit, string Theme, bool Explored, double Propensity);

/// <summary>A play of a title whose card showed personalized artwork in that visit.</summary>
public sealed record LivePlay(int ProfileId, int TitleId, int Visit);

/// <summary>How many impressions a store logged: all, live, and of each the ones shown by uniform exploration.</summary>
public sealed record ArtworkLogCounts(int Impressions, int Explored, int Live, int LiveExplored, int LivePlayed);

/// <summary>Appends the running site's artwork impressions and plays to a store, and counts them (V10, ADR 0026).</summary>
public static class SqliteArtworkLog
{
    /// <summary>
    /// In one transaction, appends <paramref name="impressions"/> (as live rows) and then marks <paramref name="plays"/>
    /// played, so a play can carry its own impression in the same batch. A play marks the newest live impression of its
    /// profile, title and visit (visit numbers start again with the process; the newest is this run's). Returns the
    /// number of impressions a play marked.
    /// </summary>
    /// <remarks>Not a gate itself: the site calls it inside <c>StoreWriteGate</c>.</remarks>
    public static async Task<int> AppendAsync(string connectionString, IReadOnlyCollection<LiveImpression> impressions, IReadOnlyCollection<LivePlay> plays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(impressions);
        ArgumentNullException.ThrowIfNull(plays);
        if (impressions.Count == 0 && plays.Count == 0)
        {
            return 0;
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var marked = 0;
        if (impressions.Count > 0)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO ArtworkImpressions (ProfileId, TitleId, Device, Theme, Explored, Played, Live, Visit, Propensity) VALUES ($p, $t, $d, $theme, $e, 0, 1, $v, $q)";
            var profile = insert.Parameters.Add("$p", SqliteType.Integer);
            var title = insert.Parameters.Add("$t", SqliteType.Integer);
            var device = insert.Parameters.Add("$d", SqliteType.Integer);
            var theme = insert.Parameters.Add("$theme", SqliteType.Text);
            var explored = insert.Parameters.Add("$e", SqliteType.Integer);
            var visit = insert.Parameters.Add("$v", SqliteType.Integer);
            var propensity = insert.Parameters.Add("$q", SqliteType.Real);
            foreach (var row in impressions)
            {
                profile.Value = row.ProfileId;
                title.Value = row.TitleId;
                device.Value = (int)row.Device;
                theme.Value = row.Theme;
                explored.Value = row.Explored ? 1 : 0;
                visit.Value = row.Visit;
                propensity.Value = row.Propensity;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (plays.Count > 0)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE ArtworkImpressions SET Played = 1 WHERE Id = (
                    SELECT MAX(Id) FROM ArtworkImpressions WHERE ProfileId = $p AND TitleId = $t AND Visit = $v AND Live = 1)
                """;
            var profile = update.Parameters.Add("$p", SqliteType.Integer);
            var title = update.Parameters.Add("$t", SqliteType.Integer);
            var visit = update.Parameters.Add("$v", SqliteType.Integer);
            foreach (var play in plays)
            {
                profile.Value = play.ProfileId;
                title.Value = play.TitleId;
                visit.Value = play.Visit;
                marked += await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return marked;
    }

    /// <summary>The store's impression counts, read in one pass.</summary>
    public static async Task<ArtworkLogCounts> CountAsync(StoreLocation store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var rows = await SqliteReads.ListAsync(connection,
            "SELECT COUNT(*), COALESCE(SUM(Explored), 0), COALESCE(SUM(Live), 0), COALESCE(SUM(Live AND Explored), 0), COALESCE(SUM(Live AND Played), 0) FROM ArtworkImpressions",
            r => new ArtworkLogCounts(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4)), cancellationToken);
        return rows[0];
    }
}
