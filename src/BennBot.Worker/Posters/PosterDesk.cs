using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using static BennBot.Worker.Conversations.ButtonAction;

namespace BennBot.Worker.Posters;

/// <summary>Staff make a poster from the team menu (issue 18): what the code opens (the start, one answer, an event,
/// sharing a topic, subscribing), where it hangs (an area, for all but an event), which languages; then BennBot sends
/// the A4 poster and the A6 handout as PDF files. Every step's choice rides in the buttons (no dialogue state), and
/// every press is checked against the staff list: anyone else is told kindly that it is the team's and nothing
/// happens.</summary>
public sealed class PosterDesk(StaffSettings staff, Language staffLanguage, ContentSet content, Database db, TimeProvider time)
{
    /// <summary>Upcoming events offered: as many as fit one screen of buttons.</summary>
    private const int MaxEvents = 20;

    /// <summary>The font family the poster is set in; only a test names another (one that is not installed).</summary>
    public string FontName { get; init; } = PosterPage.FontName;

    /// <summary>"/poster" and the team menu's 🖨 open the dialogue; for anyone else it is the team's (said kindly).</summary>
    public Outcome Start(Turn turn) => !staff.IsStaff(turn.In.UserId) ? NotStaff(turn) : Say(T("staff.poster.target"), new([
        [B("staff.poster.t.home", new PosterArea(PosterTarget.Home))],
        [B("staff.poster.t.entry", new PosterEntries())],
        [B("staff.poster.t.event", new PosterEvents())],
        [B("staff.poster.t.topic", new PosterArea(PosterTarget.Topic))],
        [B("staff.poster.t.subscribe", new PosterArea(PosterTarget.Subscribe))],
    ]));

    public Outcome Button(Turn turn, ButtonAction action)
    {
        if (!staff.IsStaff(turn.In.UserId)) return NotStaff(turn);
        var now = time.GetUtcNow().UtcDateTime;
        return action switch
        {
            PosterEntries { CategoryId: null } => Say(T("staff.poster.entry"), new(content.Categories
                .Select(c => (IReadOnlyList<Button>)[new(content.CategoryTitle(c, staffLanguage), new PosterEntries(c).Encode())]).ToList())),
            PosterEntries { CategoryId: { } c } => Say(T("staff.poster.entry"), new(content.InCategory(c)
                .Select(e => (IReadOnlyList<Button>)[new(e.Text(staffLanguage).Title, new PosterArea(PosterTarget.Entry(e.Id)).Encode())]).ToList())),
            PosterEvents => Events(now),
            PosterArea a => Say(T("staff.poster.area"), new([
                .. Keyboard.Grid(Areas.Named.Select(n => new Button(n.Name, new PosterLanguages(a.Target, n.Id, PosterChoice.All).Encode()))),
                [B("staff.poster.noarea", new PosterLanguages(a.Target, null, PosterChoice.All))],
            ])),
            PosterLanguages l => Say(T("staff.poster.languages"), Languages(l)),
            PosterMake m => Make(turn, m, now),
            _ => new([turn.Say("button.expired", turn.MainMenu())]),
        };
    }

    private Outcome Events(DateTime now)
    {
        var events = db.Read(d => EventStore.Upcoming(d, now, TimeSpan.FromDays(366)));
        if (events.Count == 0) return Say(T("staff.poster.noevents"));
        return Say(T("staff.poster.event"), new(events.Take(MaxEvents).Select(e => (IReadOnlyList<Button>)[
            new(EventCard.Label(staffLanguage, e, now), new PosterLanguages(PosterTarget.Event(e.Id), null, PosterChoice.All).Encode())]).ToList()));
    }

    /// <summary>One button per language, ticked when on (a tap switches it), and "make" once at least one is on.</summary>
    private Keyboard Languages(PosterLanguages l)
    {
        var toggles = Content.Languages.All.Select(language => new Button(
            (PosterChoice.Has(l.Chosen, language) ? "✅ " : "▫️ ") + content.T(language, "language.name"),
            new PosterLanguages(l.Target, l.Area, PosterChoice.Toggled(l.Chosen, language)).Encode()));
        var rows = Keyboard.Grid(toggles);
        if (l.Chosen != 0) rows.Add([B("staff.poster.make", new PosterMake(l.Target, l.Area, l.Chosen))]);
        return new(rows);
    }

    private Outcome Make(Turn turn, PosterMake m, DateTime now)
    {
        if (turn.Bot.Username is not { } username) return Say(T("staff.poster.nobot"));
        Event? ev = null;
        if (m.Target.EventId is { } id)
        {
            ev = db.Read(d => EventStore.Find(d, id));
            if (ev is not { Status: EventStatus.Published } || ev.Next(now) is null) return new([turn.Say("button.expired", turn.MainMenu())]);
        }
        var languages = Content.Languages.All.Where(l => PosterChoice.Has(m.Chosen, l)).ToList();
        var payload = m.Target.Payload with { Area = m.Area };
        var spec = PosterSpec.For(payload, languages, username, content, ev, now);
        var name = "bennbot-poster-" + (payload.Format() is { Length: > 0 } p ? p.Replace('_', '-') : "start");
        try
        {
            return new([
                new SendFile(name + "-a4.pdf", PosterPage.Pdf(spec, Paper.A4, FontName), Html.Escape(content.T(staffLanguage, "staff.poster.a4", ("link", spec.Link)))),
                new SendFile(name + "-a6-handouts.pdf", PosterPage.Pdf(spec, Paper.FourA6, FontName), Html.Escape(T("staff.poster.a6sheet"))),
            ]);
        }
        catch (PosterFontMissingException e)
        {
            // Not the generic error: staff can pass on exactly what is missing and how to install it.
            return Say(content.T(staffLanguage, "staff.poster.nofont", ("font", e.Font), ("package", PosterFontMissingException.Package)));
        }
    }

    private static Outcome NotStaff(Turn turn) => new([turn.StaffOnly()]);

    private static Outcome Say(string text, Keyboard? keyboard = null) => new([new SendText(Html.Escape(text), keyboard)]);

    private Button B(string key, ButtonAction action) => new(T(key), action.Encode());

    private string T(string key) => content.T(staffLanguage, key);
}
