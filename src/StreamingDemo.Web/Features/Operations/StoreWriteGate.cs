namespace StreamingDemo.Web.Features.Operations;

/// <summary>
/// Keeps writes and store replacements apart, so no write is ever lost to a reset or a dataset switch. Every write
/// (feedback, onboarding, pauses, layouts) runs inside <see cref="WriteAsync{T}"/>; a replacement runs inside
/// <see cref="ReplaceAsync{T}"/>, which closes the gate to new writes, waits for the ones in flight to finish on the
/// old store, replaces the store and brings the recommender up to date, then reopens. A write that arrives meanwhile
/// waits and then lands on the new store (or is refused there with a clear error, when what it names is gone): it is
/// never acknowledged on a file that is about to be thrown away, nor folded into a model that is about to be replaced.
/// Entering again from inside a write (onboarding saving its picks) does not wait.
/// </summary>
public sealed class StoreWriteGate : IDisposable
{
    // Set while a write of this gate runs, so a write made from inside it does not queue behind itself.
    private readonly AsyncLocal<int> depth = new();

    // Held briefly by each entering write, and for the whole replacement by a replacement.
    private readonly SemaphoreSlim door = new(1, 1);

    // One SQLite write transaction at a time in this process, waited for asynchronously.
    private readonly SemaphoreSlim writer = new(1, 1);
    private int inFlight;
    private TaskCompletionSource? drained;
    private long epoch;

    /// <summary>True while a replacement holds the gate (writes wait).</summary>
    public bool IsReplacing { get; private set; }

    /// <summary>
    /// Moves on when a replacement starts and again when it ends. Work queued under one epoch and written (inside the
    /// gate) under another was meant for a store that is gone: a batch of impressions buffered before or during a reset
    /// compares them and is dropped rather than written into the fresh store.
    /// </summary>
    public long Epoch => Interlocked.Read(ref epoch);

    /// <summary>Waits while a replacement runs, then runs <paramref name="write"/> (its save and its apply) inside the gate.</summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (depth.Value > 0)
        {
            return await write();
        }

        await door.WaitAsync(cancellationToken);
        Interlocked.Increment(ref inFlight);
        door.Release();
        try
        {
            // Flows into the write's awaits only (an async method's changes never flow back to its caller).
            depth.Value = 1;
            return await write();
        }
        finally
        {
            depth.Value = 0;
            if (Interlocked.Decrement(ref inFlight) == 0)
            {
                Volatile.Read(ref drained)?.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="save"/> (one context's reads and its <c>SaveChanges</c>) as the process's only SQLite writer.
    /// SQLite takes one writer at a time; left to contend, Microsoft.Data.Sqlite retries a busy database by putting the
    /// thread to sleep (150 ms a try), which under a room of attendees starves the thread pool. Waiting here is
    /// asynchronous and in arrival order. Not reentrant: call it around the store work only, never around another call
    /// that saves.
    /// </summary>
    public async Task<T> SaveAsync<T>(Func<Task<T>> save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(save);
        await writer.WaitAsync(cancellationToken);
        try
        {
            return await save();
        }
        finally
        {
            writer.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="replace"/> with no write in flight and none admitted until it returns (or throws). One
    /// replacement at a time; writes already inside finish first.
    /// </summary>
    public async Task<T> ReplaceAsync<T>(Func<Task<T>> replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replace);
        await door.WaitAsync(cancellationToken);
        var started = false;
        try
        {
            IsReplacing = true;
            var wait = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref drained, wait);
            if (Volatile.Read(ref inFlight) == 0)
            {
                wait.TrySetResult();
            }

            await wait.Task.WaitAsync(cancellationToken);
            Interlocked.Increment(ref epoch);
            started = true;
            return await replace();
        }
        finally
        {
            if (started)
            {
                Interlocked.Increment(ref epoch);
            }

            Volatile.Write(ref drained, null);
            IsReplacing = false;
            door.Release();
        }
    }

    public void Dispose()
    {
        door.Dispose();
        writer.Dispose();
    }
}
