using BennBot.Worker.Conversations;
using BennBot.Worker.Hosting;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using Microsoft.Extensions.Logging;

namespace BennBot.Worker.Telegram;

/// <summary>Delivers a chat's queued replies in order, through <see cref="TelegramSender"/>. A reply leaves the outbox
/// only after Telegram confirmed it (or refused it for good); when Telegram stays unreachable it is left for the next
/// flush. A message about a question or topic leaves with the message id Telegram gave it remembered
/// (<see cref="SentCards"/>): that is what a staff reply is bound to.</summary>
public sealed partial class OutboxSender(TelegramSender sender, Database db, TimeProvider time, ILogger<OutboxSender> log,
    Conversation conversation)
{
    /// <summary>More cards than this waiting in one chat go as one digest instead of one message each.</summary>
    public const int DigestAfter = 3;
    /// <summary>Items in one digest: its buttons and lines stay well inside Telegram's limits (about 100 buttons, 4,096 characters).</summary>
    public const int DigestMax = 30;

    private static readonly TimeSpan StaleButtonAnswer = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ChatPatience = TimeSpan.FromMilliseconds(100);

    /// <summary>Sends what the chat has queued, as far as the chat's own limit allows now; returns when to go on
    /// (null: nothing is left that could be sent now).</summary>
    public async Task<TimeSpan?> Flush(long chatId, CancellationToken ct)
    {
        var pending = db.Read(d => Outbox.Pending(d, chatId));
        // Answers to button presses are not messages: they go first, whatever messages still wait for their turn.
        foreach (var answer in pending.Where(m => m.Kind == OutboxKind.Answer)) await Deliver(answer, ct);
        // Replies to staff (and everything else) go before new cards that residents' updates queued for the staff chat.
        foreach (var message in pending.Where(m => m.Kind != OutboxKind.Answer && !m.Card))
        {
            // The chat's own limit (1 a second after a short burst; 20 a minute for a group): try again in that
            // chat's turn a little later, rather than hold up the other chats this worker serves.
            if (ChatWait(chatId, card: false) is { } wait) return wait;
            if (!await Deliver(message, ct)) return null; // keep order: later replies wait for this one
        }
        var cards = pending.Where(m => m.Kind != OutboxKind.Answer && m.Card).ToList();
        while (cards.Count > 0)
        {
            if (ChatWait(chatId, card: true) is { } wait) return wait;
            // A backlog (many residents at once, or after an outage) goes as one message; each item stays one tap away.
            var batch = cards.Count > DigestAfter ? Bundle(cards) : [cards[0]];
            if (!await (batch.Count > 1 ? DeliverDigest(chatId, batch, ct) : Deliver(batch[0], ct))) return null;
            cards.RemoveRange(0, batch.Count);
        }
        return null;
    }

    /// <summary>How long the chat's limit would make the next message wait, when that is longer than a moment.</summary>
    private TimeSpan? ChatWait(long chatId, bool card) => sender.ChatWait(chatId, card) is var wait && wait > ChatPatience ? wait : null;

    // The first cards of the backlog, up to DigestMax items; the parts of one long card stay together.
    private static List<OutboxMessage> Bundle(List<OutboxMessage> cards)
    {
        var items = cards.Select(c => c.ReadAbout()).Distinct().Take(DigestMax).ToHashSet();
        return cards.TakeWhile(c => items.Contains(c.ReadAbout())).ToList();
    }

    private async Task<bool> DeliverDigest(long chatId, List<OutboxMessage> cards, CancellationToken ct)
    {
        var items = cards.Select(c => c.ReadAbout()).OfType<About>().Distinct().ToList();
        if (conversation.Digest(items) is not { } digest) // every item is gone meanwhile (answered, deleted)
        {
            await db.Write(d => cards.ForEach(c => Outbox.Remove(d, c.Id)));
            return true;
        }
        var message = new OutboxMessage
        {
            ChatId = chatId, Html = digest.Html, CreatedAt = time.GetUtcNow().UtcDateTime,
            KeyboardJson = digest.Keyboard is null ? null : System.Text.Json.JsonSerializer.Serialize(digest.Keyboard),
        };
        return await Deliver(message, ct, bundled: cards);
    }

    /// <summary>True when the message is done with (sent or refused for good); false to retry it later. A digest is sent
    /// in place of the <paramref name="bundled"/> cards, which leave the outbox with it.</summary>
    private async Task<bool> Deliver(OutboxMessage m, CancellationToken ct, IReadOnlyList<OutboxMessage>? bundled = null)
    {
        var rows = bundled ?? [m];
        if (m.Kind == OutboxKind.Answer && time.GetUtcNow().UtcDateTime - m.CreatedAt > StaleButtonAnswer)
        {
            await db.Write(d => Outbox.Remove(d, m.Id)); // Telegram no longer accepts answers to old button presses
            return true;
        }
        var result = await sender.Reply(m, ct);
        switch (result.Outcome)
        {
            case Sent.Delivered:
                var now = time.GetUtcNow().UtcDateTime;
                await db.Write(d =>
                {
                    foreach (var row in rows) Outbox.Remove(d, row.Id);
                    if (m.ReadAbout() is { } about) SentCards.Remember(d, m.ChatId, result.MessageId, about, now);
                });
                if (m.Kind != OutboxKind.Answer) BotMetrics.Sent.Add(1);
                return true;
            case Sent.Gone or Sent.Refused:
                LogRefused(result.Code, m.Kind.ToString().ToLowerInvariant(), result.Description ?? "");
                await db.Write(d =>
                {
                    foreach (var row in rows) Outbox.Remove(d, row.Id);
                    if (result.Outcome == Sent.Gone && ResidentStore.Find(d, m.ChatId) is { } r) ResidentStore.MarkBlocked(d, r);
                });
                return true;
            default: // unreachable, timed out, or a 5xx that outlasted the retries: keep it for later
                LogUnreachable(result.Error ?? "");
                if (bundled is null) await db.Write(d => Outbox.CountAttempt(d, m));
                return false;
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Telegram refused a {Kind} message ({Code}: {Description}); dropped")]
    private partial void LogRefused(int code, string kind, string description);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Telegram unreachable while sending ({Error}); the reply stays queued")]
    private partial void LogUnreachable(string error);
}
