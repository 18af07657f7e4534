using BennBot.Worker.Conversations;

namespace BennBot.Worker.Broadcasts;

/// <summary>The one place that decides a broadcast's status (issue 14). Each transition takes the broadcast as it is
/// stored now and returns it changed, or null when it does not apply in that status (then nothing is written):
/// <code>
/// Scheduled ─Start─► Sending ─Finish─► Done
///     │                │ ▲ ─Abort─► Aborted (Telegram rejects the message itself)
///     │     Pause/PauseForOutage │ Resume/ResumeAfterOutage
///     │                ▼ │
///     └──────Cancel───Paused ─Cancel─► Cancelled   (every open status can be cancelled)
/// </code></summary>
public static class BroadcastTransitions
{
    /// <summary>Rounds a recipient gets when sends fail in a way that may still have delivered (a timeout); then it is
    /// marked failed. With the crash rule, this keeps anyone from getting an announcement three times.</summary>
    public const int MaxAttempts = 2;

    /// <summary>A broadcast paused by an outage goes on by itself after these waits (about half an hour in all); after
    /// the last one it waits for staff. Each time, the recipients the outage made fail get one more round.</summary>
    public static readonly TimeSpan[] ResumeAfterOutage =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(15)];

    /// <summary>Why a broadcast paused itself when the network (or Telegram) failed.</summary>
    public const string Network = "network";

    public static Broadcast Announcement(long eventId, Segment segment, DateTime? sendAt, long reportChatId, DateTime now) => new()
    {
        EventId = eventId, Kind = BroadcastKind.Announcement, Status = BroadcastStatus.Scheduled, Segment = segment,
        CreatedAt = now, ScheduledFor = sendAt, ReportChatId = reportChatId,
    };

    public static Broadcast CancellationNotice(long eventId, long reportChatId, DateTime now) => new()
    {
        EventId = eventId, Kind = BroadcastKind.Cancellation, Status = BroadcastStatus.Scheduled, CreatedAt = now, ScheduledFor = now,
        ReportChatId = reportChatId,
    };

    /// <summary>Sending starts with its recipients fixed (<see cref="BroadcastStore.Start"/> writes them with it). Only a
    /// scheduled broadcast is started; its callers check that in the same transaction.</summary>
    public static Broadcast Start(Broadcast b, int recipients, DateTime now) =>
        b with { Status = BroadcastStatus.Sending, StartedAt = now, Total = recipients };

    /// <summary>Staff pressed pause: it waits for staff, not for a time.</summary>
    public static Broadcast? Pause(Broadcast b) =>
        b.Status == BroadcastStatus.Sending ? b with { Status = BroadcastStatus.Paused, ResumeAt = null } : null;

    /// <summary>Staff pressed resume (also after an outage that outlasted the automatic waits).</summary>
    public static Broadcast? Resume(Broadcast b) =>
        b.Status == BroadcastStatus.Paused ? b with { Status = BroadcastStatus.Sending, Problem = null, ResumeAt = null } : null;

    /// <summary>Most recent sends failed: it pauses itself and goes on by itself after the next wait, if one is left.</summary>
    public static Broadcast? PauseForOutage(Broadcast b, DateTime now) => b.Status == BroadcastStatus.Sending
        ? b with
        {
            Status = BroadcastStatus.Paused,
            Problem = Network,
            ResumeAt = b.AutoResumes < ResumeAfterOutage.Length ? now + ResumeAfterOutage[b.AutoResumes] : null,
        }
        : null;

    public static Broadcast? ResumeAfterOutageWait(Broadcast b) => b is { Status: BroadcastStatus.Paused, ResumeAt: not null }
        ? b with { Status = BroadcastStatus.Sending, Problem = null, ResumeAt = null, AutoResumes = b.AutoResumes + 1 }
        : null;

    /// <summary>Nobody is left to send to.</summary>
    public static Broadcast? Finish(Broadcast b, DateTime now) =>
        b.Status == BroadcastStatus.Sending ? b with { Status = BroadcastStatus.Done, FinishedAt = now } : null;

    /// <summary>Telegram refuses the message itself: stop after the first recipient instead of failing thousands of times.</summary>
    public static Broadcast? Abort(Broadcast b, string problem, DateTime now) =>
        b.IsOpen ? b with { Status = BroadcastStatus.Aborted, Problem = problem, FinishedAt = now } : null;

    /// <summary>By staff, because the event was cancelled, ended or deleted, or because it was left paused past its event.</summary>
    public static Broadcast? Cancel(Broadcast b, DateTime now) =>
        b.IsOpen ? b with { Status = BroadcastStatus.Cancelled, FinishedAt = now } : null;

    /// <summary>Staff's buttons under the progress message.</summary>
    public static Broadcast? Control(Broadcast b, BroadcastOp op, DateTime now) => op switch
    {
        BroadcastOp.Pause => Pause(b),
        BroadcastOp.Resume => Resume(b),
        BroadcastOp.Cancel => Cancel(b, now),
        _ => null,
    };
}
