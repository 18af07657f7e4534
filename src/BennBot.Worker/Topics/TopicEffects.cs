using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Topics;

/// <summary>Topics and their supporters, applied by <see cref="TopicEffectStore"/>.</summary>
public abstract record TopicEffect : Effect
{
    public sealed override void Apply(LiteDatabase db, DateTime now) => TopicEffectStore.Apply(db, this, now);
}

/// <summary>The resident confirmed: the topic is stored (its draft is dropped by an <see cref="EndDialogue"/>). Fails if
/// its number was just taken.</summary>
public sealed record SubmitTopic(Topic Topic) : TopicEffect;

public sealed record SupportTopic(long TopicId, long ResidentId) : TopicEffect;

/// <summary>A staff change to a topic, applied to the stored record inside the transaction (so a "me too" that
/// arrives meanwhile is not lost).</summary>
public sealed record ChangeTopic(long TopicId, Func<Topic, Topic> Change) : TopicEffect;

/// <summary>The team's response to a topic: kept with it and with every topic merged into it, whose residents are told
/// too. A topic merged later does not get it: a response belongs to the residents it was sent to (issue 19).</summary>
public sealed record RespondToTopic(long TopicId, string Response, string Language) : TopicEffect;

/// <summary>Merges a duplicate into another topic: its supporters and its submitter follow.</summary>
public sealed record MergeTopic(long From, long Into) : TopicEffect;
