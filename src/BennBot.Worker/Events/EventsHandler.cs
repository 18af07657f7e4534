using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Events;

/// <summary>Residents: upcoming events (filterable by area and kind), one event with "remind me" and "add to
/// calendar", and the subscription to announcements (everything, or chosen areas and kinds).</summary>
public sealed class EventsHandler(Database db, TimeProvider time)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(42);
    private const int MaxListed = 12;

    /// <param name="also">A row shown under the events: the entry a question about events may also have meant.</param>
    public Outcome List(Turn turn, string? area = null, EventKind? kind = null, IReadOnlyList<Button>? also = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var events = db.Read(d => EventStore.Upcoming(d, now, Horizon))
            .Where(e => (area is null || e.Area == area) && (kind is null || e.Kind == kind)).ToList();
        var filter = string.Join(" · ", new[]
        {
            area is null ? null : EventCard.AreaName(turn.Content, turn.Language, area),
            kind is null ? null : turn.Content.T(turn.Language, EventCard.KindKey(kind.Value)),
        }.OfType<string>());
        var text = events.Count > 0 ? turn.T("events.title", ("count", events.Count))
            : turn.T(filter.Length > 0 ? "events.empty.filter" : "events.empty") + "\n" + Notices(turn);
        if (filter.Length > 0) text += "\n🔎 " + Html.Escape(filter);
        var rows = events.Take(MaxListed).Select(e => Row(turn.Button(EventCard.Label(turn.Language, e, now), new ButtonAction.ShowEvent(e.Id)))).ToList();
        if (also is not null) rows.Add(also);
        rows.Add([turn.ButtonFor("events.byarea", new ButtonAction.EventFilter(true)), turn.ButtonFor("events.bykind", new ButtonAction.EventFilter(false))]);
        rows.Add([turn.ButtonFor("menu.subscription", new ButtonAction.Subscription())]);
        rows.Add([turn.ButtonFor("button.menu", new ButtonAction.Menu())]);
        return new([turn.Text(text, new Keyboard(rows))]);
    }

    // Nothing to show: say what is true for this resident, who may already get notices (issue 13).
    private static string Notices(Turn turn) => turn.Resident switch
    {
        { Subscribed: true, InterestAreas: [], InterestKinds: [] } => turn.T("events.notices.on"),
        { Subscribed: true } => turn.T("events.notices.chosen"),
        _ => turn.T("events.notices.off", ("button", turn.Content.T(turn.Language, "menu.subscription"))),
    };

    public static Outcome Filter(Turn turn, bool byArea)
    {
        var buttons = byArea
            ? Areas.Ids.Select(a => turn.Button(EventCard.AreaName(turn.Content, turn.Language, a), new ButtonAction.Events(Area: a)))
            : Enum.GetValues<EventKind>().Select(k => turn.ButtonFor(EventCard.KindKey(k), new ButtonAction.Events(Kind: k)));
        var rows = Keyboard.Grid(buttons);
        rows.Add([turn.ButtonFor("events.all", new ButtonAction.Events())]);
        return new([turn.Say(byArea ? "events.choosearea" : "events.choosekind", new Keyboard(rows))]);
    }

    public Outcome Show(Turn turn, long id)
    {
        if (Visible(id) is not { } e) return Gone(turn);
        return new([turn.Text(EventCard.Render(turn.Content, turn.Language, e), Actions(turn, e))]);
    }

    public static Keyboard Actions(Turn turn, Event e) => new([
        [turn.ButtonFor("event.remind", new ButtonAction.Remind(e.Id)), turn.ButtonFor("event.calendar", new ButtonAction.Calendar(e.Id))],
        [turn.ButtonFor(turn.Resident?.Subscribed == true ? "menu.subscription" : "subscribe.button", new ButtonAction.Subscription())],
        [turn.ButtonFor("events.back", new ButtonAction.Events()), turn.ButtonFor("button.menu", new ButtonAction.Menu())],
    ]);

    public Outcome RemindWhen(Turn turn, long id)
    {
        if (Visible(id) is not { } e) return Gone(turn);
        var rows = ButtonAction.RemindHours.Select(h => Row(turn.ButtonFor("remind.hours" + h, new ButtonAction.Remind(e.Id, int.Parse(h))))).ToList();
        rows.Add([turn.ButtonFor("button.back", new ButtonAction.ShowEvent(e.Id)), turn.ButtonFor("button.menu", new ButtonAction.Menu())]); // changed one's mind
        return new([turn.Text(turn.T("remind.when", ("title", e.TitleIn(turn.Language.Code))), new Keyboard(rows))]);
    }

    public Outcome Remind(Turn turn, long id, int hoursBefore)
    {
        if (Visible(id) is not { Status: EventStatus.Published } e) return Gone(turn);
        var now = time.GetUtcNow().UtcDateTime;
        var start = e.Next(now)?.StartUtc ?? e.StartUtc; // a series: its next date
        var due = start.AddHours(-hoursBefore);
        if (start <= now) return new([turn.Say("remind.started", turn.MenuOnly())]);
        if (due <= now) due = now; // it starts sooner than that: remind at once
        var when = BerlinTime.DayAndTime(BerlinTime.ToLocal(due));
        return new([turn.Text(turn.T("remind.set", ("when", when)), turn.MenuOnly())], Save: turn.ResidentOrNew(now))
        {
            Effects = [new SetReminder(e.Id, turn.In.UserId, due)],
        };
    }

    public Outcome Calendar(Turn turn, long id)
    {
        if (Visible(id) is not { } e) return Gone(turn);
        // A series: every date still to come and not cancelled, so nobody adds only a first date that has passed.
        var now = time.GetUtcNow().UtcDateTime;
        List<(DateTime, DateTime)> dates = e.IsSeries ? e.Dates.Where(d => !d.Cancelled && d.EndUtc > now).Select(d => (d.StartUtc, d.EndUtc)).ToList() : [];
        if (dates.Count == 0) dates = [(e.StartUtc, e.EndUtc)];
        var ics = EventCalendar.Write(e.Uid, dates, e.TitleIn(turn.Language.Code),
            e.Description.GetValueOrDefault(turn.Language.Code) ?? e.Description.GetValueOrDefault("de"),
            e.Place is null ? Areas.Name(e.Area) : $"{e.Place}, {Areas.Name(e.Area) ?? "Berlin-Weißensee"}", e.Link, cancelled: e.Status == EventStatus.Cancelled);
        return new([new SendFile($"benn-{e.Id}.ics", ics, turn.T("event.calendarfile"))]);
    }

    public static Outcome Subscription(Turn turn)
    {
        var r = turn.Resident;
        var text = r?.Subscribed == true ? turn.T("subscription.on", ("areas", Interests(turn, true)), ("kinds", Interests(turn, false))) : turn.T("subscription.off");
        var rows = new List<IReadOnlyList<Button>>
        {
            Row(r?.Subscribed == true ? turn.ButtonFor("unsubscribe.button", new ButtonAction.Unsubscribe()) : turn.ButtonFor("subscribe.everything", new ButtonAction.Subscribe())),
            Row(turn.ButtonFor("subscribe.areas", new ButtonAction.InterestAreas())),
            Row(turn.ButtonFor("subscribe.kinds", new ButtonAction.InterestKinds())),
            Row(turn.ButtonFor("button.menu", new ButtonAction.Menu())),
        };
        return new([turn.Text(text, new Keyboard(rows))]);
    }

    public Outcome Subscribe(Turn turn)
    {
        var current = turn.ResidentOrNew(time.GetUtcNow().UtcDateTime);
        if (current.Subscribed) return Subscription(turn); // already subscribed: keep the choices, show them
        var saved = current with { Subscribed = true, InterestAreas = [], InterestKinds = [] };
        // The areas and kinds right away (a fresh-eyes tester found them only on a second tap of 🔔).
        return new([turn.Say("subscribe.done", new Keyboard([
            [turn.ButtonFor("events.show", new ButtonAction.Events())],
            [turn.ButtonFor("subscribe.areas", new ButtonAction.InterestAreas()), turn.ButtonFor("subscribe.kinds", new ButtonAction.InterestKinds())],
            [turn.ButtonFor("button.menu", new ButtonAction.Menu())]]))], Save: saved);
    }

    public static Outcome Unsubscribe(Turn turn)
    {
        var saved = turn.Resident is { } r ? r with { Subscribed = false, InterestAreas = [], InterestKinds = [] } : null;
        return new([turn.Say("unsubscribe.done", new Keyboard([[turn.ButtonFor("subscribe.button", new ButtonAction.Subscription())], [turn.ButtonFor("button.menu", new ButtonAction.Menu())]]))], Save: saved);
    }

    /// <summary>Areas (or kinds) with ✅ on the chosen ones; a tap toggles one and subscribes.</summary>
    public Outcome ChooseAreas(Turn turn, string? toggle)
    {
        var r = turn.ResidentOrNew(time.GetUtcNow().UtcDateTime);
        if (toggle is not null) r = r with { Subscribed = true, InterestAreas = Choices.Toggled(r.InterestAreas, toggle) };
        var rows = Keyboard.Grid(Areas.Ids.Select(a => turn.Button(Mark(r.InterestAreas.Contains(a)) + EventCard.AreaName(turn.Content, turn.Language, a), new ButtonAction.InterestAreas(a))));
        rows.Add([turn.ButtonFor("subscribe.finish", new ButtonAction.Subscription())]);
        return new([turn.Say("subscribe.choosearea", new Keyboard(rows))], Save: toggle is null ? null : r);
    }

    public Outcome ChooseKinds(Turn turn, EventKind? toggle)
    {
        var r = turn.ResidentOrNew(time.GetUtcNow().UtcDateTime);
        if (toggle is { } k) r = r with { Subscribed = true, InterestKinds = Choices.Toggled(r.InterestKinds, k) };
        var rows = Keyboard.Grid(Enum.GetValues<EventKind>().Select(kind => turn.Button(Mark(r.InterestKinds.Contains(kind)) + turn.Content.T(turn.Language, EventCard.KindKey(kind)), new ButtonAction.InterestKinds(kind))));
        rows.Add([turn.ButtonFor("subscribe.finish", new ButtonAction.Subscription())]);
        return new([turn.Say("subscribe.choosekind", new Keyboard(rows))], Save: toggle is null ? null : r);
    }

    private static string Interests(Turn turn, bool areas)
    {
        var r = turn.Resident!;
        var names = areas
            ? r.InterestAreas.Select(a => EventCard.AreaName(turn.Content, turn.Language, a))
            : r.InterestKinds.Select(k => turn.Content.T(turn.Language, EventCard.KindKey(k)));
        var list = string.Join(", ", names);
        return list.Length == 0 ? turn.Content.T(turn.Language, "subscription.all") : list;
    }

    private Event? Visible(long id) => db.Read(d => EventStore.Find(d, id)) is { Status: not EventStatus.Draft } e ? e : null;

    private static Outcome Gone(Turn turn) => new([turn.Say("event.gone", turn.MenuOnly())]);

    private static string Mark(bool on) => on ? "✅ " : "";

    private static IReadOnlyList<Button> Row(Button b) => [b];
}
