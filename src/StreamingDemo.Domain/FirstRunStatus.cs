namespace StreamingDemo.Domain;

/// <summary>
/// Shared start-up state: the store initializer reports migrating and seeding, then marks the store ready;
/// the recommender trains after that and reports <see cref="FirstRunStage.Ready"/>.
/// </summary>
public sealed class FirstRunStatus : IFirstRunStatus
{
    private readonly TaskCompletionSource storeReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private FirstRunProgress current = new(FirstRunStage.Starting, "Starting up", 0);

    public FirstRunProgress Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    public event Action<FirstRunProgress>? Changed;

    /// <summary>Completes when the database is migrated and fully seeded.</summary>
    public Task WhenStoreReady => storeReady.Task;

    public void Report(FirstRunStage stage, string message, double percent)
    {
        var progress = new FirstRunProgress(stage, message, Math.Clamp(percent, 0, 100));
        lock (gate)
        {
            current = progress;
        }

        Changed?.Invoke(progress);
    }

    public void MarkStoreReady() => storeReady.TrySetResult();

    public void MarkStoreFailed(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Report(FirstRunStage.Failed, error.Message, 0);
        storeReady.TrySetException(error);
    }
}
