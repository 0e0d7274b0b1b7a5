namespace StreamingDemo.Web.Features.Operations;

/// <summary>
/// Tells open pages that the store under them was replaced (a presenter reset, a dataset switch), so they reload onto
/// the new data instead of showing profiles and titles that no longer exist.
/// </summary>
public sealed class StoreEvents
{
    private int generation;

    public event Action<string>? Replaced;

    /// <summary>Counts replacements, so caches of store-wide facts can tell theirs is from an older store.</summary>
    public int Generation => Volatile.Read(ref generation);

    /// <summary>Raises <see cref="Replaced"/> with a short reason ("reset", "dataset").</summary>
    public void RaiseReplaced(string reason)
    {
        Interlocked.Increment(ref generation);
        Replaced?.Invoke(reason);
    }
}
