using System.Text.Json;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Hosting;
using BennBot.Worker.Privacy;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace BennBot.Worker.Telegram;

/// <summary>Handles one saved update: the resident's change, the replies and the "done" mark are one
/// transaction, so an update is applied exactly once even if the process dies at any point; then the chat's
/// replies are sent. An update that keeps failing is parked after a few tries instead of blocking its chat.</summary>
public sealed partial class UpdateProcessor(Database db, Conversation conversation, OutboxSender sender, FloodGuard flood, TimeProvider time,
    ILogger<UpdateProcessor> log, BennBotOptions options, CalendarImports calendars, ErasureService erasure)
{
    /// <summary>Tries before an update is parked. Besides real faults, a topic number taken by another resident in
    /// the same instant fails an attempt; under a burst of submissions that can happen twice in a row.</summary>
    public const int MaxAttempts = 5;

    // Workers handle updates concurrently: a plain ++ lost counts (seen as a flaky wait in ExpressionCacheTests).
    private int _handled;
    public int Handled => Volatile.Read(ref _handled);

    /// <summary>Handles the update (if any) and sends the chat's replies; returns other chats that got replies, and when
    /// to send this chat's replies that its own limit held back. <paramref name="bot"/>: getMe's answer (see
    /// <see cref="UpdatePoller"/>), to read commands and replies addressed to the bot.</summary>
    public async Task<Processed> Process(long updateId, long chatKey, BotIdentity bot, CancellationToken ct)
    {
        IReadOnlyCollection<long> others = [];
        var erased = false;
        var row = db.Read(d => Inbox.Find(d, updateId));
        while (row is { Status: InboxStatus.New })
        {
            try
            {
                var handled = await Handle(row, bot);
                if (handled.Waiting) return new([], Reading: handled.Reading); // its calendar file is being read; it comes back
                (others, erased) = (handled.Others, handled.Erased);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = row.Attempts + 1;
                LogFailed(e, updateId, attempts);
                BotMetrics.Failures.Add(1);
                if (attempts >= MaxAttempts) { await Park(row); break; }
                var failed = row;
                await db.Write(d => Inbox.CountAttempt(d, failed));
                row = row with { Attempts = attempts };
                // Jitter, so that two updates that collided do not collide again.
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempts + Random.Shared.Next(0, 200)), time, ct);
            }
        }
        var again = chatKey != 0 ? await sender.Flush(chatKey, ct) : null;
        // After a deletion: wipe the freed pages once the last replies to that resident (which need their chat id) are
        // out. Not on this worker, and coalesced: a resident repeating /delete cannot make the bot rewrite its file.
        if (erased) erasure.Erased();
        return new(others, again);
    }

    /// <summary>Applies the update; returns the other chats that got replies, and whether data was erased. Or, when the
    /// update waits for its calendar file to be read (<see cref="CalendarImports"/>), nothing is applied yet: Waiting, and
    /// the read to wait for if this call started it.</summary>
    private async Task<(HashSet<long> Others, bool Erased, bool Waiting, Task? Reading)> Handle(InboxUpdate row, BotIdentity bot)
    {
        var update = JsonSerializer.Deserialize<Update>(row.Json!, JsonBotAPI.Options)!;
        var incoming = UpdateMapper.Map(update, bot.Username, options.StaffChatId, bot.Id);
        if (incoming is Incoming.Document file && CalendarFile(file, update) is { } fileId)
        {
            var calendar = calendars.Take(row.Id, fileId);
            if (calendar.Ready is not { } read) return ([], false, true, calendar.Started);
            incoming = file with { Calendar = await read };
        }
        var resident = incoming.UserId == 0 ? null : db.Read(d => ResidentStore.Find(d, incoming.UserId));
        // Staff are trusted (and tap through the event dialogue quickly); flood control is for everyone else.
        var limited = incoming is { UserId: > 0, InStaffChat: false } and not Incoming.Ignored && !options.StaffUserIds.Contains(incoming.UserId);
        var verdict = limited && row.Attempts == 0 ? flood.Check(incoming.UserId) : FloodVerdict.Allow; // a retry is not a new message
        var outcome = verdict == FloodVerdict.Allow
            ? conversation.Handle(incoming, resident, bot)
            : conversation.Throttled(incoming, resident, tell: verdict == FloodVerdict.DropAndTell);
        var now = time.GetUtcNow().UtcDateTime;
        var others = await db.Write(d =>
        {
            var touched = OutcomeStore.Apply(d, incoming, outcome, now);
            Inbox.Close(d, row, InboxStatus.Done);
            return touched;
        });
        conversation.Committed(outcome);
        Interlocked.Increment(ref _handled);
        BotMetrics.Updates.Add(1, new KeyValuePair<string, object?>("kind", incoming.Kind));
        LogHandled(row.Id, incoming.Kind);
        return (others, outcome.Erases, false, null);
    }

    // A calendar file from staff is read by CalendarImports, so that the conversation never does I/O. Anything else stays unread.
    private string? CalendarFile(Incoming.Document file, Update update) =>
        options.StaffUserIds.Contains(file.UserId)
        && update.Message?.Document is { } doc && doc.FileSize is not > CalendarLimits.MaxBytes && doc.FileName?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) == true
            ? doc.FileId
            : null;

    // Give up on this update, but not on the resident: they hear that something went wrong, in their language.
    private async Task Park(InboxUpdate row)
    {
        LogParked(row.Id);
        var apology = row.ChatKey > 0 ? conversation.Apology(db.Read(d => ResidentStore.Find(d, row.ChatKey))) : null;
        await db.Write(d =>
        {
            if (apology is not null) Outbox.Add(d, row.ChatKey, [apology], time.GetUtcNow().UtcDateTime);
            Inbox.Close(d, row, InboxStatus.Parked);
        });
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Update {UpdateId} handled as {Kind}")]
    private partial void LogHandled(long updateId, string kind);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Update {UpdateId} failed (attempt {Attempt})")]
    private partial void LogFailed(Exception e, long updateId, int attempt);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Update {UpdateId} parked after repeated failures")]
    private partial void LogParked(long updateId);
}

/// <param name="FlushAgainAfter">The chat's own limit held back some of its replies: send them after this wait.</param>
/// <param name="Reading">The update waits for its calendar file, whose read this is: queue it again when it ends.</param>
public sealed record Processed(IReadOnlyCollection<long> Others, TimeSpan? FlushAgainAfter = null, Task? Reading = null);
