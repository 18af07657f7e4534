using BennBot.Worker.Storage;
using LiteDB;

namespace BennBot.Worker.Events;

public static class EventStore
{
    public static ILiteCollection<Event> Events(LiteDatabase db) => db.GetCollection<Event>(Event.Collection);

    public static Event? Find(LiteDatabase db, long id) => Events(db).FindById(id);

    public static Event? FindByUid(LiteDatabase db, string uid) => Events(db).FindOne(e => e.Uid == uid);

    /// <summary>Published events that have not ended (a series: its last date), soonest first.</summary>
    /// <remarks>The times are parameters: LiteDB keeps every distinct expression text for ever (issue 17).</remarks>
    public static List<Event> Upcoming(LiteDatabase db, DateTime now, TimeSpan within) =>
        Events(db).Find(BsonExpression.Create($"($.{nameof(Event.EndUtc)} > @0 OR $.{nameof(Event.UntilUtc)} > @0) AND $.{nameof(Event.StartUtc)} < @1", now, now + within)).ToList()
            .Where(e => e.Status == EventStatus.Published).OrderBy(e => e.StartUtc).ToList();

    /// <summary>For staff: drafts and published events that have not ended.</summary>
    public static List<Event> NotOver(LiteDatabase db, DateTime now) =>
        Events(db).Find(e => e.EndUtc > now || e.UntilUtc > now || e.Status == EventStatus.Draft).ToList()
            .Where(e => e.Status != EventStatus.Cancelled).OrderBy(e => e.StartUtc).ToList();

    /// <summary>Inserts (Id 0) or updates; returns the saved event.</summary>
    public static Event Save(LiteDatabase db, Event e)
    {
        if (e.Id != 0) { Events(db).Update(e); return e; }
        var id = Sequences.Next(db, Event.Collection, Events(db).Count() == 0 ? 0 : Events(db).Max(x => x.Id));
        var saved = e with { Id = id, Uid = e.Uid.Length > 0 ? e.Uid : $"bennbot-event-{id}@benn-weissensee" };
        Events(db).Insert(saved);
        return saved;
    }
}
