namespace StreamingDemo.Domain;

/// <summary>
/// The one progress type of the solution (seeding, training, the CLI): reports on the caller's thread, in order;
/// <see cref="Progress{T}"/> posts to the thread pool and can reorder.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
