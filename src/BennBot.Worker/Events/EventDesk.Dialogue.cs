using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Events;

/// <summary>The field-by-field part of the desk, as replies: the questions, and <see cref="DeskFlow"/>'s steps rendered.</summary>
public sealed partial class EventDesk
{
    private static string PromptKey(DeskStep step) => "desk.ask." + step.ToString().ToLowerInvariant();

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
        if (DeskFlow.Skippable(s.Step)) rows.Add([Btn(T("desk.skip"), new ButtonAction.Desk(DeskOp.Skip, id))]);
        if (s.Editing || s.Step == DeskStep.ScheduleAt) rows.Add([Btn(T("desk.back"), new ButtonAction.Desk(DeskOp.Open, id))]);
        return new([new SendText(text, rows.Count == 0 ? null : new Keyboard(rows))]) { Effects = [Keep(s with { UpdatedAt = Now })] };
    }

    /// <summary>One step of the field-by-field dialogue: <see cref="DeskFlow.Next"/> decides, this renders it.</summary>
    private Outcome Step(Turn turn, DeskSession s, Event e, DeskInput input)
    {
        var move = DeskFlow.Next(s, e, input, Now);
        var shown = move.Say switch
        {
            DeskSay.Problem p => Again(turn, s, e, p.Key),
            DeskSay.Queue q => Queue(turn, e, s, q.At),
            DeskSay.Review => Review(turn, move.Saved ?? e, move.Session),
            DeskSay.Ask => Ask(turn, move.Session, move.Saved ?? e),
            _ => new([Say("desk.stale")]),
        };
        if (move.Saved is not { } saved) return shown;
        // "24.12. 18:00" typed as the end of an event that starts on 20.12.: allowed (a weekend festival), but worth a look.
        if (s.Step == DeskStep.End && LaterDays(saved) is > 0 and var days)
            shown = shown with { Replies = [SayWith("desk.multiday", ("end", BerlinTime.DayAndTime(BerlinTime.ToLocal(saved.EndUtc))), ("days", days), ("edit", T("desk.edit")), ("field", T("desk.field.end"))), .. shown.Replies] };
        return shown with { Effects = [new SaveEvent(saved), .. shown.Effects] };
    }

    /// <summary>How many days after the day it starts an event ends (Berlin time); 0 for an evening that ends after
    /// midnight, as long as it lasts less than a day.</summary>
    private static int LaterDays(Event e) =>
        e.EndUtc - e.StartUtc < TimeSpan.FromDays(1) ? 0 : (BerlinTime.ToLocal(e.EndUtc).Date - BerlinTime.ToLocal(e.StartUtc).Date).Days;
}
