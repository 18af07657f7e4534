using LiteDB;

namespace BennBot.Worker.Storage;

/// <summary>Numbers that are never given out twice (events, topics), even after the newest was deleted — so that
/// an old button or a "#T12" in the staff chat can never point at something else.</summary>
public static class Sequences
{
    public const string Collection = "sequences";

    internal sealed record Counter
    {
        public string Id { get; init; } = "";
        public long Last { get; init; }
    }

    /// <summary>The number <see cref="Next"/> will give (for showing it before the write).</summary>
    public static long Peek(LiteDatabase db, string name, long highestInUse) =>
        Math.Max(db.GetCollection<Counter>(Collection).FindById(name)?.Last ?? 0, highestInUse) + 1;

    /// <summary>Takes the next number (call inside a write transaction).</summary>
    public static long Next(LiteDatabase db, string name, long highestInUse)
    {
        var next = Peek(db, name, highestInUse);
        db.GetCollection<Counter>(Collection).Upsert(new Counter { Id = name, Last = next });
        return next;
    }
}
