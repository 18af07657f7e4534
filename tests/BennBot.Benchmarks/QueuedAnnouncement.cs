using System.Diagnostics;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;

/// <summary>Prepares a database file for a broadcast benchmark: subscribers (Arabic, language chosen, no areas or
/// kinds chosen) and an event three days ahead whose announcement to everyone is queued as staff would queue it, so
/// the bot starts the broadcast within a second of starting. Measures only how long storing took.</summary>
public static class QueuedAnnouncement
{
    /// <summary>The staff chat the broadcast's progress is reported to (a group: 20 edits a minute at most).</summary>
    public const long ReportChat = -100500;

    public static async Task<TimeSpan> Seed(string databasePath, IReadOnlyCollection<long> subscribers)
    {
        using var db = new Database(databasePath);
        var seeded = Stopwatch.StartNew();
        await db.Write(d =>
        {
            d.GetCollection<Resident>(Resident.Collection).InsertBulk(subscribers.Select(id =>
                new Resident { Id = id, Language = "ar", LanguageChosen = true, Subscribed = true, FirstSeen = DateTime.UtcNow.Date }));
            var e = EventStore.Save(d, new Event
            {
                Title = new() { ["de"] = "Kiezcafé", ["ar"] = "مقهى الحي" }, Description = new() { ["de"] = "Für alle." },
                StartUtc = DateTime.UtcNow.AddDays(3), EndUtc = DateTime.UtcNow.AddDays(3).AddHours(2), Area = "buehring", Kind = EventKind.Cafe,
                Status = EventStatus.Published,
            });
            EventEffectStore.Apply(d, new QueueAnnouncement(e.Id, new Segment(), DateTime.UtcNow, ReportChat), DateTime.UtcNow);
        });
        return seeded.Elapsed;
    }
}
