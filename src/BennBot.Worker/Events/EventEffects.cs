using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Events;

/// <summary>Events, reminders and broadcasts, applied by <see cref="EventEffectStore"/>.</summary>
public abstract record EventEffect : Effect
{
    public sealed override void Apply(LiteDatabase db, DateTime now) => EventEffectStore.Apply(db, this, now);
}

/// <summary>"Remind me" (replaces an earlier reminder for the same event).</summary>
public sealed record SetReminder(long EventId, long ResidentId, DateTime DueUtc) : EventEffect;

/// <summary>A staff member starts a new event: an empty draft and their desk session pointing at it.</summary>
public sealed record OpenDraft(long StaffId, long ChatId) : EventEffect;

public sealed record SaveEvent(Event Event) : EventEffect;

/// <summary>Publishes the event and queues its announcement for <see cref="Broadcast.ScheduledFor"/>.</summary>
public sealed record QueueAnnouncement(long EventId, Segment Segment, DateTime SendAt, long ReportChatId) : EventEffect;

/// <summary>Cancels the event: open announcements stop, reminders go, and everyone who was told gets a notice.</summary>
public sealed record CancelEvent(long EventId, long ReportChatId) : EventEffect;

/// <summary>Deletes a draft that was never published.</summary>
public sealed record DeleteDraft(long EventId) : EventEffect;

public sealed record ControlBroadcast(long BroadcastId, BroadcastOp Op) : EventEffect;

/// <summary>Events read from an .ics file: new UIDs become drafts, known UIDs are updated.</summary>
public sealed record ImportEvents(IReadOnlyList<ImportedEvent> Events, long StaffId, long ChatId) : EventEffect;
