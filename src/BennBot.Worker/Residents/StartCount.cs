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
    /// <summary><see cref="Starts"/> and <see cref="Newcomers"/> when staff last marked a report (0 before any), so
    /// /stats can tell "since the last report" without a date on any single start.</summary>
    public int StartsAtMark { get; init; }
    public int NewcomersAtMark { get; init; }

    public static string IdOf(string way, string? area) => $"{way}:{area ?? "-"}";
}

/// <summary>Start counts, applied by <see cref="StartCountStore"/>.</summary>
public abstract record StartCountEffect : Effect
{
    public sealed override void Apply(LiteDatabase db, DateTime now) => StartCountStore.Apply(db, this);
}

/// <summary>One more start this way; deliberately without the resident's id.</summary>
public sealed record CountStart(string Way, string? Area, bool Newcomer) : StartCountEffect;

/// <summary>Staff gave the figures to a report on <see cref="Day"/> (Berlin date): from now on /stats also counts anew.</summary>
public sealed record MarkStartsReported(DateTime Day) : StartCountEffect;

/// <summary>The one date kept about start counts: the day of the last report (issue 18). One document, Id 1.</summary>
public sealed record StartCountMark
{
    public const string Collection = "start_count_mark";
    public int Id { get; init; } = 1;
    public DateTime Day { get; init; }
}

public static class StartCountStore
{
    private static ILiteCollection<StartCount> Counts(LiteDatabase db) => db.GetCollection<StartCount>(StartCount.Collection);

    private static ILiteCollection<StartCountMark> Marks(LiteDatabase db) => db.GetCollection<StartCountMark>(StartCountMark.Collection);

    public static List<StartCount> All(LiteDatabase db) => Counts(db).FindAll().ToList();

    /// <summary>The day of the last report, or null before the first.</summary>
    public static DateTime? MarkedOn(LiteDatabase db) => Marks(db).FindById(1)?.Day;

    public static void Apply(LiteDatabase db, StartCountEffect effect)
    {
        switch (effect)
        {
            case CountStart c:
                var id = StartCount.IdOf(c.Way, c.Area);
                var count = Counts(db).FindById(id) ?? new StartCount { Id = id, Way = c.Way, Area = c.Area };
                Counts(db).Upsert(count with { Starts = count.Starts + 1, Newcomers = count.Newcomers + (c.Newcomer ? 1 : 0) });
                break;
            case MarkStartsReported m:   // in the update's transaction: the figures and the date move together
                foreach (var each in All(db))
                    Counts(db).Update(each with { StartsAtMark = each.Starts, NewcomersAtMark = each.Newcomers });
                Marks(db).Upsert(new StartCountMark { Day = DateTime.SpecifyKind(m.Day.Date, DateTimeKind.Utc) });
                break;
        }
    }
}
