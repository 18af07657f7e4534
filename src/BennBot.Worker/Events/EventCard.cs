using BennBot.Content;

namespace BennBot.Worker.Events;

/// <summary>An event as a resident reads it: the key facts rendered in their language from the structured fields
/// (what, when, where, kind, languages spoken, cost, access), then the description in their language, or the
/// German one marked as German. Dates are Berlin wall-clock time with a translated weekday.</summary>
public static class EventCard
{
    public static string Render(ContentSet content, Language l, Event e, string? headingKey = null)
    {
        var lines = new List<string>();
        if (headingKey is not null) lines.Add(Html.Bold(content.T(l, headingKey)));
        var ownTitle = e.Title.ContainsKey(l.Code);
        lines.Add("📅 " + Html.Bold(e.TitleIn(l.Code)) + (ownTitle || l == Languages.German ? "" : " " + Html.Escape(content.T(l, "event.german"))));
        lines.Add("🕒 " + Html.Escape(e.IsSeries ? EventSeries.When(content, l, e) : When(content, l, e)));
        if (e.Dates.Where(d => d.Cancelled).Select(d => BerlinTime.ToLocal(d.StartUtc)).ToList() is { Count: > 0 } off)
            lines.Add("❌ " + Html.Escape(content.T(l, "event.series.cancelled", ("dates", EventSeries.Days(off)))));
        // What nobody has said (an imported event's area, kind, cost) is left out rather than shown as a fact (issue 13).
        if (!e.IsUnset(DeskStep.Area) || e.Place is { Length: > 0 }) lines.Add("📍 " + Html.Escape(Where(content, l, e)));
        if (!e.IsUnset(DeskStep.Kind)) lines.Add("🏷 " + Html.Escape(content.T(l, KindKey(e.Kind))));
        if (e.Spoken.Count > 0)
            lines.Add("🗣 " + Html.Escape(string.Join(", ", e.Spoken.Select(code => Languages.Find(code) is { } s ? content.T(s, "language.name") : code))));
        if (!e.IsUnset(DeskStep.Cost)) lines.Add("💶 " + Html.Escape(e.Cost is null ? content.T(l, "event.free") : e.Cost));
        if (e.Access != Access.Unknown) lines.Add("♿ " + Html.Escape(content.T(l, e.Access == Access.StepFree ? "access.stepfree" : "access.notstepfree")));
        if (e.Link is not null) lines.Add("🔗 " + Html.Escape(e.Link));
        if (e.Status == EventStatus.Cancelled) lines.Insert(headingKey is null ? 0 : 1, "❌ " + Html.Bold(content.T(l, "event.cancelled")));
        var text = string.Join('\n', lines);
        if (e.Description.GetValueOrDefault(l.Code) is { Length: > 0 } own) text += "\n\n" + Html.Escape(own);
        else if (e.Description.GetValueOrDefault("de") is { Length: > 0 } german)
            text += "\n\n" + Html.Escape(content.T(l, "event.german")) + "\n" + Html.Escape(german);
        return Bidi.Direct(l, text);
    }

    /// <summary>"Tue 01.12.2026, 18:00–19:30", or with both dates when it ends on another day.</summary>
    public static string When(ContentSet content, Language l, Event e)
    {
        var start = BerlinTime.ToLocal(e.StartUtc);
        var end = BerlinTime.ToLocal(e.EndUtc);
        var day = $"{content.T(l, DayKey(start.DayOfWeek))} {start:dd.MM.yyyy}";
        return start.Date == end.Date
            ? $"{day}, {start:HH:mm}–{end:HH:mm}"
            : $"{day}, {start:HH:mm} – {content.T(l, DayKey(end.DayOfWeek))} {end:dd.MM.yyyy}, {end:HH:mm}";
    }

    public static string Where(ContentSet content, Language l, Event e)
    {
        if (e.IsUnset(DeskStep.Area)) return e.Place ?? "";
        var area = AreaName(content, l, e.Area);
        return e.Place is { Length: > 0 } place ? $"{place} ({area})" : area;
    }

    /// <summary>One line for a list: "01.12. 18:00 · title"; for a series "🔁 " and its next date after <paramref name="now"/>.</summary>
    public static string Label(Language l, Event e, DateTime? now = null) => e.IsSeries
        ? $"🔁 {BerlinTime.ToLocal((now is { } n ? e.Next(n)?.StartUtc : null) ?? e.StartUtc):dd.MM. HH:mm} · {e.TitleIn(l.Code)}"
        : $"{BerlinTime.ToLocal(e.StartUtc):dd.MM. HH:mm} · {e.TitleIn(l.Code)}";

    public static string AreaName(ContentSet content, Language l, string area) => Areas.Name(area) ?? content.T(l, "area.other");

    public static string KindKey(EventKind kind) => "kind." + kind.ToString().ToLowerInvariant();

    internal static string DayKey(DayOfWeek d) => "day." + (d == DayOfWeek.Sunday ? 7 : (int)d);
}
