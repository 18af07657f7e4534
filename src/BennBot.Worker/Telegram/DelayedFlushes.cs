using System.Collections.Concurrent;

namespace BennBot.Worker.Telegram;

/// <summary>Sends a chat's queued replies a little later, in that chat's turn, instead of sleeping in a worker that
/// other chats share (a chat's per-second limit, a group's 20 a minute). At most one pending flush per chat.</summary>
public sealed class DelayedFlushes(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, byte> _pending = new();
    private Func<long, CancellationToken, ValueTask>? _flush;

    /// <summary>Set once by <see cref="UpdateWorkers"/> (which depends on the sender, so it cannot be injected).</summary>
    public void Attach(Func<long, CancellationToken, ValueTask> flush) => _flush = flush;

    public void After(long chatId, TimeSpan delay, CancellationToken ct)
    {
        if (!_pending.TryAdd(chatId, 0)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, time, ct);
                _pending.TryRemove(chatId, out _);
                if (_flush is { } flush) await flush(chatId, ct);
            }
            catch (OperationCanceledException)
            {
                _pending.TryRemove(chatId, out _);
            }
        }, CancellationToken.None);
    }
}
