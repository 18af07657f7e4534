using LiteDB;

namespace BennBot.Worker.Events;

/// <summary>"Remind me": one resident, one event, when. Deleted when the reminder is queued for sending (in the
/// same transaction), when the event is cancelled, or when the resident deletes their data.</summary>
public sealed record Reminder
{
    public const string Collection = "reminders";

    /// <summary>"{event}:{resident}": one reminder per resident and event (asking again moves it).</summary>
    public string Id { get; init; } = "";
    public long EventId { get; init; }
    public long ResidentId { get; init; }
    public DateTime DueUtc { get; init; }

    public static string IdOf(long eventId, long residentId) => $"{eventId}:{residentId}";
}

public static class ReminderStore
{
    public static ILiteCollection<Reminder> Reminders(LiteDatabase db) => db.GetCollection<Reminder>(Reminder.Collection);

    public static List<Reminder> OfEvent(LiteDatabase db, long eventId) => Reminders(db).Find(r => r.EventId == eventId).ToList();

    public static List<Reminder> OfResident(LiteDatabase db, long residentId) => Reminders(db).Find(r => r.ResidentId == residentId).ToList();

    public static void Delete(LiteDatabase db, string id) => Reminders(db).Delete(id);

    // Runs every second: with the time written into the text (Query.LTE) LiteDB compiled and kept a new expression each
    // time (issue 17); as a parameter the text stays the same.
    public static List<Reminder> Due(LiteDatabase db, DateTime now, int max = 200) =>
        Reminders(db).Find(BsonExpression.Create($"$.{nameof(Reminder.DueUtc)} <= @0", now), limit: max).ToList();
}
