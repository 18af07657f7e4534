using BennBot.Content;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;

namespace BennBot.Worker.Posters;

/// <summary>What a poster says (issue 18): the deep link its QR code opens, the bot's name, one "scan" line per
/// language in that language's script, and for an event poster the event's title in those languages, its date and
/// place. Built from the same texts the bot uses, so the terminal and Telegram make the same poster.</summary>
public sealed record PosterSpec(string Link, string BotName, IReadOnlyList<PosterText> Scan, EventFacts? Event = null)
{
    /// <summary>The poster for this payload in these languages. With one language the link carries it, so the
    /// resident lands in it; with several, Telegram's language of the phone decides, as on a plain start.</summary>
    public static PosterSpec For(StartPayload payload, IReadOnlyList<Language> languages, string botUsername, ContentSet content, Event? ev = null, DateTime now = default)
    {
        var ordered = Languages.All.Where(languages.Contains).ToList();
        var link = (payload with { Language = ordered.Count == 1 ? ordered[0] : null }).Link(botUsername);
        var scan = ordered.Select(l => new PosterText(l, content.T(l, "poster.scan"))).ToList();
        return new(link, "@" + botUsername.TrimStart('@'), scan, ev is null ? null : EventFacts.Of(ev, ordered, now, content));
    }
}

public sealed record PosterText(Language Language, string Text);

/// <summary>An event's key facts for its poster: its title in each language (once when the same); when, in digits that
/// read the same in every language ("12.12.2026 · 15:00–17:00"), with the weekday spelled out in each language (one line
/// for the left-to-right ones, one for Arabic and Farsi, so that no line mixes directions); where (an address or the area
/// name, a name in any language).</summary>
public sealed record EventFacts(IReadOnlyList<PosterText> Titles, string When, IReadOnlyList<string> Weekdays, string? Place)
{
    public static EventFacts Of(Event ev, IReadOnlyList<Language> languages, DateTime now, ContentSet content)
    {
        var date = ev.Next(now) ?? new EventDate { StartUtc = ev.StartUtc, EndUtc = ev.EndUtc };   // a series: its next date
        var titles = languages.Select(l => new PosterText(l, ev.TitleIn(l.Code)))
            .Where(t => t.Text.Length > 0).DistinctBy(t => t.Text).ToList();
        var start = BerlinTime.ToLocal(date.StartUtc);
        var end = BerlinTime.ToLocal(date.EndUtc);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var when = start.ToString("dd.MM.yyyy · HH:mm", invariant)
            + (end > start ? (end.Date == start.Date ? end.ToString("–HH:mm", invariant) : end.ToString(" – dd.MM.yyyy · HH:mm", invariant)) : "");
        var weekdays = languages.GroupBy(l => l.IsRightToLeft).OrderBy(g => g.Key)
            .Select(g => string.Join(" · ", g.Select(l => Weekday(content, l, start.DayOfWeek)).Distinct()))
            .ToList();
        var place = ev.Place ?? (Areas.Name(ev.Area) is { } area ? area : null);
        return new(titles, when, weekdays, place);
    }

    /// <summary>The weekday's full name ("poster.weekdays": Monday first, comma-separated): the cards' short forms
    /// ("Cmt", "Сб") are too cryptic on a wall.</summary>
    public static string Weekday(ContentSet content, Language language, DayOfWeek day) =>
        content.T(language, "poster.weekdays").Split(',')[((int)day + 6) % 7].Trim();
}
