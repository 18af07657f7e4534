using System.Text.Json;
using BennBot.Worker.Conversations;
using BennBot.Worker.Hosting;
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

/// <summary>Our own getUpdates loop (Telegram.Bot's ReceiveAsync acknowledges an update before its handler runs
/// and handles one chat at a time). Each batch is saved before the next call's offset acknowledges it; a
/// re-sent update_id is recognised and skipped.</summary>
public sealed partial class UpdatePoller(
    ITelegramBotClient bot, Database db, UpdateWorkers workers, BotProfile profile, BennBotOptions options,
    BotStatus status, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<UpdatePoller> log) : BackgroundService
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var backoff = Backoff();
        BotIdentity identity;
        try
        {
            var me = await backoff.ExecuteAsync(async t => await bot.GetMe(t), ct);
            identity = new BotIdentity(me.Id, me.Username ?? options.BotUsername);
            await backoff.ExecuteAsync(async t => await bot.DeleteWebhook(cancellationToken: t), ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
        {
            LogBadToken(e.ErrorCode);
            Environment.ExitCode = ExitCodes.NotConfigured;
            lifetime.StopApplication();
            return;
        }

        // The "/" menu and the descriptions (24 calls) while residents are already answered, not before (issue 11: cold start).
        var registering = profile.Register(ct);
        var running = workers.Run(identity, ct);
        foreach (var chat in db.Read(Outbox.ChatsWithPending)) await workers.EnqueueFlush(chat, ct);
        foreach (var waiting in db.Read(d => Inbox.Waiting(d, DateTime.MaxValue))) await workers.Enqueue(waiting.Id, waiting.ChatKey, ct);

        var offset = 0;
        while (!ct.IsCancellationRequested)
        {
            var updates = await backoff.ExecuteAsync(async t =>
                await bot.GetUpdates(offset, 100, (int)TelegramClient.PollTimeout.TotalSeconds, Wanted, t), ct);
            status.Polled(time.GetUtcNow());
            if (updates.Length == 0) continue;
            var now = time.GetUtcNow().UtcDateTime;
            var rows = updates.Select(u => new InboxUpdate
            {
                Id = u.Id, ChatKey = UpdateMapper.ChatKey(u), Json = JsonSerializer.Serialize(u, JsonBotAPI.Options), ReceivedAt = now,
            });
            List<InboxUpdate> fresh;
            try { fresh = await db.Write(d => Inbox.SaveNew(d, rows)); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Disk full, file not writable: keep the offset, so Telegram sends the batch again once it is fixed.
                LogCannotSave(e, updates.Length);
                await Task.Delay(TimeSpan.FromSeconds(5), time, ct);
                continue;
            }
            offset = updates.Max(u => u.Id) + 1; // acknowledged by the next call, after the batch is saved
            foreach (var u in fresh) await workers.Enqueue(u.Id, u.ChatKey, ct);
        }
        await running;
        await registering;
    }

    // Network errors, 5xx, 409 (another poller or a webhook), 429: wait and try again, for as long as it takes.
    private ResiliencePipeline Backoff() => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestException>(e => e is not ApiRequestException { ErrorCode: 401 or 404 }),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            DelayGenerator = static args => new ValueTask<TimeSpan?>(args.Outcome.Exception is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: int s }
                ? TimeSpan.FromSeconds(Math.Min(s, 300)) : null),
            OnRetry = args =>
            {
                if (args.Outcome.Exception is ApiRequestException { ErrorCode: 409 }) LogConflict(args.RetryDelay.TotalSeconds);
                else LogRetry(args.Outcome.Exception is ApiRequestException api ? api.ErrorCode.ToString() : args.Outcome.Exception?.GetType().Name ?? "?", args.RetryDelay.TotalSeconds);
                return default;
            },
        })
        .Build();

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Telegram Bot API call failed ({Error}); trying again in {Seconds:0.#} s")]
    private partial void LogRetry(string error, double seconds);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Telegram says another process polls with this bot token (409 Conflict); trying again in {Seconds:0.#} s. Run one BennBot per token.")]
    private partial void LogConflict(double seconds);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Could not save {Count} received updates; they stay unacknowledged and come again")]
    private partial void LogCannotSave(Exception e, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Critical, Message = "Telegram refused the bot token ({Code}). Check BennBot__Telegram__Token (from @BotFather).")]
    private partial void LogBadToken(int code);
}
