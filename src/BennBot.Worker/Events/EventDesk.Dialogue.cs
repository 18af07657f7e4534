using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Events;

/// <summary>The field-by-field part of the desk: which question comes next, and what a typed answer means.</summary>
public sealed partial class EventDesk
{
    private static readonly DeskStep[] Order =
        [DeskStep.Title, DeskStep.Description, DeskStep.Start, DeskStep.End, DeskStep.Place, DeskStep.Area, DeskStep.Kind, DeskStep.Spoken, DeskStep.Cost, DeskStep.Access, DeskStep.Link];

    private static string PromptKey(DeskStep step) => "desk.ask." + step.ToString().ToLowerInvariant();

    // The German title and description are required; a translation may leave the description out.
    private static bool Skippable(DeskStep step) => step is DeskStep.Place or DeskStep.Link or DeskStep.TranslateDescription;

    /// <summary>Asks for the session's current field (with its buttons) and remembers where the dialogue is.</summary>
    private Outcome Ask(Turn turn, DeskSession s, Event? e = null)
    {
        var id = s.EventId;
        var language = Languages.Find(s.Language);
        var text = s.Step == DeskStep.ScheduleAt && (e ?? Find(id)) is { } ev
            ? Html.Escape(T("desk.ask.schedulebefore", ScheduleArgs(ev)))
            : Html.Escape(T(PromptKey(s.Step), ("language", language is null ? "" : content.T(language, "language.name"))));
        var rows = new List<IReadOnlyList<Button>>();
        switch (s.Step)
        {
            case DeskStep.End:
                rows.Add([.. new[] { 1, 2, 3 }.Select(h => Btn($"+{h} h", new ButtonAction.Desk(DeskOp.EndAfter, id, h.ToString())))]);
                break;
            case DeskStep.Area:
                rows.AddRange(Keyboard.Grid(Areas.Ids.Select(a => Btn(EventCard.AreaName(content, staffLanguage, a), new ButtonAction.Desk(DeskOp.Area, id, a)))));
                break;
            case DeskStep.Kind:
                rows.AddRange(Keyboard.Grid(Enum.GetValues<EventKind>().Select(k => Btn(T(EventCard.KindKey(k)), new ButtonAction.Desk(DeskOp.Kind, id, k.ToString())))));
                break;
            case DeskStep.Spoken:
                var spoken = e?.Spoken ?? [];
                rows.AddRange(Keyboard.Grid(Languages.All.Where(l => l != Languages.PlainGerman)
                    .Select(l => Btn((spoken.Contains(l.Code) ? "✅ " : "") + content.T(l, "language.name"), new ButtonAction.Desk(DeskOp.Spoken, id, l.Code)))));
                rows.Add([Btn(T("desk.done"), new ButtonAction.Desk(DeskOp.SpokenDone, id))]);
                break;
            case DeskStep.Cost:
                rows.Add([Btn(T("event.free"), new ButtonAction.Desk(DeskOp.Free, id))]);
                break;
            case DeskStep.Access:
                rows.AddRange(new[] { Access.StepFree, Access.NotStepFree, Access.Unknown }.Select(x => (IReadOnlyList<Button>)[Btn(T("access." + x.ToString().ToLowerInvariant()), new ButtonAction.Desk(DeskOp.Access, id, x.ToString()))]));
                break;
        }
        if (Skippable(s.Step)) rows.Add([Btn(T("desk.skip"), new ButtonAction.Desk(DeskOp.Skip, id))]);
        if (s.Editing || s.Step == DeskStep.ScheduleAt) rows.Add([Btn(T("desk.back"), new ButtonAction.Desk(DeskOp.Open, id))]);
        return new([new SendText(text, rows.Count == 0 ? null : new Keyboard(rows))]) { Effects = [Keep(s with { UpdatedAt = Now })] };
    }

    /// <summary>Saves the changed event and asks the next question (or shows the review when the draft is complete).</summary>
    private Outcome Advance(Turn turn, DeskSession s, Event changed)
    {
        if (changed.IsUnset(s.Step)) changed = changed with { Unset = [.. changed.Unset.Where(f => f != s.Step.ToString())] }; // set now
        var save = new SaveEvent(changed);
        DeskStep? next = s.Step switch
        {
            DeskStep.TranslateTitle => DeskStep.TranslateDescription,
            _ when s.Editing || s.Step is DeskStep.TranslateDescription or DeskStep.Link => null,
            _ => Order[Array.IndexOf(Order, s.Step) + 1],
        };
        var outcome = next is { } step ? Ask(turn, s with { Step = step }, changed) : Review(turn, changed, s);
        return outcome with { Effects = [save, .. outcome.Effects] };
    }

    private Outcome SpokenToggled(Turn turn, DeskSession s, Event e, Language l)
    {
        var changed = e with { Spoken = Choices.Toggled(e.Spoken, l.Code) };
        var outcome = Ask(turn, s, changed);
        return outcome with { Effects = [new SaveEvent(changed), .. outcome.Effects] };
    }

    private static Event Skipped(Event e, DeskSession s) => s.Step switch
    {
        DeskStep.TranslateDescription => e with { Description = Without(e.Description, s.Language!) },
        DeskStep.Place => e with { Place = null },
        DeskStep.Link => e with { Link = null },
        _ => e,
    };

    /// <summary>A typed answer for the current field: the changed event, or the key of a kind correction.</summary>
    private (Event? Changed, string? Problem) Fill(Event e, DeskSession s, string text)
    {
        switch (s.Step)
        {
            case DeskStep.Title or DeskStep.TranslateTitle:
                if (text.Length is 0 or > MaxTitle) return (null, "desk.bad.title");
                return (e with { Title = With(e.Title, s.Step == DeskStep.Title ? "de" : s.Language!, text) }, null);
            case DeskStep.Description or DeskStep.TranslateDescription:
                if (text.Length is 0 or > MaxDescription) return (null, "desk.bad.description");
                return (e with { Description = With(e.Description, s.Step == DeskStep.Description ? "de" : s.Language!, text) }, null);
            case DeskStep.Start:
                if (BerlinTime.ParseLocal(text, Now) is not { } local || BerlinTime.ToUtc(local) <= Now) return (null, "desk.bad.start");
                var start = BerlinTime.ToUtc(local);
                var length = e.EndUtc > e.StartUtc ? e.EndUtc - e.StartUtc : TimeSpan.FromHours(2);
                return (EventSeries.Retimed(e, start, start + length), null); // a series moves all its dates
            case DeskStep.End:
                var startLocal = BerlinTime.ToLocal(e.StartUtc);
                DateTime? endLocal = BerlinTime.ParseTime(text) is { } t ? startLocal.Date + t : BerlinTime.ParseLocal(text, e.StartUtc);
                if (endLocal is not { } end || BerlinTime.ToUtc(end) <= e.StartUtc) return (null, "desk.bad.end");
                return (EventSeries.Retimed(e, e.StartUtc, BerlinTime.ToUtc(end)), null);
            case DeskStep.Place:
                return text.Length > MaxField ? (null, "desk.bad.field") : (e with { Place = text }, null);
            case DeskStep.Cost:
                return text.Length > MaxField ? (null, "desk.bad.field") : (e with { Cost = text }, null);
            case DeskStep.Link:
                return WebLink(text) is { } u && u.Length <= MaxField ? (e with { Link = u }, null) : (null, "desk.bad.link");
            default:
                return (null, "desk.bad.buttons");
        }
    }

    /// <summary>An http(s) address as typed; one typed without its scheme ("benn-weissensee.de/x", as people copy it
    /// from a flyer) gets https:// (issue 13). Null for anything that is no web address with a dotted host name.</summary>
    internal static string? WebLink(string text)
    {
        if (text.Any(char.IsWhiteSpace)) return null;
        var typed = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        return Uri.TryCreate(typed, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" && u.Host.Contains('.') && !u.Host.EndsWith('.')
            ? u.ToString() : null;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> d, string key, string value) => new(d) { [key] = value };

    private static Dictionary<string, string> Without(Dictionary<string, string> d, string key) => d.Where(kv => kv.Key != key).ToDictionary();
}
