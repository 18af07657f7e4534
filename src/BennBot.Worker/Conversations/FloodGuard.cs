using System.Collections.Concurrent;

namespace BennBot.Worker.Conversations;

public enum FloodVerdict { Allow, Drop, DropAndTell }

/// <summary>Telegram does not rate-limit what users send to a bot. A resident who sends more than <c>burst</c>
/// updates within <c>window</c> is slowed down: the extra updates are dropped (and changed nothing), and they
/// hear about it at most once a minute. This protects the one database writer, the send budget and the staff
/// chat. In memory on purpose: after a restart everybody starts with a clean slate.</summary>
public sealed class FloodGuard(TimeProvider time, int burst = 8, int windowSeconds = 10)
{
    private static readonly TimeSpan NoticeEvery = TimeSpan.FromMinutes(1);
    private readonly TimeSpan _window = TimeSpan.FromSeconds(windowSeconds);
    private readonly ConcurrentDictionary<long, Sender> _senders = new();

    private sealed class Sender
    {
        public readonly Queue<DateTimeOffset> Recent = new();
        public DateTimeOffset LastNotice = DateTimeOffset.MinValue;
    }

    public FloodVerdict Check(long userId)
    {
        var now = time.GetUtcNow();
        if (_senders.Count > 10_000) Forget(now);
        var sender = _senders.GetOrAdd(userId, _ => new Sender());
        lock (sender)
        {
            while (sender.Recent.Count > 0 && now - sender.Recent.Peek() >= _window) sender.Recent.Dequeue();
            if (sender.Recent.Count < burst)
            {
                sender.Recent.Enqueue(now);
                return FloodVerdict.Allow;
            }
            if (now - sender.LastNotice < NoticeEvery) return FloodVerdict.Drop;
            sender.LastNotice = now;
            return FloodVerdict.DropAndTell;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (id, s) in _senders)
            lock (s)
                if (s.Recent.Count == 0 || now - s.Recent.Last() >= _window && now - s.LastNotice >= NoticeEvery)
                    _senders.TryRemove(id, out _);
    }
}
