namespace BennBot.FakeTelegram;

/// <summary>Telegram's flood limits for sending (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
/// at most <paramref name="PerSecond"/> messages in any second overall, <paramref name="PerGroupPerMinute"/> in any minute
/// to one group, and, when set, <paramref name="PerPrivateChatPerSecond"/> in any second to one private chat.</summary>
public sealed record RateLimits(int PerSecond = 30, int PerGroupPerMinute = 20, int? PerPrivateChatPerSecond = null);

/// <summary>When the accepted requests of the last <see cref="Span"/> happened (Stopwatch ticks), oldest first.
/// Not thread-safe: the caller holds the lock.</summary>
internal sealed class SlidingWindow(long span)
{
    private readonly Queue<long> _accepted = new();

    public long Span => span;

    public bool IsEmpty => _accepted.Count == 0;

    /// <summary>Ticks from <paramref name="now"/> until one more request fits under <paramref name="limit"/>; 0 if it fits now.</summary>
    public long WaitBeforeNext(long now, int limit)
    {
        Forget(now);
        if (limit <= 0) return span;
        if (_accepted.Count < limit) return 0;
        // Once the oldest (Count - limit + 1) entries have left the window, Count - limit remain and one more fits.
        return _accepted.ElementAt(_accepted.Count - limit) + span - now;
    }

    public void Accept(long now) => _accepted.Enqueue(now);

    /// <summary>Drops the entries older than the window.</summary>
    public void Forget(long now)
    {
        while (_accepted.TryPeek(out var oldest) && oldest <= now - span) _accepted.Dequeue();
    }
}
