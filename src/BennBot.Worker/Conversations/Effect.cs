using BennBot.Worker.Privacy;
using LiteDB;

namespace BennBot.Worker.Conversations;

/// <summary>A change an outcome asks for besides the resident record; applied in the same transaction. Each effect names
/// the store that applies it (a feature's effects usually through one base record in its folder, like
/// <c>EventEffect</c>), so a new feature's effects need no line in <see cref="OutcomeStore"/> (issue 14).</summary>
public abstract record Effect
{
    /// <summary>Writes the change; called inside the outcome's write transaction.</summary>
    public abstract void Apply(LiteDatabase db, DateTime now);
}

/// <summary>A resident deleted their data (or it expired): everything linking data to them is erased; their topics
/// stay as anonymous content unless <paramref name="DeleteTopics"/>. What is erased, type by type, is each stored
/// type's <see cref="StoredKind.Erase"/>: the privacy registry, not a list here, so a new stored type is erased once
/// it is declared there.</summary>
public sealed record ForgetResident(long ResidentId, bool DeleteTopics = false) : Effect
{
    public override void Apply(LiteDatabase db, DateTime now)
    {
        foreach (var kind in StoredKinds.All) kind.Erase?.Invoke(db, this);
    }
}
