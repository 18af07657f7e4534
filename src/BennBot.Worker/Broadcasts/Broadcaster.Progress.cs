using System.Globalization;
using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Telegram;
using Microsoft.Extensions.Logging;

namespace BennBot.Worker.Broadcasts;

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
        var (b, text) = db.Read(d =>
        {
            var b = BroadcastStore.Find(d, id)!;
            return (b, ProgressText(b, EventStore.Find(d, b.EventId), BroadcastStore.ProgressOf(d, b)));
        });
        var keys = Controls(b);
        if (!final && b.ProgressMessageId is not null && sender.ChatWait(b.ReportChatId) > TimeSpan.FromSeconds(1)) return; // the staff chat is busy: skip this update
        if (b.ProgressMessageId is not { } messageId)
        {
            var posted = await sender.Post(b.ReportChatId, text, keys, ct);
            if (posted.Ok) await db.Write(d => BroadcastStore.Change(d, id, current => current with { ProgressMessageId = posted.MessageId }));
            else LogProgressFailed(id, posted.Error!);
            return;
        }
        var edited = await sender.Edit(b.ReportChatId, messageId, text, keys, ct);
        if (edited is { Outcome: Sent.Refused or Sent.Gone, Code: 400 })
        {
            // The progress message is gone (deleted by staff): start a new one.
            await db.Write(d => BroadcastStore.Change(d, id, current => current with { ProgressMessageId = null }));
            if (!final) return;
        }
        else if (!edited.Ok)
        {
            LogProgressFailed(id, edited.Error!);
            return;
        }
        if (final && await sender.Post(b.ReportChatId, text, keys, ct) is { Ok: false } report) LogProgressFailed(id, report.Error!);
    }

    private string ProgressText(Broadcast b, Event? e, Progress p) => ProgressText(content, StaffLanguage, gate.PerSecond, b, e, p);

    /// <summary>What the progress message says (also the terminal's final report).</summary>
    public static string ProgressText(ContentSet content, Language l, int perSecond, Broadcast b, Event? e, Progress p)
    {
        var title = e?.TitleIn(l.Code) ?? "?";
        if (b.Kind == BroadcastKind.Cancellation) title = content.T(l, "broadcast.kind.cancellation") + ": " + title;
        var minutes = (int)Math.Ceiling(p.Pending / (double)perSecond / 60);
        var state = b.Status switch
        {
            BroadcastStatus.Sending => content.T(l, "broadcast.state.sending", ("minutes", Math.Max(1, minutes))),
            BroadcastStatus.Paused when b is { Problem: BroadcastTransitions.Network, ResumeAt: { } at } => content.T(l, "broadcast.state.retrying", ("time", BerlinTime.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture))),
            BroadcastStatus.Paused when b.Problem == BroadcastTransitions.Network => content.T(l, "broadcast.state.network"),
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
