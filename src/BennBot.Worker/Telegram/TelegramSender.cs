using BennBot.Worker.Conversations;
using BennBot.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BennBot.Worker.Telegram;

public enum Sent
{
    Delivered,
    /// <summary>429: everyone is paused for its retry_after already; the message was not sent.</summary>
    Flood,
    /// <summary>403 (blocked by the user, user deactivated) or 400 "chat not found": the chat cannot be reached; never retried.</summary>
    Gone,
    /// <summary>Any other 4xx: Telegram refuses this message for good (our fault or final).</summary>
    Refused,
    /// <summary>No answer (network, timeout) or a 5xx that outlasted the retries: it may be tried again later.</summary>
    Unreachable,
}

/// <param name="MessageId">Delivered: the id Telegram gave the message (0 for a button answer, which is no message).</param>
/// <param name="Error">Not delivered: the kind of error, for logs (never message text).</param>
/// <param name="Description">Gone or refused: Telegram's description of the error.</param>
public sealed record SendResult(Sent Outcome, int MessageId = 0, int Code = 0, string? Error = null, string? Description = null)
{
    public bool Ok => Outcome == Sent.Delivered;
}

/// <summary>The one place that talks to Telegram for sending (issue 14): queued replies, broadcast messages and the
/// broadcast's progress message all pass here, through <see cref="SendGate"/>, with one rule for Telegram's answers:
/// <list type="bullet">
/// <item>429 pauses every sender for its retry_after (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits);
/// a reply goes again after the pause, a broadcast message goes back in the queue;</item>
/// <item>403 and 400 "chat not found": the chat is gone; any other 4xx: refused for good; neither is retried;</item>
/// <item>5xx, network trouble and timeouts: retried a few times here (see the two pipelines), then left for later.</item>
/// </list>
/// Callers decide what a result means for their data; nothing outside this file catches a Telegram exception.</summary>
public sealed partial class TelegramSender(ITelegramBotClient bot, SendGate gate, TimeProvider time, ILogger<TelegramSender> log)
{
    // A reply that failed in a way that may not have reached Telegram, or that Telegram failed (network, timeout, 5xx),
    // is tried again at once: a resident is waiting, and one reply repeated is harmless. Never a 4xx.
    private readonly ResiliencePipeline _replies = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestException>(e => e is not ApiRequestException { ErrorCode: < 500 }),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
        })
        .Build();

    // A broadcast message is retried here only when it surely did not deliver: Telegram answered with an error, or no
    // connection was made. A timeout may have delivered; it costs the recipient one of its rounds instead.
    private readonly ResiliencePipeline _broadcast = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestException>(e => e is ApiRequestException { ErrorCode: >= 500 }
                || e.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }),
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
        })
        .Build();

    /// <summary>A queued reply; after a 429 it goes again once everyone's pause is over.</summary>
    public async Task<SendResult> Reply(OutboxMessage m, CancellationToken ct)
    {
        while (true)
        {
            var result = await Try(() => _replies.ExecuteAsync(async token =>
            {
                if (m.Kind != OutboxKind.Answer) await gate.WaitAsync(m.ChatId, token); // answering a button press is not a message
                return await Send(m, token);
            }, ct));
            if (result.Outcome != Sent.Flood) return result;
        }
    }

    /// <summary>One part of a broadcast message (a text or a voice message), at a broadcast slot of the gate.</summary>
    public Task<SendResult> Broadcast(long chatId, Reply part, CancellationToken ct) =>
        Try(() => _broadcast.ExecuteAsync(async token =>
        {
            await gate.WaitBulkAsync(chatId, token);
            return part switch
            {
                SendText t => await Text(chatId, t.Html, t.Keyboard, token),
                SendVoice v => await Voice(chatId, v.FileId, v.CaptionHtml is "" ? null : v.CaptionHtml, v.Keyboard, token),
                _ => throw new ArgumentException($"A broadcast sends texts and voice messages, not {part.GetType().Name}", nameof(part)),
            };
        }, ct));

    /// <summary>How long a message to the chat would wait for the chat's own limit now.</summary>
    public TimeSpan ChatWait(long chatId, bool card = false) => gate.ChatWait(chatId, card);

    /// <summary>A message to staff about a broadcast (its progress, its report); best effort, not retried.</summary>
    public Task<SendResult> Post(long chatId, string html, Keyboard? keyboard, CancellationToken ct) => Try(async () =>
    {
        await gate.WaitAsync(chatId, ct);
        return (await bot.SendMessage(chatId, html, ParseMode.Html, replyMarkup: TelegramMarkup.Of(keyboard), cancellationToken: ct)).MessageId;
    });

    /// <summary>Changes a message sent before; "message is not modified" counts as done. A 400 means the message is
    /// gone (deleted by staff).</summary>
    public Task<SendResult> Edit(long chatId, int messageId, string html, Keyboard? keyboard, CancellationToken ct) => Try(async () =>
    {
        await gate.WaitAsync(chatId, ct);
        try
        {
            await bot.EditMessageText(chatId, messageId, html, ParseMode.Html, replyMarkup: TelegramMarkup.Of(keyboard), cancellationToken: ct);
        }
        catch (ApiRequestException e) when (e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
        }
        return messageId;
    });

    private async Task<SendResult> Try(Func<ValueTask<int>> send)
    {
        try
        {
            return new(Sent.Delivered, await send());
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            var wait = TimeSpan.FromSeconds(Math.Clamp(e.Parameters?.RetryAfter ?? 5, 1, 3600));
            LogFlood(wait.TotalSeconds);
            BotMetrics.FloodWaits.Add(1);
            gate.PauseFor(wait);
            return new(Sent.Flood, Code: 429, Error: nameof(ApiRequestException));
        }
        catch (ApiRequestException e) when (e.ErrorCode < 500)
        {
            var gone = e.ErrorCode == 403 || (e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase));
            return new(gone ? Sent.Gone : Sent.Refused, Code: e.ErrorCode, Error: nameof(ApiRequestException), Description: e.Message);
        }
        catch (RequestException e)
        {
            return new(Sent.Unreachable, Code: (e as ApiRequestException)?.ErrorCode ?? 0, Error: e.GetType().Name);
        }
    }

    private async Task<int> Send(OutboxMessage m, CancellationToken ct)
    {
        switch (m.Kind)
        {
            case OutboxKind.Answer:
                await bot.AnswerCallbackQuery(m.QueryId!, m.Notice, cancellationToken: ct);
                return 0;
            case OutboxKind.File:
                return (await bot.SendDocument(m.ChatId, InputFile.FromStream(new MemoryStream(m.File!), m.FileName), m.Html, ParseMode.Html, replyMarkup: TelegramMarkup.Of(m.ReadKeyboard()), cancellationToken: ct)).MessageId;
            case OutboxKind.Photo:
                return (await bot.SendPhoto(m.ChatId, InputFile.FromStream(new MemoryStream(m.File!), m.FileName), m.Html, ParseMode.Html, cancellationToken: ct)).MessageId;
            case OutboxKind.Voice:
                return await Voice(m.ChatId, m.FileName!, m.Html, m.ReadKeyboard(), ct);
            default:
                return await Text(m.ChatId, m.Html!, m.ReadKeyboard(), ct);
        }
    }

    private async Task<int> Text(long chatId, string html, Keyboard? keyboard, CancellationToken ct) =>
        (await bot.SendMessage(chatId, html, ParseMode.Html, replyMarkup: TelegramMarkup.Of(keyboard),
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct)).MessageId;

    private async Task<int> Voice(long chatId, string fileId, string? captionHtml, Keyboard? keyboard, CancellationToken ct) =>
        (await bot.SendVoice(chatId, InputFile.FromFileId(fileId), captionHtml, captionHtml is null ? default : ParseMode.Html,
            replyMarkup: TelegramMarkup.Of(keyboard), cancellationToken: ct)).MessageId;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Telegram asked to slow down: all sending paused for {Seconds} s")]
    private partial void LogFlood(double seconds);
}
