namespace StreamingDemo.Web.Tests.Notifications;

/// <summary>Real time for tests: it stands still until a test moves it.</summary>
public sealed class ManualTime(DateTime start) : TimeProvider
{
    public DateTime Now { get; set; } = DateTime.SpecifyKind(start, DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);

    public void Advance(TimeSpan by) => Now += by;
}
