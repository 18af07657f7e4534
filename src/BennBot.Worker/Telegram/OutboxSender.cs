using BennBot.Worker.Conversations;
using BennBot.Worker.Hosting;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BennBot.Worker.Telegram;

/// <summary>Delivers a chat's queued replies in order. A reply leaves the outbox only after Telegram confirmed it
/// (or refused it for good); a 429 pauses everything through <see cref="SendGate"/>; network trouble and 5xx are
/// retried a few times here, and otherwise left for the next flush. A message about a question or topic leaves with
/// the message id Telegram gave it remembered (<see cref="SentCards"/>): that is what a staff reply is bound to.</summary>
public sealed partial class OutboxSender(ITelegramBotClient bot, Database db, SendGate gate, DelayedFlushes later, TimeProvider time, ILogger<OutboxSender> log,
    Conversation conversation)
{
    /// <summary>More cards than this waiting in one chat go as one digest instead of one message each.</summary>
    public const int DigestAfter = 3;
    /// <summary>Items in one digest: its buttons and lines stay well inside Telegram's limits (about 100 buttons, 4,096 characters).</summary>
    public const int DigestMax = 30;

    private static readonly TimeSpan StaleButtonAnswer = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ChatPatience = TimeSpan.FromMilliseconds(100);

    // Transient = the request may not have reached Telegram or Telegram failed; never 4xx (our fault or final).
    private readonly ResiliencePipeline _transient = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestException>(e => e is not ApiRequestException { ErrorCode: < 500 }),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
        })
        .Build();

    public async Task Flush(long chatId, CancellationToken ct)
    {
        var pending = db.Read(d => Outbox.Pending(d, chatId));
        // Answers to button presses are not messages: they go first, whatever messages still wait for their turn.
        foreach (var answer in pending.Where(m => m.Kind == "answer")) await Deliver(answer, ct);
        // Replies to staff (and everything else) go before new cards that residents' updates queued for the staff chat.
        foreach (var message in pending.Where(m => m.Kind != "answer" && !m.Card))
        {
            // The chat's own limit (1 a second after a short burst; 20 a minute for a group): try again in that
            // chat's turn a little later, rather than hold up the other chats this worker serves.
            if (!ChatReady(chatId, card: false, ct)) return;
            if (!await Deliver(message, ct)) return; // keep order: later replies wait for this one
        }
        var cards = pending.Where(m => m.Kind != "answer" && m.Card).ToList();
        while (cards.Count > 0)
        {
            if (!ChatReady(chatId, card: true, ct)) return;
            // A backlog (many residents at once, or after an outage) goes as one message; each item stays one tap away.
            var batch = cards.Count > DigestAfter ? Bundle(cards) : [cards[0]];
            if (!await (batch.Count > 1 ? DeliverDigest(chatId, batch, ct) : Deliver(batch[0], ct))) return;
            cards.RemoveRange(0, batch.Count);
        }
    }

    /// <summary>False (and a flush later) when the chat's limit would make the next message wait.</summary>
    private bool ChatReady(long chatId, bool card, CancellationToken ct)
    {
        var wait = gate.ChatWait(chatId, card);
        if (wait <= ChatPatience) return true;
        later.After(chatId, wait, ct);
        return false;
    }

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
        if (m.Kind == "answer" && time.GetUtcNow().UtcDateTime - m.CreatedAt > StaleButtonAnswer)
        {
            await db.Write(d => Outbox.Remove(d, m.Id)); // Telegram no longer accepts answers to old button presses
            return true;
        }
        while (true)
        {
            try
            {
                var messageId = await _transient.ExecuteAsync(async token =>
                {
                    if (m.Kind != "answer") await gate.WaitAsync(m.ChatId, token); // answering a button press is not a message
                    return await Send(m, token);
                }, ct);
                var now = time.GetUtcNow().UtcDateTime;
                await db.Write(d =>
                {
                    foreach (var row in rows) Outbox.Remove(d, row.Id);
                    if (m.ReadAbout() is { } about) SentCards.Remember(d, m.ChatId, messageId, about, now);
                });
                if (m.Kind != "answer") BotMetrics.Sent.Add(1);
                return true;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                var wait = TelegramErrors.RetryAfter(e);
                LogFlood(wait.TotalSeconds);
                BotMetrics.FloodWaits.Add(1);
                gate.PauseFor(wait);
            }
            catch (ApiRequestException e) when (e.ErrorCode < 500)
            {
                LogRefused(e.ErrorCode, m.Kind, e.Message);
                await db.Write(d =>
                {
                    foreach (var row in rows) Outbox.Remove(d, row.Id);
                    if (TelegramErrors.RecipientGone(e) && ResidentStore.Find(d, m.ChatId) is { } r) ResidentStore.MarkBlocked(d, r);
                });
                return true;
            }
            catch (RequestException e) // unreachable, timed out, or a 5xx that outlasted the retries: keep it for later
            {
                LogUnreachable(e.GetType().Name);
                if (bundled is null) await db.Write(d => Outbox.CountAttempt(d, m));
                return false;
            }
        }
    }

    /// <summary>Sends one message; returns the id Telegram gave it (0 for a button answer, which is no message).</summary>
    private async Task<int> Send(OutboxMessage m, CancellationToken ct)
    {
        if (m.Kind == "answer")
        {
            await bot.AnswerCallbackQuery(m.QueryId!, m.Notice, cancellationToken: ct);
            return 0;
        }
        var sent = m.Kind switch
        {
            "file" => await bot.SendDocument(m.ChatId, InputFile.FromStream(new MemoryStream(m.File!), m.FileName), m.Html, ParseMode.Html, cancellationToken: ct),
            "photo" => await bot.SendPhoto(m.ChatId, InputFile.FromStream(new MemoryStream(m.File!), m.FileName), m.Html, ParseMode.Html, cancellationToken: ct),
            "voice" => await bot.SendVoice(m.ChatId, InputFile.FromFileId(m.FileName!), m.Html, ParseMode.Html, replyMarkup: TelegramMarkup.Of(m.ReadKeyboard()), cancellationToken: ct),
            _ => await bot.SendMessage(m.ChatId, m.Html!, ParseMode.Html, replyMarkup: TelegramMarkup.Of(m.ReadKeyboard()),
                linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct),
        };
        return sent.MessageId;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Telegram asked to slow down: all sending paused for {Seconds} s")]
    private partial void LogFlood(double seconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Telegram refused a {Kind} message ({Code}: {Description}); dropped")]
    private partial void LogRefused(int code, string kind, string description);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Telegram unreachable while sending ({Error}); the reply stays queued")]
    private partial void LogUnreachable(string error);
}
