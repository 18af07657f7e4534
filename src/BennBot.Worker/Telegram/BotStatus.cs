namespace BennBot.Worker.Telegram;

/// <summary>When polling last returned: the liveness signal behind the health heartbeat.</summary>
public sealed class BotStatus
{
    private long _lastPollTicks;

    public DateTimeOffset LastPoll => new(Interlocked.Read(ref _lastPollTicks), TimeSpan.Zero);

    public void Polled(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _lastPollTicks, now.UtcTicks);
    }
}
