using System.Threading.Channels;
using BennBot.Worker.Conversations;
using Microsoft.Extensions.Logging;

namespace BennBot.Worker.Telegram;

/// <summary>Runs updates of different chats concurrently and each chat's updates in order: a chat always maps
/// to the same partition, and each partition is worked through one item at a time. Bounded queues give
/// back-pressure: when they are full the poller waits (Telegram keeps updates for 24 hours).</summary>
public sealed class UpdateWorkers
{
    private readonly UpdateProcessor processor;
    private readonly ILogger<UpdateWorkers> log;
    private readonly DelayedFlushes later;

    public UpdateWorkers(UpdateProcessor processor, int partitions, ILogger<UpdateWorkers> log, TimeProvider? time = null)
    {
        this.processor = processor;
        this.log = log;
        later = new DelayedFlushes(time ?? TimeProvider.System);
        _queues = Enumerable.Range(0, partitions)
            .Select(_ => Channel.CreateBounded<(long, long)>(new BoundedChannelOptions(1000) { SingleReader = true }))
            .ToArray();
    }

    public const long FlushOnly = -1;

    private readonly Channel<(long UpdateId, long ChatKey)>[] _queues;

    public ValueTask Enqueue(long updateId, long chatKey, CancellationToken ct) => Queue(chatKey).Writer.WriteAsync((updateId, chatKey), ct);

    private Channel<(long UpdateId, long ChatKey)> Queue(long chatKey) => _queues[(int)((ulong)chatKey % (ulong)_queues.Length)];

    /// <summary>Sends a chat's queued replies, in the chat's turn (used after restarts and by the retry sweep).</summary>
    public ValueTask EnqueueFlush(long chatKey, CancellationToken ct) => Enqueue(FlushOnly, chatKey, ct);

    /// <summary>Works through the queues as <paramref name="bot"/> (getMe's answer) until cancelled.</summary>
    public Task Run(BotIdentity bot, CancellationToken ct) => Task.WhenAll(_queues.Select(q => Task.Run(async () =>
    {
        await foreach (var (updateId, chatKey) in q.Reader.ReadAllAsync(ct))
        {
            try
            {
                // Another chat's replies are sent in that chat's own turn, never concurrently with it; if its
                // queue is full, the housekeeping sweep sends them.
                var processed = await processor.Process(updateId, chatKey, bot, ct);
                foreach (var other in processed.Others) Queue(other).Writer.TryWrite((FlushOnly, other));
                if (processed.FlushAgainAfter is { } wait) later.After(chatKey, wait, EnqueueFlush, ct);
                if (processed.Reading is { } reading) _ = AgainAfter(reading, updateId, chatKey);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The update stays saved; the next restart or sweep picks it up again. Never stop the partition.
                log.LogError(new EventId(1004, "WorkerFailed"), e, "Work on update {UpdateId} failed", updateId);
            }
        }
    }, ct)));

    // An update whose calendar file is being read (CalendarImports) comes back to its chat's queue when the read ends,
    // however it ended: a failed read throws in the update's own retries.
    private async Task AgainAfter(Task reading, long updateId, long chatKey)
    {
        await Task.WhenAny(reading);
        try { await Enqueue(updateId, chatKey, CancellationToken.None); }
        catch (Exception e) // the housekeeping sweep queues it again
        {
            log.LogWarning(new EventId(1007, "RequeueFailed"), e, "Update {UpdateId} could not be queued again after its calendar file was read; the sweep will", updateId);
        }
    }
}
