using System.Collections.Concurrent;

namespace BennBot.Worker.Telegram;

/// <summary>Sends a chat's queued replies a little later, in that chat's turn, instead of sleeping in a worker that
/// other chats share (a chat's per-second limit, a group's 20 a minute). At most one pending flush per chat.</summary>
public sealed class DelayedFlushes(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, byte> _pending = new();

    public void After(long chatId, TimeSpan delay, Func<long, CancellationToken, ValueTask> flush, CancellationToken ct)
    {
        if (!_pending.TryAdd(chatId, 0)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, time, ct);
                _pending.TryRemove(chatId, out _);
                await flush(chatId, ct);
            }
            catch (OperationCanceledException)
            {
                _pending.TryRemove(chatId, out _);
            }
        }, CancellationToken.None);
    }
}
