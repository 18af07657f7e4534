using System.Globalization;
using BennBot.Content;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace BennBot.Worker.Telegram;

/// <summary>The broadcast's progress message in the staff chat: sent when sending starts, edited every few seconds
/// (sent / to go / blocked / failed, time left) with pause, resume and cancel buttons, and a final report as a new
/// message so that staff are notified. Best effort: trouble here never stops the broadcast.</summary>
public sealed partial class Broadcaster
{
    private async Task ProgressLoop(long id, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ProgressEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop)) await Report(id, final: false, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Report(long id, bool final, CancellationToken ct)
    {
        try
        {
            var (b, text) = db.Read(d =>
            {
                var b = BroadcastStore.Find(d, id)!;
                return (b, ProgressText(b, EventStore.Find(d, b.EventId), BroadcastStore.ProgressOf(d, b)));
            });
            var keys = TelegramMarkup.Of(Controls(b));
            if (!final && b.ProgressMessageId is not null && gate.ChatWait(b.ReportChatId) > TimeSpan.FromSeconds(1)) return; // the staff chat is busy: skip this update
            await gate.WaitAsync(b.ReportChatId, ct);
            if (b.ProgressMessageId is not { } messageId)
            {
                var sent = await bot.SendMessage(b.ReportChatId, text, ParseMode.Html, replyMarkup: keys, cancellationToken: ct);
                await db.Write(d => { if (BroadcastStore.Find(d, id) is { } current) BroadcastStore.Save(d, current with { ProgressMessageId = sent.MessageId }); });
                return;
            }
            try
            {
                await bot.EditMessageText(b.ReportChatId, messageId, text, ParseMode.Html, replyMarkup: keys, cancellationToken: ct);
            }
            catch (ApiRequestException e) when (e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
            {
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400)
            {
                // The progress message is gone (deleted by staff): start a new one.
                await db.Write(d => { if (BroadcastStore.Find(d, id) is { } current) BroadcastStore.Save(d, current with { ProgressMessageId = null }); });
                if (!final) return;
            }
            if (final)
            {
                await gate.WaitAsync(b.ReportChatId, ct);
                await bot.SendMessage(b.ReportChatId, text, ParseMode.Html, replyMarkup: keys, cancellationToken: ct);
            }
        }
        catch (Exception e) when (e is RequestException or ApiRequestException)
        {
            LogProgressFailed(id, e.GetType().Name);
            if (e is ApiRequestException { ErrorCode: 429 } flood) gate.PauseFor(TelegramErrors.RetryAfter(flood));
        }
    }

    private string ProgressText(Broadcast b, Event? e, Progress p)
    {
        var l = StaffLanguage;
        var title = e?.TitleIn(l.Code) ?? "?";
        if (b.Kind == BroadcastKind.Cancellation) title = content.T(l, "broadcast.kind.cancellation") + ": " + title;
        var minutes = (int)Math.Ceiling(p.Pending / (double)gate.PerSecond / 60);
        var state = b.Status switch
        {
            BroadcastStatus.Sending => content.T(l, "broadcast.state.sending", ("minutes", Math.Max(1, minutes))),
            BroadcastStatus.Paused when b is { Problem: "network", ResumeAt: { } at } => content.T(l, "broadcast.state.retrying", ("time", BerlinTime.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture))),
            BroadcastStatus.Paused when b.Problem == "network" => content.T(l, "broadcast.state.network"),
            BroadcastStatus.Aborted => content.T(l, "broadcast.state.aborted", ("problem", b.Problem ?? "")),
            _ => content.T(l, "broadcast.state." + b.Status.ToString().ToLowerInvariant()),
        };
        return Html.Escape(content.T(l, "broadcast.progress", ("id", b.Id), ("title", title), ("sent", p.Sent), ("pending", p.Pending),
            ("blocked", p.Blocked), ("failed", p.Failed), ("skipped", p.Skipped), ("total", p.Total), ("state", state)));
    }

    private Keyboard? Controls(Broadcast b)
    {
        Button Key(string key, BroadcastOp op) => new(content.T(StaffLanguage, key), new ButtonAction.Control(op, b.Id).Encode());
        return b.Status switch
        {
            BroadcastStatus.Sending => new([[Key("broadcast.button.pause", BroadcastOp.Pause), Key("broadcast.button.cancel", BroadcastOp.Cancel)]]),
            BroadcastStatus.Paused => new([[Key("broadcast.button.resume", BroadcastOp.Resume), Key("broadcast.button.cancel", BroadcastOp.Cancel)]]),
            _ => null,
        };
    }

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Progress of broadcast {Id} could not be shown ({Error})")]
    private partial void LogProgressFailed(long id, string error);
}
