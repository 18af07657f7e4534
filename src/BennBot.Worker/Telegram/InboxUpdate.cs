using LiteDB;

namespace BennBot.Worker.Telegram;

public enum InboxStatus { New = 0, Done = 1, Parked = 2 }

/// <summary>A received update, saved before getUpdates is told to move past it. The raw JSON is kept only
/// until the update is handled; afterwards only the id remains, to recognise Telegram re-sending it.</summary>
public sealed record InboxUpdate
{
    public const string Collection = "inbox";

    public long Id { get; init; }
    public long ChatKey { get; init; }
    public string? Json { get; init; }
    public InboxStatus Status { get; init; }
    public int Attempts { get; init; }
    public DateTime ReceivedAt { get; init; }
}

public static class Inbox
{
    private static ILiteCollection<InboxUpdate> Updates(LiteDatabase db) => db.GetCollection<InboxUpdate>(InboxUpdate.Collection);

    /// <summary>Saves the updates not seen before and returns them, in update_id order.</summary>
    public static List<InboxUpdate> SaveNew(LiteDatabase db, IEnumerable<InboxUpdate> batch)
    {
        var fresh = new List<InboxUpdate>();
        foreach (var u in batch.OrderBy(u => u.Id))
        {
            if (Updates(db).FindById(u.Id) is not null) continue;
            Updates(db).Insert(u);
            fresh.Add(u);
        }
        return fresh;
    }

    public static InboxUpdate? Find(LiteDatabase db, long id) => Updates(db).FindById(id);

    /// <summary>Saved updates not handled yet that were received before <paramref name="before"/>.</summary>
    public static List<InboxUpdate> Waiting(LiteDatabase db, DateTime before) =>
        Updates(db).Find(u => u.Status == InboxStatus.New && u.ReceivedAt < before).OrderBy(u => u.Id).ToList();

    public static void Close(LiteDatabase db, InboxUpdate u, InboxStatus status) =>
        Updates(db).Update(u with { Status = status, Json = null, ChatKey = 0 });

    public static void CountAttempt(LiteDatabase db, InboxUpdate u) =>
        Updates(db).Update(u with { Attempts = u.Attempts + 1 });

    /// <summary>Telegram re-sends unconfirmed updates for at most 24 hours; ids older than that are not needed.</summary>
    public static int Purge(LiteDatabase db, DateTime before) =>
        Updates(db).DeleteMany(u => u.Status != InboxStatus.New && u.ReceivedAt < before);
}
