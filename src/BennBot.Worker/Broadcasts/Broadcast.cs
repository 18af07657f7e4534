namespace BennBot.Worker.Broadcasts;

public enum BroadcastKind { Announcement, Cancellation }

public enum BroadcastStatus { Scheduled, Sending, Paused, Done, Cancelled, Aborted }

/// <summary>Whom staff want to reach, on top of the residents' own choices (a resident who chose other areas or
/// kinds of event than the event's never gets it): empty lists mean "all".</summary>
public sealed record Segment
{
    /// <summary>Residents interested in one of these planning areas (or in all areas).</summary>
    public List<string> Areas { get; init; } = [];
    /// <summary>Residents whose language is one of these codes.</summary>
    public List<string> Languages { get; init; } = [];
}

/// <summary>One announcement (or cancellation notice) of one event to a fixed list of residents. The list is
/// fixed when sending starts; each recipient's state lives in a <see cref="Delivery"/>.</summary>
public sealed record Broadcast
{
    public const string Collection = "broadcasts";

    public long Id { get; init; }
    public long EventId { get; init; }
    public BroadcastKind Kind { get; init; }
    public BroadcastStatus Status { get; init; }
    public Segment Segment { get; init; } = new();
    public DateTime CreatedAt { get; init; }
    public DateTime? ScheduledFor { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    /// <summary>Where progress is shown: the staff chat, or the staff member's own chat when there is none.</summary>
    public long ReportChatId { get; init; }
    public int? ProgressMessageId { get; init; }
    public int Total { get; init; }
    /// <summary>Why it stopped by itself (network trouble, a message Telegram rejects), for the staff report.</summary>
    public string? Problem { get; init; }
    /// <summary>Paused by an outage: when it goes on by itself (null: it waits for staff).</summary>
    public DateTime? ResumeAt { get; init; }
    /// <summary>How often it went on by itself after an outage; after the last wait it waits for staff.</summary>
    public int AutoResumes { get; init; }

    public bool IsOpen => Status is BroadcastStatus.Scheduled or BroadcastStatus.Sending or BroadcastStatus.Paused;
}

public enum DeliveryStatus { Pending, InFlight, Sent, Blocked, Failed, Skipped }

/// <summary>One recipient of one broadcast. Saved as in flight before the send and as sent only after Telegram
/// confirmed it, so a crash can repeat at most the sends that were in flight, and never skip anyone who was not
/// possibly reached twice already (<see cref="CutOff"/>).</summary>
public sealed record Delivery
{
    public const string Collection = "deliveries";

    /// <summary>"{broadcast}:{chat}": one row per recipient and broadcast.</summary>
    public string Id { get; init; } = "";
    public long BroadcastId { get; init; }
    public long ChatId { get; init; }
    public DeliveryStatus Status { get; init; }
    /// <summary>"{broadcast}:{status}", indexed: the next pending recipients and the counts come from the index.</summary>
    public string Queue { get; init; } = "";
    public int Attempts { get; init; }
    /// <summary>An announcement with a voice message (issue 15): its text was confirmed, so only the voice is left to send.
    /// Saved before the voice is sent, so a crash repeats at most the one part that was in flight.</summary>
    public bool TextSent { get; init; }
    /// <summary>How often a send to this recipient was cut off (in flight at a crash or an error) and may have arrived;
    /// after the second it is not sent again (issue 4: nobody gets an announcement three times).</summary>
    public int CutOff { get; init; }

    public static Delivery Of(long broadcastId, long chatId) =>
        new Delivery { Id = $"{broadcastId}:{chatId}", BroadcastId = broadcastId, ChatId = chatId }.With(DeliveryStatus.Pending);

    public Delivery With(DeliveryStatus status) => this with { Status = status, Queue = QueueKey(BroadcastId, status) };

    public static string QueueKey(long broadcastId, DeliveryStatus status) => $"{broadcastId}:{status}";
}
