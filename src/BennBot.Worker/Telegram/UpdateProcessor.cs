using System.Text.Json;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Hosting;
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
    ILogger<UpdateProcessor> log, BennBotOptions options, ITelegramBotClient bot)
{
    /// <summary>Tries before an update is parked. Besides real faults, a topic number taken by another resident in
    /// the same instant fails an attempt; under a burst of submissions that can happen twice in a row.</summary>
    public const int MaxAttempts = 5;

    public string? BotUsername { get; set; }
    public long BotId { get; set; }
    // Workers handle updates concurrently: a plain ++ lost counts (seen as a flaky wait in ExpressionCacheTests).
    private int _handled;
    public int Handled => Volatile.Read(ref _handled);

    /// <summary>Handles the update (if any) and sends the chat's replies; returns other chats that got replies.</summary>
    public async Task<IReadOnlyCollection<long>> Process(long updateId, long chatKey, CancellationToken ct)
    {
        IReadOnlyCollection<long> others = [];
        var compact = false;
        var row = db.Read(d => Inbox.Find(d, updateId));
        while (row is { Status: InboxStatus.New })
        {
            try
            {
                (others, compact) = await Handle(row);
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
        if (chatKey != 0) await sender.Flush(chatKey, ct);
        // After a deletion: rewrite the file once the last replies to that resident (which need their chat id) are out.
        if (compact) await Compact();
        return others;
    }

    /// <summary>Applies the update; returns the other chats that got replies, and whether the file must be rewritten.</summary>
    private async Task<(HashSet<long> Others, bool Compact)> Handle(InboxUpdate row)
    {
        var update = JsonSerializer.Deserialize<Update>(row.Json!, JsonBotAPI.Options)!;
        var incoming = await WithFile(UpdateMapper.Map(update, BotUsername, options.StaffChatId, BotId), update);
        var resident = incoming.UserId == 0 ? null : db.Read(d => ResidentStore.Find(d, incoming.UserId));
        // Staff are trusted (and tap through the event dialogue quickly); flood control is for everyone else.
        var limited = incoming is { UserId: > 0, InStaffChat: false, Kind: not IncomingKind.Ignored } && !options.StaffUserIds.Contains(incoming.UserId);
        var verdict = limited && row.Attempts == 0 ? flood.Check(incoming.UserId) : FloodVerdict.Allow; // a retry is not a new message
        var outcome = verdict == FloodVerdict.Allow
            ? conversation.Handle(incoming, resident)
            : conversation.Throttled(incoming, resident, tell: verdict == FloodVerdict.DropAndTell);
        var now = time.GetUtcNow().UtcDateTime;
        var others = await db.Write(d =>
        {
            var touched = OutcomeStore.Apply(d, incoming, outcome, now);
            Inbox.Close(d, row, InboxStatus.Done);
            return touched;
        });
        Interlocked.Increment(ref _handled);
        BotMetrics.Updates.Add(1, new KeyValuePair<string, object?>("kind", incoming.Kind.ToString()));
        LogHandled(row.Id, incoming.Kind);
        return (others, outcome.Compact);
    }

    // The deletion is committed already; if rewriting the file fails, the next checkpoint still wipes the freed pages.
    private async Task Compact()
    {
        try { await db.Compact(); }
        catch (Exception e) when (e is not OperationCanceledException) { LogCompactFailed(e); }
    }

    // A calendar file from staff is read here, so that the conversation never does I/O. Anything else stays unread.
    private async Task<Incoming> WithFile(Incoming incoming, Update update)
    {
        if (incoming.Kind != IncomingKind.Document || !options.StaffUserIds.Contains(incoming.UserId)) return incoming;
        if (update.Message?.Document is not { } doc || doc.FileSize > UpdateLimits.MaxCalendarBytes || doc.FileName?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) != true)
            return incoming;
        using var file = new MemoryStream();
        await bot.GetInfoAndDownloadFile(doc.FileId, file);
        return file.Length > UpdateLimits.MaxCalendarBytes ? incoming : incoming with { FileText = System.Text.Encoding.UTF8.GetString(file.ToArray()) };
    }

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
    private partial void LogHandled(long updateId, IncomingKind kind);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Update {UpdateId} failed (attempt {Attempt})")]
    private partial void LogFailed(Exception e, long updateId, int attempt);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Rewriting the database file after a deletion failed; the data is deleted, the freed pages are wiped at the next checkpoint")]
    private partial void LogCompactFailed(Exception e);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Update {UpdateId} parked after repeated failures")]
    private partial void LogParked(long updateId);
}
