using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace StreamingDemo.E2E;

/// <summary>
/// Each garbage collection's stop-the-world pause in this process while it is enabled, from the runtime's GC events:
/// from the suspension's start (GCSuspendEEBegin) to the restart's end (GCRestartEEEnd), with the generation and
/// type (blocking or background) of the collection that paused.
/// </summary>
public sealed class GcPauseListener : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int GcStart = 1;
    private const int RestartEnd = 3;
    private const int SuspendBegin = 9;

    private DateTime suspended;
    private string collection = "?";

    public ConcurrentQueue<(double Ms, string Collection)> Pauses { get; } = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        switch (eventData.EventId)
        {
            case SuspendBegin:
                suspended = eventData.TimeStamp;
                break;
            case GcStart when eventData.Payload is { } payload && eventData.PayloadNames is { } names:
                var depth = Convert.ToUInt32(payload[names.IndexOf("Depth")], CultureInfo.InvariantCulture);
                var type = Convert.ToUInt32(payload[names.IndexOf("Type")], CultureInfo.InvariantCulture) switch
                {
                    0 => "blocking",
                    1 => "background",
                    _ => "foreground",
                };
                collection = string.Create(CultureInfo.InvariantCulture, $"gen{depth} {type}");
                break;
            case RestartEnd when suspended != default:
                Pauses.Enqueue(((eventData.TimeStamp - suspended).TotalMilliseconds, collection));
                suspended = default;
                break;
        }
    }
}
