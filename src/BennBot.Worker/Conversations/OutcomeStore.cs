using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Team;
using LiteDB;

namespace BennBot.Worker.Conversations;

public static class OutcomeStore
{
    /// <summary>Applies everything an outcome changes (inside one write transaction) and queues its replies.
    /// Returns the chats other than the update's own that got replies.</summary>
    public static HashSet<long> Apply(LiteDatabase db, Incoming incoming, Outcome outcome, DateTime now)
    {
        ResidentStore.Apply(db, incoming.UserId, outcome);
        foreach (var effect in outcome.Effects)
        {
            TeamStore.Apply(db, effect, now);
            EventEffectStore.Apply(db, effect, now);
        }
        return Outbox.Add(db, incoming.ChatId, outcome.Replies, now);
    }
}
