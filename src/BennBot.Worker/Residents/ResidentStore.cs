using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Residents;

public static class ResidentStore
{
    private static ILiteCollection<Resident> Residents(LiteDatabase db) => db.GetCollection<Resident>(Resident.Collection);

    public static Resident? Find(LiteDatabase db, long id) => Residents(db).FindById(id);

    /// <summary>Residents who neither started nor wrote since <paramref name="day"/>.</summary>
    public static List<long> SilentSince(LiteDatabase db, DateTime day) =>
        Residents(db).Find(r => r.LastSeen < day && r.FirstSeen < day).Select(r => r.Id).ToList();

    /// <summary>Applies an outcome's change to the resident (call inside a write transaction).</summary>
    public static void Apply(LiteDatabase db, long userId, Outcome outcome)
    {
        if (outcome.DeleteResident) Residents(db).Delete(userId);
        else if (outcome.Save is { } r) Residents(db).Upsert(r);
    }

    /// <summary>Erasure (<see cref="ForgetResident"/>).</summary>
    public static void Forget(LiteDatabase db, ForgetResident f) => Residents(db).Delete(f.ResidentId);

    /// <summary>Notes the day a resident last wrote (at most one write a day per resident).</summary>
    public static void Touch(LiteDatabase db, long userId, DateTime today)
    {
        if (Find(db, userId) is { } r && r.LastSeen < today) Residents(db).Update(r with { LastSeen = today });
    }

    public static void MarkBlocked(LiteDatabase db, Resident r) =>
        Residents(db).Update(r with { BlockedBot = true });
}
