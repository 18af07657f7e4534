using System.Collections.Concurrent;
using BennBot.Content;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Hosting;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BennBot.Worker.Telegram;

/// <summary>The delivery engine. Every second it starts due broadcasts (fixing their recipients), resumes the ones
/// that are sending (also after a crash: recipients left in flight are sent again), and queues due reminders.
/// A broadcast is sent by a few concurrent senders that each claim one recipient (saved as in flight), wait for a
/// broadcast slot of the <see cref="SendGate"/>, send, and save the result; progress is shown in the staff chat.</summary>
public sealed partial class Broadcaster(ITelegramBotClient bot, Database db, SendGate gate, ContentSet content, BennBotOptions options,
    UpdateWorkers workers, TimeProvider time, ILogger<Broadcaster> log) : BackgroundService
{
    /// <summary>Sends in flight at once; also the most recipients a crash can give a second copy.</summary>
    public const int Concurrency = 8;
    /// <summary>Rounds a recipient gets when sends fail in a way that may still have delivered (a timeout); then it is
    /// marked failed. With the crash rule, this keeps anyone from getting an announcement three times.</summary>
    public const int MaxAttempts = 2;
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(6);
    /// <summary>A broadcast paused by an outage goes on by itself after these waits (about half an hour in all); after
    /// the last one it waits for staff. Each time, the recipients the outage made fail get one more round.</summary>
    public static readonly TimeSpan[] ResumeAfterOutage =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(15)];

    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly ResiliencePipeline _transient = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            // Only what surely did not deliver is retried here: Telegram answered with an error, or no connection was
            // made. A timeout may have delivered; it costs the recipient one of its rounds instead.
            ShouldHandle = new PredicateBuilder().Handle<RequestException>(e => e is ApiRequestException { ErrorCode: >= 500 }
                || e.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }),
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
        })
        .Build();

    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private Language StaffLanguage => options.DefaultLanguage;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var requeued = await db.Write(BroadcastStore.RequeueInFlight);
        if (requeued > 0) LogRequeued(requeued);
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            do
            {
                try
                {
                    await QueueReminders(ct);
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
        var started = await db.Write(d =>
        {
            if (BroadcastStore.Find(d, b.Id) is not { Status: BroadcastStatus.Scheduled } current) return null;
            if (EventStore.Find(d, current.EventId) is not { Status: EventStatus.Published } e || e.LastEndUtc <= Now)
            {
                BroadcastStore.Save(d, current with { Status = BroadcastStatus.Cancelled, FinishedAt = Now });
                return null;
            }
            return BroadcastStore.Start(d, current, BroadcastStore.Recipients(d, e, current.Segment), Now);
        });
        if (started is not null) LogStarted(started.Id, started.Total);
    }

    private async Task ResumeAfter(Broadcast b)
    {
        var resumed = await db.Write(d =>
        {
            if (BroadcastStore.Find(d, b.Id) is not { Status: BroadcastStatus.Paused, ResumeAt: not null } current) return false;
            BroadcastStore.Save(d, current with { Status = BroadcastStatus.Sending, Problem = null, ResumeAt = null, AutoResumes = current.AutoResumes + 1 });
            BroadcastStore.Requeue(d, b.Id, DeliveryStatus.Failed, oneMoreTry: true); // those the outage hit
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
            if (e is null) { await db.Write(d => BroadcastStore.Save(d, b with { Status = BroadcastStatus.Cancelled, FinishedAt = Now })); return; }
            // No sender of this broadcast runs now, so whatever is still "in flight" was cut off (a crash, an error):
            // it goes back in the queue (it may have been sent: at most one more copy for those few).
            var orphaned = await db.Write(d => BroadcastStore.Requeue(d, id, DeliveryStatus.InFlight));
            if (orphaned > 0) LogRequeued(orphaned);
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
                BroadcastStore.Save(d, current with { Status = BroadcastStatus.Done, FinishedAt = Now });
                return BroadcastStatus.Done;
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
                // Not sent: no duplicate later (a text already confirmed stays marked, so only its voice message is left).
                await db.Write(d => BroadcastStore.Save(d, (BroadcastStore.FindDelivery(d, claimed.Id) ?? claimed).With(DeliveryStatus.Pending)));
                throw;
            }
            var current = result.TextSent ? claimed with { TextSent = true } : claimed;
            await db.Write(d => Record(d, run, current, result));
            BotMetrics.Broadcast.Add(1, new KeyValuePair<string, object?>("result", result.Kind.ToString()));
            if (run.Failures.Add(result.Kind == Outcome.Transient))
            {
                await db.Write(d => PauseForOutage(d, run.Broadcast.Id));
                LogTripped(run.Broadcast.Id);
            }
        }
    }

    private async Task<Result> Send(BroadcastRun run, Delivery delivery, CancellationToken ct)
    {
        var resident = db.Read(d => ResidentStore.Find(d, delivery.ChatId));
        var wanted = run.Broadcast.Kind == BroadcastKind.Cancellation || resident?.Subscribed == true;
        if (resident is null || resident.BlockedBot || !wanted) return new(Outcome.Skipped);
        var language = Languages.Find(resident.Language) ?? options.DefaultLanguage;
        var message = run.Messages.GetOrAdd(language.Code, _ => Render(run, language));
        // Issue 15: an announcement with a voice message in the resident's language gets it right after the text. The text
        // is marked as confirmed before the voice goes, so a crash or a retry repeats only the part that was in flight.
        var voice = run.Broadcast.Kind == BroadcastKind.Announcement ? run.Event.Voice.GetValueOrDefault(language.Code) : null;
        var textSent = delivery.TextSent;
        try
        {
            if (!textSent)
            {
                await _transient.ExecuteAsync(async token =>
                {
                    await gate.WaitBulkAsync(delivery.ChatId, token);
                    await bot.SendMessage(delivery.ChatId, message.Html, ParseMode.Html, replyMarkup: TelegramMarkup.Of(message.Keyboard),
                        linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: token);
                }, ct);
                if (voice is null) return new(Outcome.Sent);
                await db.Write(d => BroadcastStore.Save(d, delivery with { TextSent = true }));
                textSent = true;
            }
            if (voice is not null)
            {
                await _transient.ExecuteAsync(async token =>
                {
                    await gate.WaitBulkAsync(delivery.ChatId, token);
                    await bot.SendVoice(delivery.ChatId, InputFile.FromFileId(voice), cancellationToken: token);
                }, ct);
            }
            return new(Outcome.Sent, TextSent: textSent);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            var wait = TelegramErrors.RetryAfter(e);
            LogFlood(wait.TotalSeconds);
            BotMetrics.FloodWaits.Add(1);
            gate.PauseFor(wait);
            return new(Outcome.Again, TextSent: textSent);
        }
        catch (ApiRequestException e) when (TelegramErrors.RecipientGone(e)) { return new(Outcome.Blocked); }
        catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500) { return new(Outcome.Rejected, $"{e.ErrorCode}: {e.Message}", textSent); }
        catch (RequestException) { return new(Outcome.Transient, TextSent: textSent); }
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
                BroadcastStore.Save(d, (delivery with { Attempts = attempts }).With(attempts >= MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending));
                break;
            case Outcome.Rejected when BroadcastStore.Count(d, run.Broadcast.Id, DeliveryStatus.Sent) == 0:
                // The message itself is refused: stop after the first recipient instead of failing thousands of times.
                BroadcastStore.Save(d, delivery.With(DeliveryStatus.Pending));
                if (BroadcastStore.Find(d, run.Broadcast.Id) is { IsOpen: true } b)
                    BroadcastStore.Save(d, b with { Status = BroadcastStatus.Aborted, Problem = result.Problem, FinishedAt = Now });
                LogAborted(run.Broadcast.Id, result.Problem!);
                break;
            case Outcome.Rejected: BroadcastStore.Save(d, delivery.With(DeliveryStatus.Failed)); break;
        }
    }

    private void PauseForOutage(LiteDB.LiteDatabase d, long id)
    {
        if (BroadcastStore.Find(d, id) is not { Status: BroadcastStatus.Sending } b) return;
        DateTime? resume = b.AutoResumes < ResumeAfterOutage.Length ? Now + ResumeAfterOutage[b.AutoResumes] : null;
        BroadcastStore.Save(d, b with { Status = BroadcastStatus.Paused, Problem = "network", ResumeAt = resume });
    }

    private (string Html, Keyboard Keyboard) Render(BroadcastRun run, Language language)
    {
        var turn = new Turn(new Incoming(0, 0, 0, IncomingKind.Ignored), null, language, content);
        return run.Broadcast.Kind == BroadcastKind.Announcement
            ? (EventCard.Render(content, language, run.Event, "event.new"), EventsHandler.AnnouncementKeys(turn, run.Event))
            : (EventCard.Render(content, language, run.Event, "event.cancelnotice"),
                new Keyboard([[turn.ButtonFor("events.back", new ButtonAction.Events()), turn.ButtonFor("button.menu", new ButtonAction.Menu())]]));
    }

    /// <summary>Reminders that are due become ordinary replies in the outbox (removed in the same transaction).</summary>
    private async Task QueueReminders(CancellationToken ct)
    {
        var now = Now;
        var due = db.Read(d => ReminderStore.Due(d, now));
        if (due.Count == 0) return;
        var chats = await db.Write(d =>
        {
            var told = new List<long>();
            foreach (var r in due)
            {
                ReminderStore.Delete(d, r.Id);
                if (EventStore.Find(d, r.EventId) is not { Status: EventStatus.Published } e || e.LastEndUtc <= now) continue;
                if (ResidentStore.Find(d, r.ResidentId) is not { BlockedBot: false } resident) continue;
                var language = Languages.Find(resident.Language) ?? options.DefaultLanguage;
                var turn = new Turn(new Incoming(0, r.ResidentId, r.ResidentId, IncomingKind.Ignored), resident, language, content);
                Outbox.Add(d, r.ResidentId, [new SendText(EventCard.Render(content, language, e, "remind.notice"), EventsHandler.ReminderKeys(turn, e))], now);
                told.Add(r.ResidentId);
            }
            return told;
        });
        foreach (var chat in chats) await workers.EnqueueFlush(chat, ct);
    }

    private sealed class BroadcastRun(Broadcast broadcast, Event e)
    {
        public Broadcast Broadcast { get; } = broadcast;
        public Event Event { get; } = e;
        public ConcurrentDictionary<string, (string Html, Keyboard Keyboard)> Messages { get; } = new();
        public FailureWindow Failures { get; } = new();
    }

    private enum Outcome { Sent, Blocked, Skipped, Again, Transient, Rejected }

    /// <summary><c>TextSent</c>: the text part of an announcement with a voice message was confirmed (saved with the delivery).</summary>
    private sealed record Result(Outcome Kind, string? Problem = null, bool TextSent = false);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Broadcast {Id} started for {Count} recipients")]
    private partial void LogStarted(long id, int count);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "{Count} broadcast sends were in flight at the last stop; they are sent again")]
    private partial void LogRequeued(int count);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Broadcast {Id} paused itself: most recent sends failed; it goes on by itself after a wait, up to 6 times")]
    private partial void LogTripped(long id);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Broadcast {Id} goes on by itself after an outage")]
    private partial void LogResumed(long id);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Broadcast {Id} aborted: Telegram rejects the message ({Problem})")]
    private partial void LogAborted(long id, string problem);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Telegram asked to slow down during a broadcast: all sending paused for {Seconds} s")]
    private partial void LogFlood(double seconds);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "Broadcast {Id} stopped by an error; it resumes on the next tick")]
    private partial void LogRunFailed(Exception e, long id);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "Broadcast scheduling failed; trying again in a second")]
    private partial void LogTickFailed(Exception e);
}
