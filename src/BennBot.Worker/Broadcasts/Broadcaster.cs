using System.Collections.Concurrent;
using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Hosting;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BennBot.Worker.Broadcasts;

/// <summary>The delivery engine. Every second it starts due broadcasts (fixing their recipients), resumes the ones
/// that are sending (also after a crash: recipients left in flight are sent again), and queues due reminders.
/// A broadcast is sent by a few concurrent senders that each claim one recipient (saved as in flight), send through
/// <see cref="TelegramSender"/>, and save the result; progress is shown in the staff chat. What the message says comes
/// from <see cref="EventNotices"/>; every change of a broadcast's status is one of the <see cref="BroadcastTransitions"/>.</summary>
public sealed partial class Broadcaster(TelegramSender sender, Database db, SendGate gate, ContentSet content, BennBotOptions options,
    UpdateWorkers workers, TimeProvider time, ILogger<Broadcaster> log) : BackgroundService
{
    /// <summary>Sends in flight at once; also the most recipients a crash can give a second copy.</summary>
    public const int Concurrency = 8;
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(6);

    private readonly ConcurrentDictionary<long, Task> _running = new();

    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private Language StaffLanguage => options.DefaultLanguage;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        LogCutOffs(await db.Write(d => BroadcastStore.RequeueInFlight(d)));
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            do
            {
                try
                {
                    foreach (var chat in await DueReminders.Queue(db, content, options.DefaultLanguage, Now)) await workers.EnqueueFlush(chat, ct);
                    foreach (var b in db.Read(BroadcastStore.Open))
                    {
                        if (b.Status == BroadcastStatus.Scheduled && b.ScheduledFor <= Now) await StartScheduled(b);
                        else if (b.Status == BroadcastStatus.Sending && !_running.ContainsKey(b.Id)) _running[b.Id] = Run(b.Id, ct);
                        else if (b is { Status: BroadcastStatus.Paused, ResumeAt: { } at } && at <= Now) await ResumeAfter(b);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogTickFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            try { await Task.WhenAll(_running.Values); } catch (OperationCanceledException) { }
        }
    }

    private async Task StartScheduled(Broadcast b)
    {
        var started = await db.Write(d => BroadcastStore.StartScheduled(d, b.Id, Now));
        if (started is not null) LogStarted(started.Id, started.Total);
    }

    private async Task ResumeAfter(Broadcast b)
    {
        var resumed = await db.Write(d =>
        {
            if (BroadcastStore.Change(d, b.Id, BroadcastTransitions.ResumeAfterOutageWait) is null) return false;
            BroadcastStore.RetryFailed(d, b.Id); // those the outage hit
            return true;
        });
        if (resumed) LogResumed(b.Id);
    }

    private async Task Run(long id, CancellationToken ct)
    {
        try
        {
            var b = db.Read(d => BroadcastStore.Find(d, id))!;
            var e = db.Read(d => EventStore.Find(d, b.EventId));
            if (e is null) { await db.Write(d => BroadcastStore.Change(d, id, x => BroadcastTransitions.Cancel(x, Now))); return; }
            // No sender of this broadcast runs now, so whatever is still "in flight" was cut off (a crash, an error):
            // it goes back in the queue (it may have been sent: at most one more copy for those few).
            LogCutOffs(await db.Write(d => BroadcastStore.RequeueInFlight(d, id)));
            await Report(id, final: false, ct);
            var run = new BroadcastRun(b, e);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var progress = ProgressLoop(id, stop.Token);
            await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Sender(run, ct)));
            await stop.CancelAsync();
            await progress;
            if (ct.IsCancellationRequested) return;
            var status = await db.Write(d =>
            {
                if (BroadcastStore.Find(d, id) is not { } current) return BroadcastStatus.Cancelled;
                if (current.Status != BroadcastStatus.Sending || BroadcastStore.ProgressOf(d, current).Pending > 0) return current.Status;
                return BroadcastStore.Change(d, id, x => BroadcastTransitions.Finish(x, Now))!.Status;
            });
            // Still sending (a sender stopped on an error): the next tick carries on, without a report in between.
            if (status != BroadcastStatus.Sending) await Report(id, final: true, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogRunFailed(e, id); // the next tick starts it again
        }
        finally
        {
            _running.TryRemove(id, out _);
        }
    }

    /// <summary>One of the concurrent senders: claim a recipient, send, save the result, until none is left or the
    /// broadcast is no longer sending.</summary>
    private async Task Sender(BroadcastRun run, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested && db.Read(d => BroadcastStore.Find(d, run.Broadcast.Id))?.Status == BroadcastStatus.Sending)
        {
            var claimed = await db.Write(d => BroadcastStore.Claim(d, run.Broadcast.Id));
            if (claimed is null) return;
            Result result;
            try
            {
                result = await Send(run, claimed, ct);
            }
            catch (OperationCanceledException)
            {
                // A stop cut the send off: Telegram may have it already, as after a crash. The same rule, so that a stop
                // and a crash together cannot make a third copy (a text already confirmed stays marked: only its voice
                // message is left).
                await db.Write(d => BroadcastStore.Save(d, BroadcastStore.CutOff(BroadcastStore.FindDelivery(d, claimed.Id) ?? claimed)));
                throw;
            }
            var current = result.TextSent ? claimed with { TextSent = true } : claimed;
            await db.Write(d => Record(d, run, current, result));
            BotMetrics.Broadcast.Add(1, new KeyValuePair<string, object?>("result", result.Kind.ToString()));
            if (run.Failures.Add(result.Kind == Outcome.Transient))
            {
                await db.Write(d => BroadcastStore.Change(d, run.Broadcast.Id, x => BroadcastTransitions.PauseForOutage(x, Now)));
                LogTripped(run.Broadcast.Id);
            }
        }
    }

    private async Task<Result> Send(BroadcastRun run, Delivery delivery, CancellationToken ct)
    {
        var resident = db.Read(d => ResidentStore.Find(d, delivery.ChatId));
        if (BroadcastStore.LanguageFor(run.Broadcast, resident, options.DefaultLanguage) is not { } language) return new(Outcome.Skipped);
        var parts = run.Messages.GetOrAdd(language.Code, _ => EventNotices.Of(run.Broadcast.Kind, content, language, run.Event));
        // Issue 15: an announcement with a voice message has two parts. The first is marked as confirmed before the
        // second goes, so a crash or a retry repeats only the part that was in flight.
        var textSent = delivery.TextSent;
        for (var i = textSent ? 1 : 0; i < parts.Count; i++)
        {
            var sent = await sender.Broadcast(delivery.ChatId, parts[i], ct);
            switch (sent.Outcome)
            {
                case Sent.Flood: return new(Outcome.Again, TextSent: textSent);
                case Sent.Gone: return new(Outcome.Blocked);
                case Sent.Refused: return new(Outcome.Rejected, $"{sent.Code}: {sent.Description}", textSent);
                case Sent.Unreachable: return new(Outcome.Transient, TextSent: textSent);
            }
            if (i == 0 && parts.Count > 1)
            {
                await db.Write(d => BroadcastStore.Save(d, delivery with { TextSent = true }));
                textSent = true;
            }
        }
        return new(Outcome.Sent, TextSent: textSent);
    }

    private void Record(LiteDB.LiteDatabase d, BroadcastRun run, Delivery delivery, Result result)
    {
        switch (result.Kind)
        {
            case Outcome.Sent: BroadcastStore.Save(d, delivery.With(DeliveryStatus.Sent)); break;
            case Outcome.Skipped: BroadcastStore.Save(d, delivery.With(DeliveryStatus.Skipped)); break;
            case Outcome.Again: BroadcastStore.Save(d, delivery.With(DeliveryStatus.Pending)); break;
            case Outcome.Blocked:
                BroadcastStore.Save(d, delivery.With(DeliveryStatus.Blocked));
                if (ResidentStore.Find(d, delivery.ChatId) is { } r) ResidentStore.MarkBlocked(d, r);
                break;
            case Outcome.Transient:
                var attempts = delivery.Attempts + 1;
                BroadcastStore.Save(d, (delivery with { Attempts = attempts }).With(attempts >= BroadcastTransitions.MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending));
                break;
            case Outcome.Rejected when BroadcastStore.Count(d, run.Broadcast.Id, DeliveryStatus.Sent) == 0:
                // The message itself is refused: stop after the first recipient instead of failing thousands of times.
                BroadcastStore.Save(d, delivery.With(DeliveryStatus.Pending));
                BroadcastStore.Change(d, run.Broadcast.Id, b => BroadcastTransitions.Abort(b, result.Problem!, Now));
                LogAborted(run.Broadcast.Id, result.Problem!);
                break;
            case Outcome.Rejected: BroadcastStore.Save(d, delivery.With(DeliveryStatus.Failed)); break;
        }
    }

    private sealed class BroadcastRun(Broadcast broadcast, Event e)
    {
        public Broadcast Broadcast { get; } = broadcast;
        public Event Event { get; } = e;
        public ConcurrentDictionary<string, IReadOnlyList<Reply>> Messages { get; } = new();
        public FailureWindow Failures { get; } = new();
    }

    private void LogCutOffs(CutOffs c)
    {
        if (c.Again > 0) LogRequeued(c.Again);
        if (c.CountedAsSent > 0) LogCountedAsSent(c.CountedAsSent);
    }

    private enum Outcome { Sent, Blocked, Skipped, Again, Transient, Rejected }

    /// <summary><c>TextSent</c>: the text part of an announcement with a voice message was confirmed (saved with the delivery).</summary>
    private sealed record Result(Outcome Kind, string? Problem = null, bool TextSent = false);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Broadcast {Id} started for {Count} recipients")]
    private partial void LogStarted(long id, int count);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "{Count} broadcast sends were in flight at the last stop; they are sent again")]
    private partial void LogRequeued(int count);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "{Count} broadcast sends were in flight at a stop for the second time; they count as sent and are not sent a third time")]
    private partial void LogCountedAsSent(int count);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Broadcast {Id} paused itself: most recent sends failed; it goes on by itself after a wait, up to 6 times")]
    private partial void LogTripped(long id);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Broadcast {Id} goes on by itself after an outage")]
    private partial void LogResumed(long id);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Broadcast {Id} aborted: Telegram rejects the message ({Problem})")]
    private partial void LogAborted(long id, string problem);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "Broadcast {Id} stopped by an error; it resumes on the next tick")]
    private partial void LogRunFailed(Exception e, long id);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "Broadcast scheduling failed; trying again in a second")]
    private partial void LogTickFailed(Exception e);
}
