using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Hosting;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Terminal;

/// <summary>The delivery engine's work in the terminal, where no Telegram is (the running bot's
/// <see cref="Broadcaster"/> does this against Telegram): due reminders are queued, due scheduled broadcasts start, and
/// every recipient of a broadcast that is sending gets the notice in their chat's outbox, which that chat's terminal
/// shows; then the broadcast is done and its report goes to where staff watch it. All at once: nothing leaves the
/// machine, so there are no rate limits and nothing is in flight.</summary>
public static class TerminalDelivery
{
    public static async Task Run(Database db, App app, DateTime now)
    {
        var (content, staffLanguage) = (app.Content, app.Options.DefaultLanguage);
        await DueReminders.Queue(db, content, staffLanguage, now);
        foreach (var open in db.Read(BroadcastStore.Open).Where(b => b.Status == BroadcastStatus.Sending || (b.Status == BroadcastStatus.Scheduled && b.ScheduledFor <= now)))
            await db.Write(d =>
            {
                var b = open.Status == BroadcastStatus.Scheduled ? BroadcastStore.StartScheduled(d, open.Id, now) : BroadcastStore.Find(d, open.Id);
                if (b is not { Status: BroadcastStatus.Sending }) return false;
                if (EventStore.Find(d, b.EventId) is not { } e)
                {
                    BroadcastStore.Change(d, b.Id, x => BroadcastTransitions.Cancel(x, now));
                    return false;
                }
                while (BroadcastStore.Claim(d, b.Id) is { } delivery)
                {
                    var language = BroadcastStore.LanguageFor(b, ResidentStore.Find(d, delivery.ChatId), staffLanguage);
                    if (language is not null) Outbox.Add(d, delivery.ChatId, EventNotices.Of(b.Kind, content, language, e), now);
                    BroadcastStore.Save(d, delivery.With(language is null ? DeliveryStatus.Skipped : DeliveryStatus.Sent));
                }
                var done = BroadcastStore.Change(d, b.Id, x => BroadcastTransitions.Finish(x, now))!;
                var report = Broadcaster.ProgressText(content, staffLanguage, app.Options.MessagesPerSecond, done, e, BroadcastStore.ProgressOf(d, done));
                Outbox.Add(d, done.ReportChatId, [new SendText(report)], now);
                return true;
            });
    }
}
