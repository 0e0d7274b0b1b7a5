using Microsoft.Extensions.Options;
using StreamingDemo.Data;
using StreamingDemo.Web.Features.Operations;

namespace StreamingDemo.Web.Features.Artwork;

/// <summary>
/// Appends the running site's artwork impressions and plays to the store's <c>ArtworkImpressions</c> (ADR 0026), in
/// batches: impressions wait in memory until <see cref="ArtworkOptions.ImpressionFlushInterval"/> has passed or
/// <see cref="ArtworkOptions.ImpressionBatchSize"/> are waiting, and a play writes at once, carrying the waiting batch
/// with it. Each batch is one short transaction through the <see cref="StoreWriteGate"/>. A normal shutdown writes
/// what is waiting; a crash loses at most the impressions of the last interval.
/// </summary>
/// <remarks>
/// A batch queued before or during a store replacement (reset, dataset switch) is dropped when it finally gets its turn:
/// it belongs to the store that was replaced (<see cref="StoreWriteGate.Epoch"/>).
/// </remarks>
public sealed class ArtworkImpressionLog(StoreLocation store, StoreWriteGate gate, IOptions<ArtworkOptions> options, ILogger<ArtworkImpressionLog> logger) : IAsyncDisposable
{
    /// <summary>How many unwritten impressions are kept while the store refuses them, before the oldest are given up.</summary>
    private const int BatchesKeptOnFailure = 50;

    private readonly Lock pending = new();
    private readonly SemaphoreSlim flushing = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private List<(long Epoch, LiveImpression Row)> impressions = [];
    private List<(long Epoch, LivePlay Play)> plays = [];
    private int flushQueued;

    /// <summary>Impressions and plays noted but not yet written.</summary>
    public int Pending
    {
        get
        {
            lock (pending)
            {
                return impressions.Count + plays.Count;
            }
        }
    }

    /// <summary>Notes impressions; they are written with the next batch.</summary>
    public void Append(IReadOnlyCollection<LiveImpression> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var epoch = gate.Epoch;
        bool full;
        lock (pending)
        {
            impressions.AddRange(rows.Select(r => (epoch, r)));
            full = impressions.Count >= options.Value.ImpressionBatchSize;
        }

        if (full)
        {
            _ = FlushQuietlyAsync();
        }
        else
        {
            QueueFlush();
        }
    }

    /// <summary>Writes a play now, with every impression still waiting (its own among them when it was shown within the interval).</summary>
    public Task PlayedAsync(LivePlay play, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(play);
        var epoch = gate.Epoch;
        lock (pending)
        {
            plays.Add((epoch, play));
        }

        // The write itself is not the page's to cancel: a viewer leaving must not cost the play.
        return FlushAsync().WaitAsync(cancellationToken);
    }

    /// <summary>Writes everything waiting in one transaction. Returns the number of impressions written.</summary>
    public async Task<int> FlushAsync()
    {
        // One batch at a time, so impressions reach the store in the order they were shown and a play after its impression.
        await flushing.WaitAsync(CancellationToken.None);
        try
        {
            List<(long Epoch, LiveImpression Row)> rows;
            List<(long Epoch, LivePlay Play)> marks;
            lock (pending)
            {
                (rows, impressions) = (impressions, []);
                (marks, plays) = (plays, []);
            }

            if (rows.Count == 0 && marks.Count == 0)
            {
                return 0;
            }

            try
            {
                return await gate.WriteAsync(() => gate.SaveAsync(() => WriteAsync(rows, marks), CancellationToken.None), CancellationToken.None);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                Requeue(rows, marks, e);
                return 0;
            }
        }
        finally
        {
            flushing.Release();
        }
    }

    /// <summary>Stops the interval and writes what is waiting (a normal shutdown loses nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await FlushAsync();
        stopping.Dispose();
        flushing.Dispose();
    }

    private async Task<int> WriteAsync(List<(long Epoch, LiveImpression Row)> rows, List<(long Epoch, LivePlay Play)> marks)
    {
        // Inside the gate no replacement runs, so the epoch read here is the store's for the whole transaction.
        var epoch = gate.Epoch;
        var current = rows.Where(r => r.Epoch == epoch).Select(r => r.Row).ToList();
        var played = marks.Where(m => m.Epoch == epoch).Select(m => m.Play).ToList();
        if (current.Count < rows.Count || played.Count < marks.Count)
        {
            logger.LogInformation("Dropped {Impressions} artwork impressions and {Plays} plays noted for a store that has since been replaced",
                rows.Count - current.Count, marks.Count - played.Count);
        }

        await SqliteArtworkLog.AppendAsync(store.ConnectionString, current, played, CancellationToken.None);
        return current.Count;
    }

    private void Requeue(List<(long Epoch, LiveImpression Row)> rows, List<(long Epoch, LivePlay Play)> marks, Exception error)
    {
        lock (pending)
        {
            impressions = [.. rows, .. impressions];
            plays = [.. marks, .. plays];
            var limit = options.Value.ImpressionBatchSize * BatchesKeptOnFailure;
            if (impressions.Count > limit)
            {
                logger.LogWarning("Gave up {Count} artwork impressions the store kept refusing", impressions.Count - limit);
                impressions.RemoveRange(0, impressions.Count - limit);
            }
        }

        logger.LogWarning(error, "Could not write {Impressions} artwork impressions and {Plays} plays; the next batch tries again", rows.Count, marks.Count);
        QueueFlush();
    }

    private void QueueFlush()
    {
        if (Interlocked.Exchange(ref flushQueued, 1) == 0)
        {
            _ = FlushLaterAsync();
        }
    }

    private async Task FlushLaterAsync()
    {
        try
        {
            await Task.Delay(options.Value.ImpressionFlushInterval, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return; // DisposeAsync writes what is waiting.
        }

        Interlocked.Exchange(ref flushQueued, 0);
        await FlushQuietlyAsync();
    }

    private async Task FlushQuietlyAsync()
    {
        try
        {
            await FlushAsync();
        }
        catch (ObjectDisposedException)
        {
            // Shut down meanwhile: DisposeAsync wrote what was waiting.
        }
    }
}
