using BennBot.Content;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;

namespace BennBot.Worker.Events;

/// <summary>Staff: create an event in a short dialogue (or import an .ics file), review and preview it in every
/// language, add translations, choose the recipients, send now or later, cancel. Every entry point checks that
/// the sender is on the staff list; anyone else gets null (the normal resident answer).</summary>
public sealed partial class EventDesk(StaffSettings staff, Language staffLanguage, ContentSet content, Database db, TimeProvider time)
{
    public static readonly TimeSpan SessionIdle = TimeSpan.FromHours(2);
    public const int MaxTitle = 200, MaxDescription = 2000, MaxField = 300;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // The desk's session is one of the staff member's dialogues (issue 14): saved and ended like the others.
    private static SaveDialogue Keep(DeskSession s) => new(s.Id, new Dialogue.Desk(s));

    private static EndDialogue End(long staffId) => new(staffId, DialogueKind.Desk);

    public Outcome? Command(Turn turn, Incoming.Command command)
    {
        if (!staff.IsStaff(turn.In.UserId)) return null;
        return command.Name switch
        {
            "newevent" => new([Say(PromptKey(DeskStep.Title))]) { Effects = [new OpenDraft(turn.In.UserId, turn.In.ChatId)] },
            "desk" => List(turn, int.TryParse(command.Arguments, out var page) && page > 1 ? page : 1),
            _ => null,
        };
    }

    /// <summary>A typed answer for the field the desk asked for (<see cref="Conversations.Dialogue.Desk"/>).</summary>
    public Outcome Text(Turn turn, string typed, DeskSession s)
    {
        var e = Find(s.EventId);
        if (e is null) return new([Say("desk.gone")]) { Effects = [End(s.Id)] };
        return Step(turn, s, e, new DeskInput.Text(typed));
    }

    public Outcome? Button(Turn turn, ButtonAction.Desk a)
    {
        if (!staff.IsStaff(turn.In.UserId)) return null;
        var e = Find(a.EventId);
        if (e is null) return new([Say("desk.gone")]);
        var s = db.Read(d => DialogueStore.Find(d, turn.In.UserId))?.Desk is { } found && found.EventId == e.Id
            ? found with { ChatId = turn.In.ChatId }
            : new DeskSession { Id = turn.In.UserId, ChatId = turn.In.ChatId, EventId = e.Id, Step = DeskStep.Review };
        return a.Op switch
        {
            DeskOp.Open => Review(turn, e, s),
            // A field's buttons: DeskFlow decides (a button of another step is stale).
            DeskOp.Area when a.Arg is { } area => Step(turn, s, e, new DeskInput.Area(area)),
            DeskOp.Kind when Enum.TryParse<EventKind>(a.Arg, out var k) => Step(turn, s, e, new DeskInput.Kind(k)),
            DeskOp.Spoken when Languages.Find(a.Arg) is { } l => Step(turn, s, e, new DeskInput.Spoken(l.Code)),
            DeskOp.SpokenDone => Step(turn, s, e, new DeskInput.SpokenDone()),
            DeskOp.Free => Step(turn, s, e, new DeskInput.Free()),
            DeskOp.Access when Enum.TryParse<Access>(a.Arg, out var x) => Step(turn, s, e, new DeskInput.Access(x)),
            DeskOp.EndAfter when int.TryParse(a.Arg, out var h) => Step(turn, s, e, new DeskInput.EndAfter(h)),
            DeskOp.Skip => Step(turn, s, e, new DeskInput.Skip()),
            DeskOp.Preview => Preview(turn, e, Languages.Find(a.Arg)),
            DeskOp.Edit => Edit(turn, e, s, a.Arg),
            DeskOp.Translate => Translate(turn, e, s, Languages.Find(a.Arg)),
            DeskOp.Send or DeskOp.SegmentEveryone when Incomplete(e) is { } missing => new([SayWith("desk.incomplete", ("fields", missing))]),
            DeskOp.Send or DeskOp.SegmentEveryone => Segment(turn, e, s with { Step = DeskStep.Review, Segment = new() }, a.Op == DeskOp.Send),
            DeskOp.SegmentArea when Areas.IsKnown(a.Arg) => Segment(turn, e, s with { Segment = s.Segment with { Areas = Choices.Toggled(s.Segment.Areas, a.Arg!) } }),
            DeskOp.SegmentLanguage when Languages.Find(a.Arg) is { } l => Segment(turn, e, s with { Segment = s.Segment with { Languages = Choices.Toggled(s.Segment.Languages, l.Code) } }),
            // The recipients travel in the button itself, so that whoever presses it sends what the message shows.
            DeskOp.Go when SegmentCodes.Decode(a.Arg) is { } segment => Queue(turn, e, s with { Segment = segment }, Now),
            DeskOp.Schedule when SegmentCodes.Decode(a.Arg) is { } segment => Ask(turn, s with { Step = DeskStep.ScheduleAt, Segment = segment }),
            DeskOp.Cancel when e.Status == EventStatus.Published => new([Say("desk.cancelconfirm", Keys(e.Id, (DeskOp.CancelConfirmed, "desk.cancelyes", null), (DeskOp.Open, "desk.back", null)))]),
            DeskOp.CancelConfirmed when e.Status == EventStatus.Published =>
                new([Say("desk.cancelled")]) { Effects = [new CancelEvent(e.Id, ReportChat(turn)), End(s.Id)] },
            DeskOp.Dates when e.IsSeries => Dates(e),
            DeskOp.Voice when e.Status != EventStatus.Cancelled && Languages.Find(a.Arg) is { } l => VoicePrompt(e, s, l),
            DeskOp.Voice when e.Status != EventStatus.Cancelled => VoiceLanguages(e),
            DeskOp.ToggleDate when e.IsSeries && int.TryParse(a.Arg, out var i) && i >= 0 && i < e.Dates.Count => DateToggled(turn, e, s, i),
            DeskOp.Delete when e.Status == EventStatus.Draft => new([Say("desk.deleted")]) { Effects = [new DeleteDraft(e.Id), End(s.Id)] },
            _ => new([Say("desk.stale")]),
        };
    }

    /// <summary>Pause, resume or cancel a running broadcast (the buttons under its progress message).</summary>
    public Outcome? Control(Turn turn, AnswerButton ack, ButtonAction.Control c)
    {
        if (!staff.IsStaff(turn.In.UserId)) return null;
        if (db.Read(d => BroadcastStore.Find(d, c.BroadcastId)) is not { IsOpen: true })
            return new([ack with { Notice = T("desk.stale") }]);
        return new([ack with { Notice = T("broadcast." + c.Op.ToString().ToLowerInvariant()) }])
        {
            Effects = [new ControlBroadcast(c.BroadcastId, c.Op)],
        };
    }

    /// <summary>An .ics file sent by staff: its events become drafts (or update the drafts and events with the same UID).</summary>
    public Outcome? Import(Turn turn, Incoming.Document file)
    {
        if (!staff.IsStaff(turn.In.UserId)) return null;
        if (file.Calendar is not { } calendar) return new([SayWith("desk.importbad", ("problem", T("desk.notics")))]);
        if (calendar.Problem is { } problem) return new([SayWith("desk.importbad", ("problem", problem))]);
        var events = calendar.Events;
        var series = EventSeries.Group(events); // a repeating event is one draft with its dates
        var known = db.Read(d => series.Count(x => EventStore.FindByUid(d, x.Uid) is not null));
        return new([SayWith("desk.imported", ("new", series.Count - known), ("updated", known))])
        {
            Effects = [new ImportEvents(events, turn.In.UserId, turn.In.ChatId)],
        };
    }

    private const int ListPage = 15;

    /// <summary>Published events first (soonest first), then drafts; 15 a page ("/desk 2" for the next).</summary>
    private Outcome List(Turn turn, int page)
    {
        var events = db.Read(d => EventStore.NotOver(d, Now)).OrderBy(e => e.Status == EventStatus.Draft).ThenBy(e => e.StartUtc).ToList();
        var pages = Math.Max(1, (events.Count + ListPage - 1) / ListPage);
        page = Math.Min(page, pages);
        var rows = events.Skip((page - 1) * ListPage).Take(ListPage).Select(e => (IReadOnlyList<Button>)[Btn(
            $"{(e.Status == EventStatus.Draft ? "✏️" : "📣")} #{e.Id} {EventCard.Label(staffLanguage, e, Now)}", new ButtonAction.Desk(DeskOp.Open, e.Id))]).ToList();
        var text = events.Count == 0 ? T("desk.empty") : T("desk.list") + (pages > 1 ? $" ({page}/{pages}: /desk {Math.Min(page + 1, pages)})" : "");
        return new([new SendText(Html.Escape(text), new Keyboard(rows))]);
    }

    private Outcome Review(Turn turn, Event e, DeskSession s)
    {
        var status = content.T(staffLanguage, "desk.status." + e.Status.ToString().ToLowerInvariant());
        var translations = string.Join(", ", e.Title.Keys.Select(code => Languages.Find(code) is { } l ? content.T(l, "language.name") : code));
        var head = Html.Bold(content.T(staffLanguage, "desk.review", ("id", e.Id), ("status", status))) + "\n"
            + Html.Escape(content.T(staffLanguage, "desk.translations", ("languages", translations))) + UnsetWarning(e);
        var rows = new List<(DeskOp, string, string?)> { (DeskOp.Preview, "desk.preview", null), (DeskOp.Edit, "desk.edit", null), (DeskOp.Translate, "desk.translate", null) };
        if (e.IsSeries) rows.Add((DeskOp.Dates, "desk.dates", null));
        if (e.Status != EventStatus.Cancelled) rows.AddRange([(DeskOp.Voice, "desk.voice", null), (DeskOp.Send, "desk.send", null)]);
        rows.Add(e.Status == EventStatus.Draft ? (DeskOp.Delete, "desk.delete", null) : (DeskOp.Cancel, "desk.cancel", null));
        return new([new SendText(head + "\n\n" + EventCard.Render(content, staffLanguage, e), Keys(e.Id, [.. rows]))])
        {
            Effects = [Keep(s with { Step = DeskStep.Review, Editing = false, UpdatedAt = Now })],
        };
    }

    private Outcome Preview(Turn turn, Event e, Language? language)
    {
        if (language is null)
        {
            var buttons = Languages.All.Select(l => Btn(content.T(l, "language.name"), new ButtonAction.Desk(DeskOp.Preview, e.Id, l.Code)));
            return new([Say("desk.previewwhich", WithBack(buttons, e.Id))]);
        }
        // Exactly what a resident in that language receives, keyboard included.
        return new([
            SayWith("desk.previewof", ("language", content.T(language, "language.name"))),
            EventNotices.Announcement(content, language, e),
            Say("desk.afterpreview", Keys(e.Id, (DeskOp.Preview, "desk.previewother", null), (DeskOp.Open, "desk.back", null))),
        ]);
    }

    private Outcome Edit(Turn turn, Event e, DeskSession s, string? field)
    {
        if (field is null || !Enum.TryParse<DeskStep>(field, out var step) || step > DeskStep.Link)
        {
            var buttons = Enum.GetValues<DeskStep>().Where(x => x <= DeskStep.Link)
                .Select(x => Btn(T("desk.field." + x.ToString().ToLowerInvariant()), new ButtonAction.Desk(DeskOp.Edit, e.Id, x.ToString())));
            return new([Say("desk.editwhich", WithBack(buttons, e.Id, perRow: 3))]);
        }
        return Ask(turn, s with { Step = step, Editing = true }, e);
    }

    private Outcome Translate(Turn turn, Event e, DeskSession s, Language? language)
    {
        if (language is null || language == Languages.German)
        {
            var buttons = Languages.All.Where(l => l != Languages.German)
                .Select(l => Btn(content.T(l, "language.name") + (e.Title.ContainsKey(l.Code) ? " ✅" : ""), new ButtonAction.Desk(DeskOp.Translate, e.Id, l.Code)));
            return new([Say("desk.translatewhich", WithBack(buttons, e.Id))]);
        }
        return Ask(turn, s with { Step = DeskStep.TranslateTitle, Language = language.Code, Editing = true }, e);
    }

    private Outcome Segment(Turn turn, Event e, DeskSession s, bool fresh = false)
    {
        var count = db.Read(d => BroadcastStore.Recipients(d, e, s.Segment).Count);
        var areas = Areas.Ids.Select(a => Btn((s.Segment.Areas.Contains(a) ? "✅ " : "") + EventCard.AreaName(content, staffLanguage, a), new ButtonAction.Desk(DeskOp.SegmentArea, e.Id, a)));
        var languages = Languages.All.Select(l => Btn((s.Segment.Languages.Contains(l.Code) ? "✅ " : "") + content.T(l, "language.name"), new ButtonAction.Desk(DeskOp.SegmentLanguage, e.Id, l.Code)));
        var rows = Keyboard.Grid(areas).Concat(Keyboard.Grid(languages)).ToList();
        rows.Add([Btn(T("desk.everyone"), new ButtonAction.Desk(DeskOp.SegmentEveryone, e.Id))]);
        var code = SegmentCodes.Encode(s.Segment);
        rows.Add([Btn(T("desk.go", ("count", count)), new ButtonAction.Desk(DeskOp.Go, e.Id, code)), Btn(T("desk.later"), new ButtonAction.Desk(DeskOp.Schedule, e.Id, code))]);
        rows.Add([Btn(T("desk.back"), new ButtonAction.Desk(DeskOp.Open, e.Id))]);
        var text = T("desk.segment", ("title", e.TitleIn(staffLanguage.Code)), ("count", count));
        return new([new SendText(Html.Escape(text) + UnsetWarning(e), new Keyboard(rows))]) { Effects = [Keep(s with { UpdatedAt = Now })] };
    }

    private Outcome Queue(Turn turn, Event e, DeskSession s, DateTime at)
    {
        if (e.Status == EventStatus.Cancelled || e.Next(Now) is null) return new([Say("desk.stale")]);
        if (Incomplete(e) is { } missing) return new([SayWith("desk.incomplete", ("fields", missing))]);
        // One announcement at a time: a second press (or a second staff member) must not send it twice.
        if (db.Read(d => BroadcastStore.OfEvent(d, e.Id).Any(b => b.Kind == BroadcastKind.Announcement && b.IsOpen))) return new([Say("desk.busy")]);
        // "Sending begins now" to nobody would be a false promise (issue 13): say why, and show the choice again. A
        // later time is still allowed: residents may subscribe in between, and the count is taken when it goes out.
        if (at <= Now && db.Read(d => BroadcastStore.Recipients(d, e, s.Segment).Count) == 0)
        {
            var choose = Segment(turn, e, s);
            return choose with { Replies = [Say(s.Segment.Areas.Count + s.Segment.Languages.Count == 0 ? "desk.nosubscribers" : "desk.norecipients"), .. choose.Replies] };
        }
        var when = BerlinTime.DayAndTime(BerlinTime.ToLocal(at));
        return new([SayWith(at <= Now ? "desk.sending" : "desk.scheduled", ("when", when))])
        {
            Effects = [new QueueAnnouncement(e.Id, s.Segment, at, ReportChat(turn)), Keep(s with { Step = DeskStep.Review, UpdatedAt = Now })],
        };
    }

    // What was wrong, then the same question again with its buttons.
    private Outcome Again(Turn turn, DeskSession s, Event e, string problem)
    {
        var ask = Ask(turn, s, e);
        var said = problem == "desk.bad.schedulebefore" ? SayWith(problem, ScheduleArgs(e)) : Say(problem);
        return ask with { Replies = [said, .. ask.Replies] };
    }

    /// <summary>The event's start and an example time for its announcement that lies between now and that start (a
    /// fixed example once suggested 20.12 for an event on 08.12: issue 13).</summary>
    private (string, object)[] ScheduleArgs(Event e) =>
        [("start", BerlinTime.DayAndTime(BerlinTime.ToLocal(AnnounceBefore(e)))), ("example", BerlinTime.DayAndTime(ScheduleExample(AnnounceBefore(e), Now)))];

    private DateTime AnnounceBefore(Event e) => DeskFlow.AnnounceBefore(e, Now);

    /// <summary>For staff, before they send: the fields residents will not see because nobody has set them yet, and
    /// the ones without which it cannot be sent (a draft left before its start was given).</summary>
    private string UnsetWarning(Event e)
    {
        var hidden = e.Unset.Where(f => !TimeFields.Contains(f)).ToList();
        var warning = hidden.Count == 0 ? "" : "\n⚠️ " + Html.Escape(T("desk.unset", ("fields", string.Join(", ", hidden.Select(f => T("desk.field." + f.ToLowerInvariant()))))));
        return e.Unset.Any(TimeFields.Contains) && Incomplete(e) is { } missing ? warning + "\n⚠️ " + Html.Escape(T("desk.incomplete", ("fields", missing))) : warning;
    }

    private static readonly string[] TimeFields = [nameof(DeskStep.Start), nameof(DeskStep.End)];

    /// <summary>A series' dates, each a button that cancels it (or takes it back): residents see "not on …".</summary>
    private Outcome Dates(Event e)
    {
        var buttons = e.Dates.Select((d, i) => Btn((d.Cancelled ? "↩️ " : "❌ ") + BerlinTime.ToLocal(d.StartUtc).ToString("dd.MM."),
            new ButtonAction.Desk(DeskOp.ToggleDate, e.Id, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var text = Html.Escape(T("desk.datesof", ("when", EventSeries.When(content, staffLanguage, e))));
        return new([new SendText(text, WithBack(buttons, e.Id, perRow: 4))]);
    }

    private Outcome DateToggled(Turn turn, Event e, DeskSession s, int index)
    {
        var dates = e.Dates.Select((d, i) => i == index ? d with { Cancelled = !d.Cancelled } : d).ToList();
        var changed = e with { Dates = dates };
        var shown = Dates(changed);
        return shown with { Effects = [new SaveEvent(changed), Keep(s with { UpdatedAt = Now })] };
    }

    /// <summary>A Berlin time to suggest for an announcement: 10:00 three days or one day before the event, else two
    /// hours before it, else halfway between now and the start (rounded down to 5 minutes), whichever is the first that
    /// lies after now and before the start.</summary>
    internal static DateTime ScheduleExample(DateTime startUtc, DateTime nowUtc)
    {
        var start = BerlinTime.ToLocal(startUtc);
        var now = BerlinTime.ToLocal(nowUtc).AddMinutes(5);
        DateTime[] candidates = [start.Date.AddDays(-3).AddHours(10), start.Date.AddDays(-1).AddHours(10), start.AddHours(-2)];
        if (candidates.FirstOrDefault(c => c > now && c < start) is { Ticks: > 0 } good) return good;
        var half = now + (start - now) / 2;
        return half.AddTicks(-(half.Ticks % TimeSpan.FromMinutes(5).Ticks));
    }

    /// <summary>The fields an announcement needs that are still empty (for staff), or null.</summary>
    private string? Incomplete(Event e)
    {
        var missing = new List<string>();
        if (e.Title.GetValueOrDefault("de") is not { Length: > 0 }) missing.Add(T("desk.field.title"));
        if (e.Description.GetValueOrDefault("de") is not { Length: > 0 }) missing.Add(T("desk.field.description"));
        if (e.IsUnset(DeskStep.Start) || e.Next(Now) is not { } next || next.StartUtc <= Now) missing.Add(T("desk.field.start"));
        if (e.IsUnset(DeskStep.End)) missing.Add(T("desk.field.end"));
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    private long ReportChat(Turn turn) => staff.ChatId ?? turn.In.ChatId;

    private Event? Find(long id) => db.Read(d => EventStore.Find(d, id));

    private string T(string key, params (string, object)[] args) => content.T(staffLanguage, key, args);

    private SendText Say(string key, Keyboard? keyboard = null) => new(Html.Escape(T(key)), keyboard);

    private SendText SayWith(string key, params (string, object)[] args) => new(Html.Escape(T(key, args)));

    private static Button Btn(string label, ButtonAction action) => new(label, action.Encode());

    /// <summary>A choice of buttons, then "back" to the event.</summary>
    private Keyboard WithBack(IEnumerable<Button> buttons, long eventId, int perRow = 2) =>
        new([.. Keyboard.Grid(buttons, perRow), [Btn(T("desk.back"), new ButtonAction.Desk(DeskOp.Open, eventId))]]);

    private Keyboard Keys(long eventId, params (DeskOp Op, string Key, string? Arg)[] buttons) =>
        new(buttons.Select(b => (IReadOnlyList<Button>)[Btn(T(b.Key), new ButtonAction.Desk(b.Op, eventId, b.Arg))]).ToList());

}
