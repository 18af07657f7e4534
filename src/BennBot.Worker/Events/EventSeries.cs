using BennBot.Content;

namespace BennBot.Worker.Events;

/// <summary>One date of a repeating event; a cancelled one stays in the list, so residents see that it does not take place.</summary>
public sealed record EventDate
{
    public DateTime StartUtc { get; init; }
    public DateTime EndUtc { get; init; }
    public bool Cancelled { get; init; }
}

/// <summary>A repeating event is one event with its dates, which staff edit, translate and announce once (issue 13: a
/// weekly series in an .ics file became 51 drafts, each to be edited and sent on its own).</summary>
public static class EventSeries
{
    /// <summary>Occurrences read from a calendar, grouped into events: one per series (its UID), dates in order; a single
    /// event, or a series with one date in the window, has no dates list.</summary>
    public static List<(string Uid, ImportedEvent First, List<EventDate> Dates)> Group(IEnumerable<ImportedEvent> events) =>
        [.. events.GroupBy(e => e.Series ?? e.Uid, StringComparer.Ordinal).Select(g =>
        {
            var ordered = g.OrderBy(e => e.StartUtc).ToList();
            List<EventDate> dates = ordered.Count > 1 ? [.. ordered.Select(o => new EventDate { StartUtc = o.StartUtc, EndUtc = o.EndUtc })] : [];
            return (g.Key, ordered[0], dates);
        })];

    /// <summary>The event with new dates: the first one's times become StartUtc/EndUtc, the last one's end UntilUtc.</summary>
    public static Event WithDates(Event e, List<EventDate> dates) => dates.Count > 1
        ? e with { Dates = dates, StartUtc = dates[0].StartUtc, EndUtc = dates[0].EndUtc, UntilUtc = dates.Max(d => d.EndUtc) }
        : e with { Dates = [], UntilUtc = default };

    /// <summary>A new start and end typed for the event: for a series, every date moves by the same Berlin wall-clock
    /// shift and gets the same length (so a weekly 15:00 stays 15:00 across the clock change).</summary>
    public static Event Retimed(Event e, DateTime startUtc, DateTime endUtc)
    {
        if (!e.IsSeries) return e with { StartUtc = startUtc, EndUtc = endUtc };
        var shift = BerlinTime.ToLocal(startUtc) - BerlinTime.ToLocal(e.StartUtc);
        var length = BerlinTime.ToLocal(endUtc) - BerlinTime.ToLocal(startUtc);
        return WithDates(e, [.. e.Dates.Select(d => BerlinTime.ToLocal(d.StartUtc) + shift is var s
            ? d with { StartUtc = BerlinTime.ToUtc(s), EndUtc = BerlinTime.ToUtc(s + length) } : d)]);
    }

    /// <summary>"weekly on Tue, 15:00–17:00, 16.03.2027 – 06.04.2027" when every date has the same weekday, time and
    /// length a week apart; else "15:00–17:00 on 16.03., 30.03., 06.04.2027"; else each date with its time.</summary>
    public static string When(ContentSet content, Language l, Event e)
    {
        var dates = e.Dates.Select(d => (Start: BerlinTime.ToLocal(d.StartUtc), End: BerlinTime.ToLocal(d.EndUtc))).ToList();
        var (first, last) = (dates[0], dates[^1]);
        var time = $"{first.Start:HH:mm}–{first.End:HH:mm}";
        var sameTime = dates.All(d => d.Start.TimeOfDay == first.Start.TimeOfDay && d.End - d.Start == first.End - first.Start && d.Start.Date == d.End.Date);
        var weekly = sameTime && dates.Zip(dates.Skip(1)).All(p => (p.Second.Start.Date - p.First.Start.Date).Days == 7);
        if (weekly)
            return content.T(l, "event.series.weekly", ("day", content.T(l, EventCard.DayKey(first.Start.DayOfWeek))), ("time", time),
                ("from", first.Start.ToString("dd.MM.yyyy")), ("until", last.Start.ToString("dd.MM.yyyy")));
        if (sameTime) return content.T(l, "event.series.dates", ("time", time), ("dates", Days(dates.Select(d => d.Start).ToList())));
        return string.Join(", ", dates.Select(d => $"{d.Start:dd.MM.yyyy HH:mm}–{d.End:HH:mm}"));
    }

    /// <summary>"16.03., 23.03.2027": day and month, the year once at the end.</summary>
    public static string Days(IReadOnlyList<DateTime> local) =>
        string.Join(", ", local.Select((d, i) => d.ToString(i == local.Count - 1 ? "dd.MM.yyyy" : "dd.MM.")));
}
