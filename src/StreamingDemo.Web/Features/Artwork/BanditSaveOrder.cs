namespace StreamingDemo.Web.Features.Artwork;

/// <summary>
/// Keeps the artwork bandit's saves in order now that they serialise outside the bandit's lock and so may overlap (the
/// interval's with the shutdown's): each snapshot takes a numbered <see cref="BanditSaveTicket"/>, and a written save is
/// moved over its file only if no newer snapshot is in place there and no presenter reset came after it. Its lock is
/// held for a rename or a delete, never by a page.
/// </summary>
internal sealed class BanditSaveOrder
{
    private readonly Lock moving = new();
    // Per file, the newest snapshot moved into place.
    private readonly Dictionary<string, long> moved = new(StringComparer.Ordinal);
    private long taken;
    private int resets;

    /// <summary>Numbers a snapshot of the bandit to be saved to <paramref name="path"/>; take it under the lock the snapshot is taken under.</summary>
    public BanditSaveTicket Take(string path) => new(path, Interlocked.Increment(ref taken), Volatile.Read(ref resets));

    /// <summary>
    /// A presenter reset: deletes the file, and no save ticketed before now is moved over it afterwards (the room's learning
    /// goes with the reset). False when there was no file.
    /// </summary>
    public bool Reset(string path)
    {
        lock (moving)
        {
            resets++;
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
    }

    /// <summary>
    /// Moves <paramref name="temporary"/> (written beside) over the ticket's file, unless a newer snapshot is already in place
    /// there or a reset came after the ticket; then it returns false and leaves the written file for the caller to delete.
    /// </summary>
    public bool Move(BanditSaveTicket ticket, string temporary)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (moving)
        {
            if (ticket.Resets != resets || moved.GetValueOrDefault(ticket.Path) > ticket.Sequence)
            {
                return false;
            }

            File.Move(temporary, ticket.Path, overwrite: true);
            moved[ticket.Path] = ticket.Sequence;
            return true;
        }
    }
}

/// <summary>A save's place in the order: its file, its number, and the resets before it.</summary>
internal sealed record BanditSaveTicket(string Path, long Sequence, int Resets);
