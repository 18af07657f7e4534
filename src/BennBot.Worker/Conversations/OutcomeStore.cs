using BennBot.Worker.Events;
using BennBot.Worker.Learning;
using BennBot.Worker.Residents;
using BennBot.Worker.Team;
using BennBot.Worker.Topics;
using BennBot.Worker.Voice;
using LiteDB;

namespace BennBot.Worker.Conversations;

public static class OutcomeStore
{
    /// <summary>Applies everything an outcome changes (inside one write transaction) and queues its replies.
    /// Returns the chats other than the update's own that got replies.</summary>
    public static HashSet<long> Apply(LiteDatabase db, Incoming incoming, Outcome outcome, DateTime now)
    {
        ResidentStore.Apply(db, incoming.UserId, outcome);
        if (!outcome.DeleteResident && incoming is { UserId: > 0, InStaffChat: false }) ResidentStore.Touch(db, incoming.UserId, now.Date);
        foreach (var effect in outcome.Effects)
        {
            DialogueStore.Apply(db, effect, now);
            TeamStore.Apply(db, effect, now);
            EventEffectStore.Apply(db, effect, now);
            TopicEffectStore.Apply(db, effect, now);
            StartCountStore.Apply(db, effect);
            VoiceStore.Apply(db, effect, now);
            LearningStore.Apply(db, effect);
        }
        return Outbox.Add(db, incoming.ChatId, outcome.Replies, now);
    }

    /// <summary>Erases a resident and everything linked to them, in every feature (their topics stay anonymous).</summary>
    public static void Forget(LiteDatabase db, long residentId, DateTime now)
    {
        var forget = new ForgetResident(residentId);
        DialogueStore.Apply(db, forget, now);
        TeamStore.Apply(db, forget, now);
        EventEffectStore.Apply(db, forget, now);
        TopicEffectStore.Apply(db, forget, now);
        VoiceStore.Apply(db, forget, now);
        ResidentStore.Apply(db, residentId, new Outcome([], DeleteResident: true));
    }
}
