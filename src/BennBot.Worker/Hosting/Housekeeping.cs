using BennBot.Content;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Privacy;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BennBot.Worker.Hosting;

/// <summary>Periodic chores: retry replies that could not be sent, forget handled update ids once Telegram can no
/// longer re-send them, forget broadcast recipients a week after the event and idle event dialogues, checkpoint LiteDB's log into the data file (its only fsync), and take a daily backup.</summary>
public sealed class Housekeeping(Database db, UpdateWorkers workers, BotStatus status, BennBotOptions options, ContentSet content, ErasureService erasure, TimeProvider time, ILogger<Housekeeping> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan KeepUpdateIds = TimeSpan.FromHours(48);
    /// <summary>A saved update still unhandled after this long is queued again (handling it failed).</summary>
    public static readonly TimeSpan RetryUpdatesAfter = TimeSpan.FromMinutes(1);
    /// <summary>Who received an event's announcement is kept until a week after the event.</summary>
    public static readonly TimeSpan KeepRecipients = TimeSpan.FromDays(7);

    /// <summary>Inactive residents erased per transaction: other writes wait for one batch, not the whole run.</summary>
    private const int EraseBatch = 50;
    private DateTime _lastRetention = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do await Pass(ct); // the first pass right at start: a retention run or a backup cut short by a crash goes on at once
        while (await timer.WaitForNextTickAsync(ct));
    }

    /// <summary>One round of the chores (public so that a test can run many rounds on a clock it moves).</summary>
    public async Task Pass(CancellationToken ct)
    {
        try
        {
            foreach (var chat in db.Read(Outbox.ChatsWithPending)) await workers.EnqueueFlush(chat, ct);
            // Updates whose handling failed (the disk was full, say) are tried again once the cause is gone.
            foreach (var u in db.Read(d => Inbox.Waiting(d, time.GetUtcNow().UtcDateTime - RetryUpdatesAfter))) await workers.Enqueue(u.Id, u.ChatKey, ct);
            var before = time.GetUtcNow().UtcDateTime - KeepUpdateIds;
            await db.Write(d => Inbox.Purge(d, before));
            await db.Write(d => BroadcastStore.ForgetRecipients(d, time.GetUtcNow().UtcDateTime - KeepRecipients));
            await db.Write(d => DialogueStore.DropExpired(d, time.GetUtcNow().UtcDateTime - EventDesk.SessionIdle, time.GetUtcNow().UtcDateTime));
            if (time.GetUtcNow().UtcDateTime - _lastRetention >= TimeSpan.FromMinutes(options.RetentionMinutes)) await Retain(ct);
            await db.Checkpoint();
            var now = time.GetUtcNow().UtcDateTime;
            if (now - status.LastPoll.UtcDateTime < Health.PollingStale) Health.Beat(options.DatabasePath, now);
            if (Backups.NewestTime(options.Backups) is not { } last || now - last >= TimeSpan.FromDays(1))
                log.LogInformation(new EventId(4002, "Backup"), "Daily backup written to {Path}", await Backups.Take(db, options.Backups, options.BackupsKept, now));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(new EventId(4001, "HousekeepingFailed"), e, "Housekeeping failed; trying again in {Seconds} s", Interval.TotalSeconds);
        }
    }

    // Forgets what the retention periods say, then has the erased bytes wiped from the file too.
    private async Task Retain(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var result = await db.Write(d => Retention.Run(d, now, options.InactiveDays, options.TopicLinkDays, content, options.DefaultLanguage));
        var profiles = 0;
        foreach (var batch in db.Read(d => Retention.Inactive(d, now, options.InactiveDays)).Chunk(EraseBatch))
            profiles += await db.Write(d => Retention.Erase(d, batch, now, options.InactiveDays));
        result = result with { ProfilesErased = profiles };
        _lastRetention = now;
        // A compaction cut short by a crash is done again, so that the freed pages lose what was erased before it.
        if (result.ProfilesErased + result.TopicLinksErased > 0 || db.CompactionCutShort) erasure.Erased();
        if (!result.ErasedAnything) return;
        log.LogInformation(new EventId(4003, "Retention"), "Retention: {Drafts} unfinished topics dropped, {Links} topic links and {Profiles} inactive profiles erased",
            result.DraftsDropped, result.TopicLinksErased, result.ProfilesErased);
        foreach (var chat in db.Read(Outbox.ChatsWithPending)) await workers.EnqueueFlush(chat, ct);
    }
}
