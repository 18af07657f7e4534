using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;

namespace BennBot.Tests.EndToEnd;

/// <summary>Puts events and subscribed residents straight into a database, for tests about delivery rather than the dialogue.</summary>
public static class EventSeeds
{
    public static Event Cafe(DateTime startUtc, string title = "Kiezcafé") => new()
    {
        Title = new() { ["de"] = title }, Description = new() { ["de"] = "Für alle Nachbarinnen und Nachbarn." },
        StartUtc = startUtc, EndUtc = startUtc.AddHours(2), Area = "buehring", Kind = EventKind.Cafe, Status = EventStatus.Published, CreatedAt = DateTime.UtcNow,
    };

    public static Task<Event> Subscribers(Database db, IEnumerable<long> residents, Event e, string language = "en") => db.Write(d =>
    {
        foreach (var id in residents)
            ResidentStore.Apply(d, id, new Outcome([], Save: new Resident { Id = id, Language = language, LanguageChosen = true, Subscribed = true, FirstSeen = DateTime.UtcNow.Date }));
        return EventStore.Save(d, e);
    });

    /// <summary>Queues the announcement to all subscribers now, as staff pressing "send now" do.</summary>
    public static Task Announce(Database db, Event e, long reportChat) =>
        db.Write(d => EventEffectStore.Apply(d, new QueueAnnouncement(e.Id, new Segment(), DateTime.UtcNow, reportChat), DateTime.UtcNow));

    public static Broadcast Latest(Database db) => db.Read(d => BroadcastStore.Broadcasts(d).FindAll().OrderByDescending(b => b.Id).First());
}
