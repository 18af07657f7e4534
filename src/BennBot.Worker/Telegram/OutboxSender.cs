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
/// retried a few times here, and otherwise left for the next flush.</summary>
public sealed partial class OutboxSender(ITelegramBotClient bot, Database db, SendGate gate, DelayedFlushes later, TimeProvider time, ILogger<OutboxSender> log)
{
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
        foreach (var message in pending.Where(m => m.Kind != "answer"))
        {
            // The chat's own limit (1 a second after a short burst; 20 a minute for a group): try again in that
            // chat's turn a little later, rather than hold up the other chats this worker serves.
            if (gate.ChatWait(chatId) is var wait && wait > ChatPatience)
            {
                later.After(chatId, wait, ct);
                return;
            }
            if (!await Deliver(message, ct)) return; // keep order: later replies wait for this one
        }
    }

    /// <summary>True when the message is done with (sent or refused for good); false to retry it later.</summary>
    private async Task<bool> Deliver(OutboxMessage m, CancellationToken ct)
    {
        if (m.Kind == "answer" && time.GetUtcNow().UtcDateTime - m.CreatedAt > StaleButtonAnswer)
        {
            await db.Write(d => Outbox.Remove(d, m.Id)); // Telegram no longer accepts answers to old button presses
            return true;
        }
        while (true)
        {
            try
            {
                await _transient.ExecuteAsync(async token =>
                {
                    if (m.Kind != "answer") await gate.WaitAsync(m.ChatId, token); // answering a button press is not a message
                    await Send(m, token);
                }, ct);
                await db.Write(d => Outbox.Remove(d, m.Id));
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
                    Outbox.Remove(d, m.Id);
                    if (TelegramErrors.RecipientGone(e) && ResidentStore.Find(d, m.ChatId) is { } r) ResidentStore.MarkBlocked(d, r);
                });
                return true;
            }
            catch (RequestException e) // unreachable, timed out, or a 5xx that outlasted the retries: keep it for later
            {
                LogUnreachable(e.GetType().Name);
                await db.Write(d => Outbox.CountAttempt(d, m));
                return false;
            }
        }
    }

    private Task Send(OutboxMessage m, CancellationToken ct) => m.Kind switch
    {
        "answer" => bot.AnswerCallbackQuery(m.QueryId!, m.Notice, cancellationToken: ct),
        "file" => bot.SendDocument(m.ChatId, InputFile.FromStream(new MemoryStream(m.File!), m.FileName), m.Html, ParseMode.Html, cancellationToken: ct),
        "photo" => bot.SendPhoto(m.ChatId, InputFile.FromStream(new MemoryStream(m.File!), m.FileName), m.Html, ParseMode.Html, cancellationToken: ct),
        "voice" => bot.SendVoice(m.ChatId, InputFile.FromFileId(m.FileName!), m.Html, ParseMode.Html, replyMarkup: TelegramMarkup.Of(m.ReadKeyboard()), cancellationToken: ct),
        _ => bot.SendMessage(m.ChatId, m.Html!, ParseMode.Html, replyMarkup: TelegramMarkup.Of(m.ReadKeyboard()),
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct),
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Telegram asked to slow down: all sending paused for {Seconds} s")]
    private partial void LogFlood(double seconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Telegram refused a {Kind} message ({Code}: {Description}); dropped")]
    private partial void LogRefused(int code, string kind, string description);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Telegram unreachable while sending ({Error}); the reply stays queued")]
    private partial void LogUnreachable(string error);
}
