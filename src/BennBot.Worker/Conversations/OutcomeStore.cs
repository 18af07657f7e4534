using BennBot.Worker.Residents;
using LiteDB;

namespace BennBot.Worker.Conversations;

public static class OutcomeStore
{
    /// <summary>Applies everything an outcome changes (inside one write transaction) and queues its replies.
    /// Returns the chats other than the update's own that got replies. Each effect knows its store
    /// (<see cref="Effect.Apply"/>), so a new feature adds no line here.</summary>
    public static HashSet<long> Apply(LiteDatabase db, Incoming incoming, Outcome outcome, DateTime now)
    {
        ResidentStore.Apply(db, incoming.UserId, outcome);
        if (!outcome.DeleteResident && incoming is { UserId: > 0, InStaffChat: false }) ResidentStore.Touch(db, incoming.UserId, now.Date);
        foreach (var effect in outcome.Effects) effect.Apply(db, now);
        return Outbox.Add(db, incoming.ChatId, outcome.Replies, now);
    }

    /// <summary>Erases a resident and everything linked to them, in every feature (their topics stay anonymous): what
    /// each stored type erases is its entry in <see cref="Privacy.StoredKinds"/>.</summary>
    public static void Forget(LiteDatabase db, long residentId, DateTime now) => new ForgetResident(residentId).Apply(db, now);
}
