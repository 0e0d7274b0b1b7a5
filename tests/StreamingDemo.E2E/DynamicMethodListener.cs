using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace StreamingDemo.E2E;

/// <summary>
/// Collects the dynamic methods (DynamicMethod, compiled expression trees, emitted serializers) the runtime JIT-compiles
/// in this process while it is enabled, by name, from the runtime's own JIT events (MethodLoadVerbose with the Dynamic flag).
/// </summary>
public sealed class DynamicMethodListener : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int MethodLoadVerbose = 143;
    private const uint DynamicFlag = 0x1;

    public ConcurrentQueue<string> Compiled { get; } = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.EventId != MethodLoadVerbose || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var flags = Convert.ToUInt32(payload[names.IndexOf("MethodFlags")], CultureInfo.InvariantCulture);
        if ((flags & DynamicFlag) != 0)
        {
            Compiled.Enqueue($"{payload[names.IndexOf("MethodNamespace")]}::{payload[names.IndexOf("MethodName")]}");
        }
    }
}
