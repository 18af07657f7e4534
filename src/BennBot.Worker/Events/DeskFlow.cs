using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Events;

/// <summary>What a staff member does at a step of the event desk: a typed answer, or one of the step's buttons.</summary>
public abstract record DeskInput
{
    public sealed record Text(string Words) : DeskInput;
    public sealed record Area(string Chosen) : DeskInput;
    public sealed record Kind(EventKind Chosen) : DeskInput;
    /// <summary>Toggles one spoken language; <see cref="SpokenDone"/> goes on.</summary>
    public sealed record Spoken(string Language) : DeskInput;
    public sealed record SpokenDone : DeskInput;
    public sealed record Free : DeskInput;
    public sealed record Access(Events.Access Chosen) : DeskInput;
    public sealed record EndAfter(int Hours) : DeskInput;
    public sealed record Skip : DeskInput;
}

/// <summary>What the desk says after a step; <see cref="EventDesk"/> renders it.</summary>
public abstract record DeskSay
{
    /// <summary>Ask for the session's step (its field, with its buttons).</summary>
    public sealed record Ask : DeskSay;
    /// <summary>The draft is complete (or one field was edited): show the review.</summary>
    public sealed record Review : DeskSay;
    /// <summary>The answer was not right: say so (a text key), then ask the same again.</summary>
    public sealed record Problem(string Key) : DeskSay;
    /// <summary>A time for the announcement was typed: queue it for then.</summary>
    public sealed record Queue(DateTime At) : DeskSay;
    /// <summary>A button of another step: nothing changes.</summary>
    public sealed record Stale : DeskSay;
}

/// <summary>The result of one step: the session to keep, the event to save (null: unchanged) and what to say.</summary>
public sealed record DeskMove(DeskSession Session, Event? Saved, DeskSay Say);

/// <summary>The event desk's field-by-field dialogue as a pure function, like <see cref="Topics.TopicFlow"/> (issue 14):
/// (session, event, input) → (session, event, what to say). No database and no clock but the <c>now</c> it is given;
/// <see cref="EventDesk"/> reads the event, calls this and renders the result.</summary>
public static class DeskFlow
{
    /// <summary>The fields of a new event, in the order they are asked.</summary>
    public static readonly DeskStep[] Order =
        [DeskStep.Title, DeskStep.Description, DeskStep.Start, DeskStep.End, DeskStep.Place, DeskStep.Area, DeskStep.Kind, DeskStep.Spoken, DeskStep.Cost, DeskStep.Access, DeskStep.Link];

    public static DeskMove Next(DeskSession s, Event e, DeskInput input, DateTime now) => (s.Step, input) switch
    {
        (DeskStep.ScheduleAt, DeskInput.Text t) => BerlinTime.ParseLocal(t.Words.Trim(), now) is { } local && BerlinTime.ToUtc(local) is var at && at > now && at < AnnounceBefore(e, now)
            ? new(s, null, new DeskSay.Queue(at))
            : Problem(s, "desk.bad.schedulebefore"),
        (_, DeskInput.Text t) => Typed(s, e, t.Words.Trim(), now),
        (DeskStep.Area, DeskInput.Area a) when Areas.IsKnown(a.Chosen) => Advance(s, e with { Area = a.Chosen }),
        (DeskStep.Kind, DeskInput.Kind k) => Advance(s, e with { Kind = k.Chosen }),
        (DeskStep.Spoken, DeskInput.Spoken l) => new(s, e with { Spoken = Choices.Toggled(e.Spoken, l.Language) }, new DeskSay.Ask()),
        (DeskStep.Spoken, DeskInput.SpokenDone) => Advance(s, e),
        (DeskStep.Cost, DeskInput.Free) => Advance(s, e with { Cost = null }),
        (DeskStep.Access, DeskInput.Access x) => Advance(s, e with { Access = x.Chosen }),
        (DeskStep.End, DeskInput.EndAfter h) when h.Hours is >= 1 and <= 12 => Advance(s, EventSeries.Retimed(e, e.StartUtc, e.StartUtc.AddHours(h.Hours))),
        (var step, DeskInput.Skip) when Skippable(step) => Advance(s, Skipped(e, s)),
        _ => new(s, null, new DeskSay.Stale()),
    };

    // The German title and description are required; a translation may leave the description out.
    public static bool Skippable(DeskStep step) => step is DeskStep.Place or DeskStep.Link or DeskStep.TranslateDescription;

    /// <summary>An announcement goes out before the event starts; for a series, before its next date.</summary>
    public static DateTime AnnounceBefore(Event e, DateTime now) => e.Next(now)?.StartUtc ?? e.StartUtc;

    private static DeskMove Typed(DeskSession s, Event e, string text, DateTime now)
    {
        var (changed, problem) = Fill(e, s, text, now);
        return changed is null ? Problem(s, problem!) : Advance(s, changed);
    }

    private static DeskMove Problem(DeskSession s, string key) => new(s, null, new DeskSay.Problem(key));

    /// <summary>The changed event is saved; then the next field, or the review when the draft is complete (or one field
    /// was edited, or a translation is done).</summary>
    private static DeskMove Advance(DeskSession s, Event changed)
    {
        if (changed.IsUnset(s.Step)) changed = changed with { Unset = [.. changed.Unset.Where(f => f != s.Step.ToString())] }; // set now
        DeskStep? next = s.Step switch
        {
            DeskStep.TranslateTitle => DeskStep.TranslateDescription,
            _ when s.Editing || s.Step is DeskStep.TranslateDescription or DeskStep.Link => null,
            _ => Order[Array.IndexOf(Order, s.Step) + 1],
        };
        return next is { } step ? new(s with { Step = step }, changed, new DeskSay.Ask()) : new(s with { Step = DeskStep.Review, Editing = false }, changed, new DeskSay.Review());
    }

    private static Event Skipped(Event e, DeskSession s) => s.Step switch
    {
        DeskStep.TranslateDescription => e with { Description = Without(e.Description, s.Language!) },
        DeskStep.Place => e with { Place = null },
        DeskStep.Link => e with { Link = null },
        _ => e,
    };

    /// <summary>A typed answer for the current field: the changed event, or the key of a kind correction.</summary>
    private static (Event? Changed, string? Problem) Fill(Event e, DeskSession s, string text, DateTime now)
    {
        switch (s.Step)
        {
            case DeskStep.Title or DeskStep.TranslateTitle:
                if (text.Length is 0 or > EventDesk.MaxTitle) return (null, "desk.bad.title");
                return (e with { Title = With(e.Title, s.Step == DeskStep.Title ? "de" : s.Language!, text) }, null);
            case DeskStep.Description or DeskStep.TranslateDescription:
                if (text.Length is 0 or > EventDesk.MaxDescription) return (null, "desk.bad.description");
                return (e with { Description = With(e.Description, s.Step == DeskStep.Description ? "de" : s.Language!, text) }, null);
            case DeskStep.Start:
                if (BerlinTime.ParseLocal(text, now) is not { } local || BerlinTime.ToUtc(local) <= now) return (null, "desk.bad.start");
                var start = BerlinTime.ToUtc(local);
                var length = e.EndUtc > e.StartUtc ? e.EndUtc - e.StartUtc : TimeSpan.FromHours(2);
                return (EventSeries.Retimed(e, start, start + length), null); // a series moves all its dates
            case DeskStep.End:
                var startLocal = BerlinTime.ToLocal(e.StartUtc);
                DateTime? endLocal = BerlinTime.ParseTime(text) is { } t ? startLocal.Date + t : BerlinTime.ParseLocal(text, e.StartUtc);
                if (endLocal is not { } end || BerlinTime.ToUtc(end) <= e.StartUtc) return (null, "desk.bad.end");
                return (EventSeries.Retimed(e, e.StartUtc, BerlinTime.ToUtc(end)), null);
            case DeskStep.Place:
                return text.Length > EventDesk.MaxField ? (null, "desk.bad.field") : (e with { Place = text }, null);
            case DeskStep.Cost:
                return text.Length > EventDesk.MaxField ? (null, "desk.bad.field") : (e with { Cost = text }, null);
            case DeskStep.Link:
                return WebLink(text) is { } u && u.Length <= EventDesk.MaxField ? (e with { Link = u }, null) : (null, "desk.bad.link");
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
