namespace StreamingDemo.Web.Features.Operations;

/// <summary>
/// Tells open pages that the store under them was replaced (a presenter reset, a dataset switch), so they reload onto
/// the new data instead of showing profiles and titles that no longer exist.
/// </summary>
public sealed class StoreEvents
{
    public event Action<string>? Replaced;

    /// <summary>Raises <see cref="Replaced"/> with a short reason ("reset", "dataset").</summary>
    public void RaiseReplaced(string reason) => Replaced?.Invoke(reason);
}
