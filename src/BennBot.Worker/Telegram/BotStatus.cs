namespace BennBot.Worker.Telegram;

/// <summary>When polling last returned: the liveness signal, and the cold-start figure (process start → first getUpdates answer).</summary>
public sealed class BotStatus
{
    private long _lastPollTicks;

    public DateTimeOffset? FirstPoll { get; private set; }
    public DateTimeOffset LastPoll => new(Interlocked.Read(ref _lastPollTicks), TimeSpan.Zero);

    public void Polled(DateTimeOffset now)
    {
        FirstPoll ??= now;
        Interlocked.Exchange(ref _lastPollTicks, now.UtcTicks);
    }
}
