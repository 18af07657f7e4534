using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

/// <summary>Reads another .NET process's garbage collector from outside, over the diagnostics port that every .NET
/// process opens (the EventPipe that dotnet-counters and dotnet-gcdump use); nothing in the bot takes part. Opening a
/// session with the GCHeapCollect keyword makes the runtime run one induced, blocking gen-2 collection, as
/// dotnet-gcdump does; the GC's own statistics after it give the live heap. The GC's committed memory comes from
/// the runtime's "System.Runtime" counters.</summary>
public static class GcProbe
{
    /// <param name="HeapAfterFullGc">Bytes in all generations (gen0–2, large and pinned objects) right after the induced full collection.</param>
    /// <param name="CommittedBytes">Memory the GC had committed from the OS (the gc-committed counter).</param>
    public sealed record Sample(long HeapAfterFullGc, long CommittedBytes);

    public static async Task<Sample?> Read(int pid, TimeSpan timeout)
    {
        var providers = new List<EventPipeProvider>
        {
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect)),
            new("System.Runtime", EventLevel.Informational, 0, new Dictionary<string, string?> { ["EventCounterIntervalSec"] = "1" }),
        };
        using var session = new DiagnosticsClient(pid).StartEventPipeSession(providers, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        long heap = -1, committed = -1;
        var fullInduced = false;
        source.Clr.GCStart += e => { if (e.Depth == 2 && e.Reason == GCReason.Induced) fullInduced = true; };
        source.Clr.GCHeapStats += e => { if (fullInduced && Interlocked.Read(ref heap) < 0) Interlocked.Exchange(ref heap, e.TotalHeapSize); };
        source.Dynamic.All += e =>
        {
            // As dotnet-counters reads them: the event's one field holds {"Payload": {"Name": …, "Mean": …}}.
            if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> { } outer
                || !outer.TryGetValue("Payload", out var inner) || inner is not IDictionary<string, object> counter) return;
            if (counter.TryGetValue("Name", out var name) && (string)name == "gc-committed" && counter.TryGetValue("Mean", out var mb))
                Interlocked.Exchange(ref committed, (long)(Convert.ToDouble(mb) * 1024 * 1024)); // the counter is in MB
        };
        var reading = Task.Run(source.Process);
        var deadline = DateTime.UtcNow + timeout;
        while ((Interlocked.Read(ref heap) < 0 || Interlocked.Read(ref committed) < 0) && DateTime.UtcNow < deadline) await Task.Delay(100);
        await session.StopAsync(CancellationToken.None);
        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(5)));
        return heap < 0 || committed < 0 ? null : new Sample(heap, committed);
    }
}
