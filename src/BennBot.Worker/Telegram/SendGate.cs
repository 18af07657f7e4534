namespace BennBot.Worker.Telegram;

/// <summary>Every message to Telegram passes here (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits):
/// <list type="bullet">
/// <item>at most <c>perSecond</c> in total. Replies to residents reserve the next free slot at once (a small burst
/// allowed when the bot was quiet); broadcast sends take a slot only when no reply is waiting for one, so replies
/// keep priority over a running broadcast;</item>
/// <item>per chat: a private chat gets at most one message per second after a burst of three (an answer in
/// several parts), a group at most 20 in any minute, of which new cards for staff may take only 15, so that a staff
/// command is answered at once however many residents write (issue 19);</item>
/// <item>a 429 with retry_after pauses all senders, not just the one that got it.</item>
/// </list></summary>
public sealed class SendGate(TimeProvider time, int perSecond = 25, int burst = 5)
{
    public const int GroupPerMinute = 20;
    /// <summary>The part of a group's minute that cards (new questions and topics) may use; the rest stays free for
    /// replies to staff.</summary>
    public const int CardsPerMinute = 15;
    private const int PrivateBurst = 3;
    private static readonly TimeSpan PrivateSpacing = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly TimeSpan _spacing = TimeSpan.FromSeconds(1.0 / perSecond);
    private readonly Dictionary<long, ChatPace> _chats = [];
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public int PerSecond => perSecond;

    /// <summary>Waits for a slot for a reply (or a staff message) to <paramref name="chatId"/>.</summary>
    public async Task WaitAsync(long chatId, CancellationToken ct)
    {
        await WaitForChat(chatId, ct);
        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            // Unused slots accumulate up to a small burst, so a quiet bot answers at once.
            var slot = Max(_nextSlot, Max(now - _spacing * burst, _pausedUntil));
            _nextSlot = slot + _spacing;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
    }

    /// <summary>Waits for a broadcast slot: one that no reply has reserved, at the steady rate, no burst.</summary>
    public async Task WaitBulkAsync(long chatId, CancellationToken ct)
    {
        await WaitForChat(chatId, ct);
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                var slot = Max(Max(_nextSlot, _pausedUntil), now);
                if (slot <= now)
                {
                    _nextSlot = now + _spacing;
                    return;
                }
                wait = slot - now;
            }
            await Task.Delay(wait, time, ct);
        }
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

    /// <summary>How long a message to this chat would wait for the chat's own limit now (nothing is reserved); for a
    /// card, for the cards' share of a group's minute.</summary>
    public TimeSpan ChatWait(long chatId, bool card = false)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_chats.TryGetValue(chatId, out var pace)) return TimeSpan.Zero;
            var slot = chatId < 0 ? pace.NextGroupSlot(now, card ? CardsPerMinute : GroupPerMinute) : Max(pace.Next, now - PrivateSpacing * (PrivateBurst - 1));
            return slot > now ? slot - now : TimeSpan.Zero;
        }
    }

    private async Task WaitForChat(long chatId, CancellationToken ct)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_chats.Count > 10_000) Forget(now);
            if (!_chats.TryGetValue(chatId, out var pace)) _chats[chatId] = pace = new ChatPace();
            var slot = chatId < 0 ? pace.NextGroupSlot(now, GroupPerMinute) : Max(pace.Next, now - PrivateSpacing * (PrivateBurst - 1));
            if (chatId < 0) pace.Sent.Enqueue(slot);
            else pace.Next = slot + PrivateSpacing;
            pace.Last = slot;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (chat, pace) in _chats.Where(c => now - c.Value.Last > TimeSpan.FromMinutes(1)).ToList()) _chats.Remove(chat);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class ChatPace
    {
        public DateTimeOffset Next = DateTimeOffset.MinValue;
        public DateTimeOffset Last;
        /// <summary>Groups: the reserved send times of the last minute.</summary>
        public readonly Queue<DateTimeOffset> Sent = new();

        /// <summary>The first time at which fewer than <paramref name="limit"/> sends lie in the minute before.</summary>
        public DateTimeOffset NextGroupSlot(DateTimeOffset now, int limit)
        {
            while (Sent.Count > 0 && Sent.Peek() <= now - TimeSpan.FromMinutes(1)) Sent.Dequeue();
            if (Sent.Count < limit) return Sent.Count == 0 ? now : Max(now, Sent.Last());
            return Max(Sent.ElementAt(Sent.Count - limit) + TimeSpan.FromMinutes(1), Sent.Last());
        }
    }
}
