using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Residents;

/// <summary>How many starts came in one way (issue 18, "how residents found BennBot"): one document per way in and
/// area, with no resident id and no time, so a count can never point back at a person.</summary>
public sealed record StartCount
{
    public const string Collection = "start_counts";

    /// <summary>The way in: a plain /start without a (valid) payload.</summary>
    public const string Direct = "direct";

    /// <summary>"{way}:{area}", the area "-" when the link had none.</summary>
    public string Id { get; init; } = "";
    /// <summary><see cref="Direct"/> or the link's target in lower case: home, entry, event, topic, subscribe.</summary>
    public string Way { get; init; } = Direct;
    public string? Area { get; init; }
    public int Starts { get; init; }
    /// <summary>Starts by someone BennBot had no record of yet.</summary>
    public int Newcomers { get; init; }

    public static string IdOf(string way, string? area) => $"{way}:{area ?? "-"}";
}

/// <summary>One more start this way; deliberately without the resident's id.</summary>
public sealed record CountStart(string Way, string? Area, bool Newcomer) : Effect;

public static class StartCountStore
{
    private static ILiteCollection<StartCount> Counts(LiteDatabase db) => db.GetCollection<StartCount>(StartCount.Collection);

    public static List<StartCount> All(LiteDatabase db) => Counts(db).FindAll().ToList();

    public static void Apply(LiteDatabase db, Effect effect)
    {
        if (effect is not CountStart c) return;
        var id = StartCount.IdOf(c.Way, c.Area);
        var count = Counts(db).FindById(id) ?? new StartCount { Id = id, Way = c.Way, Area = c.Area };
        Counts(db).Upsert(count with { Starts = count.Starts + 1, Newcomers = count.Newcomers + (c.Newcomer ? 1 : 0) });
    }
}
