using BennBot.Content;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using LiteDB;

namespace BennBot.Worker.Broadcasts;

/// <summary>What <see cref="BroadcastStore.RequeueInFlight"/> did: recipients queued again, and recipients cut off a
/// second time that count as sent.</summary>
public sealed record CutOffs(int Again, int CountedAsSent);

public sealed record Progress(int Total, int Sent, int Pending, int Blocked, int Failed, int Skipped);

public static class BroadcastStore
{
    public static ILiteCollection<Broadcast> Broadcasts(LiteDatabase db) => db.GetCollection<Broadcast>(Broadcast.Collection);
    public static ILiteCollection<Delivery> Deliveries(LiteDatabase db) => db.GetCollection<Delivery>(Delivery.Collection);

    public static Broadcast? Find(LiteDatabase db, long id) => Broadcasts(db).FindById(id);

    public static void Save(LiteDatabase db, Broadcast b) => Broadcasts(db).Update(b);

    public static Delivery? FindDelivery(LiteDatabase db, string id) => Deliveries(db).FindById(id);

    /// <summary>What was sent (or tried) to this chat, for /mydata.</summary>
    public static List<Delivery> DeliveriesTo(LiteDatabase db, long chatId) => Deliveries(db).Find(d => d.ChatId == chatId).ToList();

    public static List<Broadcast> Open(LiteDatabase db) =>
        Broadcasts(db).Find(b => b.Status == BroadcastStatus.Scheduled || b.Status == BroadcastStatus.Sending || b.Status == BroadcastStatus.Paused)
            .OrderBy(b => b.Id).ToList();

    public static List<Broadcast> OfEvent(LiteDatabase db, long eventId) => Broadcasts(db).Find(b => b.EventId == eventId).ToList();

    /// <summary>Starts a broadcast: fixes its recipients (one pending delivery each) in the same transaction.</summary>
    public static Broadcast Start(LiteDatabase db, Broadcast b, IReadOnlyCollection<long> recipients, DateTime now)
    {
        var started = BroadcastTransitions.Start(b, recipients.Count, now);
        Deliveries(db).InsertBulk(recipients.Select(chat => Delivery.Of(b.Id, chat)));
        Broadcasts(db).Update(started);
        return started;
    }

    // The key is a parameter, never part of the expression text: LiteDB 5.0.21 compiles every distinct text once and
    // keeps it for ever, and Query.EQ writes the value into the text (issue 17).
    private static BsonExpression InQueue(long broadcastId, DeliveryStatus status) =>
        BsonExpression.Create($"$.{nameof(Delivery.Queue)} = @0", Delivery.QueueKey(broadcastId, status));

    public static List<Delivery> NextPending(LiteDatabase db, long broadcastId, int count) =>
        Deliveries(db).Find(InQueue(broadcastId, DeliveryStatus.Pending), limit: count).ToList();

    public static int Count(LiteDatabase db, long broadcastId, DeliveryStatus status) =>
        Deliveries(db).Count(InQueue(broadcastId, status));

    public static Progress ProgressOf(LiteDatabase db, Broadcast b) => new(b.Total,
        Count(db, b.Id, DeliveryStatus.Sent), Count(db, b.Id, DeliveryStatus.Pending) + Count(db, b.Id, DeliveryStatus.InFlight),
        Count(db, b.Id, DeliveryStatus.Blocked), Count(db, b.Id, DeliveryStatus.Failed), Count(db, b.Id, DeliveryStatus.Skipped));

    public static void Save(LiteDatabase db, Delivery d) => Deliveries(db).Update(d);

    /// <summary>Takes the next pending recipient and saves it as in flight before anything is sent (call inside a write).</summary>
    public static Delivery? Claim(LiteDatabase db, long broadcastId)
    {
        if (NextPending(db, broadcastId, 1) is not [var next]) return null;
        var claimed = next.With(DeliveryStatus.InFlight);
        Save(db, claimed);
        return claimed;
    }

    /// <summary>A scheduled broadcast whose time has come: started with its recipients fixed now, or cancelled when its
    /// event is no longer published or is over (call inside a write). Null when it did not start.</summary>
    public static Broadcast? StartScheduled(LiteDatabase db, long id, DateTime now)
    {
        if (Find(db, id) is not { Status: BroadcastStatus.Scheduled } current) return null;
        if (EventStore.Find(db, current.EventId) is not { Status: EventStatus.Published } e || e.LastEndUtc <= now)
        {
            Change(db, id, x => BroadcastTransitions.Cancel(x, now));
            return null;
        }
        return Start(db, current, Recipients(db, e, current.Segment), now);
    }

    /// <summary>The language a recipient gets the broadcast in, or null when it is not sent to them (gone, blocked the
    /// bot, or unsubscribed from announcements; a cancellation goes to everyone who was told, subscribed or not).</summary>
    public static Language? LanguageFor(Broadcast b, Resident? resident, Language fallback)
    {
        var wanted = b.Kind == BroadcastKind.Cancellation || resident?.Subscribed == true;
        if (resident is null || resident.BlockedBot || !wanted) return null;
        return Languages.Find(resident.Language) ?? fallback;
    }

    /// <summary>Puts a broadcast's failed recipients (those an outage hit) back in the queue for exactly one more round.</summary>
    public static void RetryFailed(LiteDatabase db, long broadcastId)
    {
        foreach (var d in Deliveries(db).Find(InQueue(broadcastId, DeliveryStatus.Failed)).ToList())
            Deliveries(db).Update((d with { Attempts = BroadcastTransitions.MaxAttempts - 1 }).With(DeliveryStatus.Pending));
    }

    /// <summary>Recipients left in flight when no sender runs (a crash, an error): nobody knows whether the send reached
    /// Telegram. The first time, the recipient goes back in the queue (one more copy at most); the second time, it counts
    /// as sent, so that nobody gets a third copy. Of all broadcasts, or of one.</summary>
    public static CutOffs RequeueInFlight(LiteDatabase db, long? broadcastId = null)
    {
        var stuck = (broadcastId is { } id ? Deliveries(db).Find(InQueue(id, DeliveryStatus.InFlight)) : Deliveries(db).Find(d => d.Status == DeliveryStatus.InFlight)).ToList();
        foreach (var d in stuck) Deliveries(db).Update(CutOff(d));
        var again = stuck.Count(d => d.CutOff == 0);
        return new(again, stuck.Count - again);
    }

    /// <summary>A send that may or may not have reached Telegram: queued again the first time, counted as sent the second.</summary>
    public static Delivery CutOff(Delivery d) =>
        d.CutOff == 0 ? (d with { CutOff = 1 }).With(DeliveryStatus.Pending) : (d with { CutOff = 2 }).With(DeliveryStatus.Sent);

    /// <summary>The residents who receive an announcement of <paramref name="e"/>: subscribed, not blocked, whose
    /// chosen areas and kinds include the event's, and inside the staff's segment.</summary>
    /// <remarks>Residents an earlier announcement of the same event already reached are left out.</remarks>
    public static List<long> Recipients(LiteDatabase db, Event e, Segment segment)
    {
        var told = AnnouncedTo(db, e.Id);
        return db.GetCollection<Resident>(Resident.Collection).Find(r => r.Subscribed && !r.BlockedBot).ToList()
            .Where(r => Wants(r, e) && InSegment(r, segment) && !told.Contains(r.Id)).Select(r => r.Id).ToList();
    }

    /// <summary>Residents an announcement of the event reached, or may have reached (in flight at a crash or a cancellation).</summary>
    private static HashSet<long> AnnouncedTo(LiteDatabase db, long eventId) =>
        OfEvent(db, eventId).Where(b => b.Kind == BroadcastKind.Announcement)
            .SelectMany(b => new[] { DeliveryStatus.Sent, DeliveryStatus.InFlight }.SelectMany(s => Deliveries(db).Find(InQueue(b.Id, s))))
            .Select(d => d.ChatId).ToHashSet();

    /// <summary>Everyone who was told about the event (an announcement reached them) or asked for a reminder.</summary>
    public static List<long> ToldAbout(LiteDatabase db, long eventId)
    {
        var told = AnnouncedTo(db, eventId);
        var reminded = ReminderStore.OfEvent(db, eventId).Select(r => r.ResidentId);
        var residents = db.GetCollection<Resident>(Resident.Collection);
        return told.Concat(reminded).Distinct().Where(id => residents.FindById(id) is { BlockedBot: false }).ToList();
    }

    /// <summary>Forgets who received the broadcasts of events that ended before <paramref name="before"/> (the chat
    /// ids are needed only to tell them of a cancellation, and to not announce an event twice).</summary>
    public static int ForgetRecipients(LiteDatabase db, DateTime before)
    {
        var ended = Broadcasts(db).FindAll().ToList().Where(b => EventStore.Find(db, b.EventId) is not { } e || e.EndUtc < before).ToList();
        // A broadcast left paused past its event will never be resumed: it is closed with its recipients forgotten.
        foreach (var open in ended.Where(b => b.IsOpen)) Change(db, open.Id, b => BroadcastTransitions.Cancel(b, DateTime.UtcNow));
        var keys = new BsonArray(ended.SelectMany(b => Enum.GetValues<DeliveryStatus>().Select(s => new BsonValue(Delivery.QueueKey(b.Id, s)))));
        return keys.Count == 0 ? 0 : Deliveries(db).DeleteMany(BsonExpression.Create($"$.{nameof(Delivery.Queue)} IN @0", keys));
    }

    public static bool Wants(Resident r, Event e) =>
        (r.InterestAreas.Count == 0 || r.InterestAreas.Contains(e.Area)) && (r.InterestKinds.Count == 0 || r.InterestKinds.Contains(e.Kind));

    private static bool InSegment(Resident r, Segment s) =>
        (s.Languages.Count == 0 || s.Languages.Contains(r.Language))
        && (s.Areas.Count == 0 || r.InterestAreas.Count == 0 || r.InterestAreas.Intersect(s.Areas).Any());

    public static Broadcast Add(LiteDatabase db, Broadcast b) => b with { Id = Broadcasts(db).Insert(b).AsInt64 };

    /// <summary>Applies one of the <see cref="BroadcastTransitions"/> to the broadcast as stored now (call inside a
    /// write); returns the changed broadcast, or null when it is gone or the transition does not apply.</summary>
    public static Broadcast? Change(LiteDatabase db, long id, Func<Broadcast, Broadcast?> transition)
    {
        if (Find(db, id) is not { } current || transition(current) is not { } changed) return null;
        Broadcasts(db).Update(changed);
        return changed;
    }
}
