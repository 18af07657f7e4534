namespace BennBot.Worker.Telegram;

/// <summary>Every message to Telegram passes here: sends are spaced to at most <c>perSecond</c> in total (a
/// small burst allowed), and a 429 with retry_after pauses all senders, not just the one that got it
/// (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits).</summary>
public sealed class SendGate(TimeProvider time, int perSecond = 25, int burst = 5)
{
    private readonly Lock _lock = new();
    private readonly TimeSpan _spacing = TimeSpan.FromSeconds(1.0 / perSecond);
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken ct)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            // Unused slots accumulate up to a small burst, so a quiet bot answers at once.
            var earliest = Max(now - _spacing * burst, _pausedUntil);
            var slot = Max(_nextSlot, earliest);
            _nextSlot = slot + _spacing;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
    }

    public void PauseFor(TimeSpan duration)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + duration;
            if (until <= _pausedUntil) return;
            _pausedUntil = until;
            _nextSlot = Max(_nextSlot, until);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
