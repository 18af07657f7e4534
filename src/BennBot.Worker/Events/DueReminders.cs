using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Events;

/// <summary>Reminders that are due become ordinary replies in the outbox (removed in the same transaction), so they
/// are sent like any reply: in the resident's turn, at most once.</summary>
public static class DueReminders
{
    /// <summary>Returns the chats that got a reminder, to be flushed.</summary>
    public static async Task<List<long>> Queue(Database db, ContentSet content, Language fallback, DateTime now)
    {
        var due = db.Read(d => ReminderStore.Due(d, now));
        if (due.Count == 0) return [];
        return await db.Write(d =>
        {
            var told = new List<long>();
            foreach (var r in due)
            {
                ReminderStore.Delete(d, r.Id);
                if (EventStore.Find(d, r.EventId) is not { Status: EventStatus.Published } e || e.LastEndUtc <= now) continue;
                if (ResidentStore.Find(d, r.ResidentId) is not { BlockedBot: false } resident) continue;
                var language = Languages.Find(resident.Language) ?? fallback;
                Outbox.Add(d, r.ResidentId, [EventNotices.Reminder(content, language, e)], now);
                told.Add(r.ResidentId);
            }
            return told;
        });
    }
}
