using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Events;

/// <summary>Applies the event and broadcast effects of an outcome, inside its write transaction.</summary>
public static class EventEffectStore
{
    public static void Apply(LiteDatabase db, EventEffect effect, DateTime now)
    {
        switch (effect)
        {
            case SetReminder r:
                ReminderStore.Reminders(db).Upsert(new Reminder { Id = Reminder.IdOf(r.EventId, r.ResidentId), EventId = r.EventId, ResidentId = r.ResidentId, DueUtc = r.DueUtc });
                break;
            case OpenDraft o:
                // Until staff give them, the dates are placeholders (it cannot be sent) and area, kind and cost are not
                // shown: a dialogue left early does not leave "free, elsewhere, next week at midnight" behind.
                var draft = EventStore.Save(db, new Event { Status = EventStatus.Draft, CreatedAt = now, StartUtc = now.Date.AddDays(7), EndUtc = now.Date.AddDays(7).AddHours(2), Unset = [.. NewDraftUnset] });
                DialogueStore.OpenDesk(db, new DeskSession { Id = o.StaffId, ChatId = o.ChatId, EventId = draft.Id, Step = DeskStep.Title, UpdatedAt = now });
                break;
            case SaveEvent s:
                MoveReminders(db, EventStore.Find(db, s.Event.Id), s.Event);
                EventStore.Events(db).Update(s.Event);
                break;
            case DeleteDraft d when EventStore.Find(db, d.EventId) is { Status: EventStatus.Draft }:
                EventStore.Events(db).Delete(d.EventId);
                break;
            case QueueAnnouncement q when EventStore.Find(db, q.EventId) is { } e:
                // Checked again here, on the single writer: two staff members pressing at the same moment. The second
                // update fails, is handled again, and then hears that the announcement is already under way.
                if (BroadcastStore.OfEvent(db, e.Id).Any(b => b.Kind == BroadcastKind.Announcement && b.IsOpen))
                    throw new InvalidOperationException($"Event {e.Id} is being announced already");
                if (e.Status == EventStatus.Draft) EventStore.Events(db).Update(e with { Status = EventStatus.Published });
                BroadcastStore.Add(db, BroadcastTransitions.Announcement(e.Id, q.Segment, q.SendAt, q.ReportChatId, now));
                break;
            case CancelEvent c when EventStore.Find(db, c.EventId) is { Status: EventStatus.Published } e:
                Cancel(db, e, c.ReportChatId, now);
                break;
            case ControlBroadcast c when BroadcastStore.Find(db, c.BroadcastId) is { IsOpen: true } b:
                BroadcastStore.Change(db, b.Id, current => BroadcastTransitions.Control(current, c.Op, now));
                if (c.Op == BroadcastOp.Resume) BroadcastStore.RetryFailed(db, b.Id); // those the outage hit
                break;
            case ImportEvents i:
                foreach (var (uid, first, dates) in EventSeries.Group(i.Events)) Import(db, uid, first, dates, now);
                break;
        }
    }

    /// <summary>Erasure (<see cref="ForgetResident"/>).</summary>
    public static void ForgetReminders(LiteDatabase db, ForgetResident f) => ReminderStore.Reminders(db).DeleteMany(r => r.ResidentId == f.ResidentId);

    /// <summary>Erasure (<see cref="ForgetResident"/>): the record that they were sent an announcement.</summary>
    public static void ForgetDeliveries(LiteDatabase db, ForgetResident f) => BroadcastStore.Deliveries(db).DeleteMany(d => d.ChatId == f.ResidentId);

    /// <summary>Stops the event's open announcements, tells everyone who was told (fixing that list now), and drops its reminders.</summary>
    private static void Cancel(LiteDatabase db, Event e, long reportChatId, DateTime now)
    {
        EventStore.Events(db).Update(e with { Status = EventStatus.Cancelled });
        foreach (var open in BroadcastStore.OfEvent(db, e.Id).Where(b => b.IsOpen)) BroadcastStore.Change(db, open.Id, b => BroadcastTransitions.Cancel(b, now));
        var notice = BroadcastStore.Add(db, BroadcastTransitions.CancellationNotice(e.Id, reportChatId, now));
        BroadcastStore.Start(db, notice, BroadcastStore.ToldAbout(db, e.Id), now);
        ReminderStore.Reminders(db).DeleteMany(r => r.EventId == e.Id);
    }

    // A calendar file says nothing about area, kind or cost: a new draft has them unset (not "elsewhere", "other" and
    // "free", which residents would read as facts: issue 13) until staff set them.
    private static readonly List<string> NotInCalendars = [nameof(DeskStep.Area), nameof(DeskStep.Kind), nameof(DeskStep.Cost)];

    // A draft opened by /newevent: the same, and its dates too until staff give them.
    private static readonly List<string> NewDraftUnset = [nameof(DeskStep.Start), nameof(DeskStep.End), .. NotInCalendars];

    private static void Import(LiteDatabase db, string uid, ImportedEvent i, List<EventDate> dates, DateTime now)
    {
        var existing = EventStore.FindByUid(db, uid);
        var e = existing ?? new Event { Uid = uid, Status = EventStatus.Draft, CreatedAt = now, Unset = [.. NotInCalendars] };
        // A date staff cancelled stays cancelled when the file is read again.
        var cancelled = (existing?.Dates ?? []).Where(d => d.Cancelled).Select(d => d.StartUtc).ToHashSet();
        e = EventSeries.WithDates(e, [.. dates.Select(d => d with { Cancelled = cancelled.Contains(d.StartUtc) })]) with
        {
            Title = new(e.Title) { ["de"] = i.Title.Length > EventDesk.MaxTitle ? i.Title[..EventDesk.MaxTitle] : i.Title },
            Description = i.Description is { Length: > 0 } d ? new(e.Description) { ["de"] = d.Length > EventDesk.MaxDescription ? d[..EventDesk.MaxDescription] : d } : e.Description,
            StartUtc = i.StartUtc,
            EndUtc = i.EndUtc,
            Place = Clip(i.Place) ?? e.Place,
            Link = i.Link is { Length: <= EventDesk.MaxField } link ? link : e.Link,
        };
        if (existing is null) EventStore.Save(db, e);
        else
        {
            MoveReminders(db, existing, e);
            EventStore.Events(db).Update(e);
        }
    }

    private static string? Clip(string? s) => s is { Length: > EventDesk.MaxField } ? s[..EventDesk.MaxField] : s;

    /// <summary>When an event moves, its reminders move with it (same time before the start).</summary>
    private static void MoveReminders(LiteDatabase db, Event? before, Event after)
    {
        if (before is null || before.StartUtc == after.StartUtc) return;
        var shift = after.StartUtc - before.StartUtc;
        foreach (var r in ReminderStore.OfEvent(db, after.Id)) ReminderStore.Reminders(db).Update(r with { DueUtc = r.DueUtc + shift });
    }
}
