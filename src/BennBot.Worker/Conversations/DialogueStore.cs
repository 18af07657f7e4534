using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;
using BennBot.Worker.Voice;
using LiteDB;

namespace BennBot.Worker.Conversations;

/// <summary>Everything a user has open, in one record (issue 14): the wait for a question to the team (until when), the
/// topic being shared (its draft, kept while paused) and, for staff, the event desk (its session). They are kept side by
/// side because a paused topic outlives the question to the team that paused it, and a staff member's desk in the
/// private chat outlives a topic they open meanwhile; <see cref="Dialogue.Of"/> decides from them which one is open.</summary>
public sealed record DialogueRecord
{
    public const string Collection = "dialogues";

    /// <summary>Telegram user id.</summary>
    public long Id { get; init; }
    /// <summary>"Ask the team" was tapped: the next text or voice message until then goes to the team.</summary>
    public DateTime? AskingTeamUntil { get; init; }
    /// <summary>Kept for <see cref="TopicStore.DraftKept"/> since its last step.</summary>
    public TopicDraft? Topic { get; init; }
    /// <summary>Kept for <see cref="EventDesk.SessionIdle"/> since its last step.</summary>
    public DeskSession? Desk { get; init; }

    public bool IsEmpty => AskingTeamUntil is null && Topic is null && Desk is null;
}

public enum DialogueKind { AskingTeam, Topic, Desk, All }

/// <summary>Dialogues, applied by <see cref="DialogueStore"/>.</summary>
public abstract record DialogueEffect : Effect
{
    public override void Apply(LiteDatabase db, DateTime now) => DialogueStore.Apply(db, this, now);
}

/// <summary>Opens a dialogue or records its next step (a new draft or session, a new wait); the user's other dialogues
/// stay as they are.</summary>
public sealed record SaveDialogue(long UserId, Dialogue Dialogue) : DialogueEffect;

/// <summary>Ends one of the user's dialogues, or all of them (/cancel).</summary>
public sealed record EndDialogue(long UserId, DialogueKind Kind) : DialogueEffect
{
    public override void Apply(LiteDatabase db, DateTime now)
    {
        base.Apply(db, now);
        // The voice desk's recording session is not a part of the record yet, but ends with the event desk and with /cancel.
        if (Kind is DialogueKind.Desk or DialogueKind.All) VoiceStore.EndSession(db, UserId);
    }
}

/// <summary>The one store of dialogues: read once per update, changed by <see cref="SaveDialogue"/> and
/// <see cref="EndDialogue"/>, emptied by /delete and expiry.</summary>
public static partial class DialogueStore
{
    private static ILiteCollection<DialogueRecord> Records(LiteDatabase db) => db.GetCollection<DialogueRecord>(DialogueRecord.Collection);

    public static DialogueRecord? Read(Database db, long userId) => db.Read(d => Find(d, userId));

    public static DialogueRecord? Find(LiteDatabase db, long userId) => Records(db).FindById(userId);

    /// <summary>Applies a dialogue effect of an outcome, inside its write transaction.</summary>
    public static void Apply(LiteDatabase db, DialogueEffect effect, DateTime now)
    {
        switch (effect)
        {
            case SaveDialogue { Dialogue: Dialogue.AskingTeam a } s:
                Change(db, s.UserId, r => r with { AskingTeamUntil = a.Until });
                break;
            case SaveDialogue { Dialogue: Dialogue.Topic t } s:
                Change(db, s.UserId, r => r with { Topic = t.Draft with { UpdatedAt = now } });
                break;
            case SaveDialogue { Dialogue: Dialogue.Desk d } s:
                Change(db, s.UserId, r => r with { Desk = d.Session });
                break;
            case EndDialogue { Kind: DialogueKind.All } e:
                Records(db).Delete(e.UserId);
                break;
            case EndDialogue e:
                Change(db, e.UserId, r => e.Kind switch
                {
                    DialogueKind.AskingTeam => r with { AskingTeamUntil = null },
                    DialogueKind.Topic => r with { Topic = null },
                    _ => r with { Desk = null },
                });
                break;
        }
    }

    /// <summary>Erasure (<see cref="ForgetResident"/>).</summary>
    public static void Forget(LiteDatabase db, ForgetResident f) => Records(db).Delete(f.ResidentId);

    /// <summary>Opens the event desk on a draft made in the same transaction (<see cref="OpenDraft"/>).</summary>
    public static void OpenDesk(LiteDatabase db, DeskSession session) => Change(db, session.Id, r => r with { Desk = session });

    private static void Change(LiteDatabase db, long userId, Func<DialogueRecord, DialogueRecord> change)
    {
        var changed = change(Find(db, userId) ?? new DialogueRecord { Id = userId });
        if (changed.IsEmpty) Records(db).Delete(userId);
        else Records(db).Upsert(changed);
    }

    /// <summary>Topic drafts last changed before <paramref name="before"/> (retention drops them and tells the resident).</summary>
    public static List<TopicDraft> TopicsBefore(LiteDatabase db, DateTime before) =>
        Records(db).FindAll().Where(r => r.Topic?.UpdatedAt < before).Select(r => r.Topic!).ToList();

    public static void EndTopic(LiteDatabase db, long userId) => Change(db, userId, r => r with { Topic = null });

    /// <summary>Drops event desks nobody touched since <paramref name="deskBefore"/> and waits for a question that ended
    /// before <paramref name="now"/>. Returns how many records changed.</summary>
    public static int DropExpired(LiteDatabase db, DateTime deskBefore, DateTime now)
    {
        // Few records (only open dialogues): read them all rather than trust LiteDB with nulls in a nested query.
        var expired = Records(db).FindAll().Where(r => r.Desk?.UpdatedAt < deskBefore || r.AskingTeamUntil < now).ToList();
        foreach (var r in expired)
            Change(db, r.Id, x => x with { Desk = x.Desk is { } d && d.UpdatedAt < deskBefore ? null : x.Desk, AskingTeamUntil = x.AskingTeamUntil < now ? null : x.AskingTeamUntil });
        return expired.Count;
    }

    /// <summary>How many users have this kind of dialogue stored (for tests and checks; expired ones count too).</summary>
    public static int Count(LiteDatabase db, DialogueKind kind) => kind switch
    {
        DialogueKind.AskingTeam => Records(db).FindAll().Count(r => r.AskingTeamUntil is not null),
        DialogueKind.Topic => Records(db).FindAll().Count(r => r.Topic is not null),
        DialogueKind.Desk => Records(db).FindAll().Count(r => r.Desk is not null),
        _ => Records(db).Count(),
    };
}
