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
        return new(link, "@" + botUsername.TrimStart('@'), scan, ev is null ? null : EventFacts.Of(ev, ordered, now));
    }
}

public sealed record PosterText(Language Language, string Text);

/// <summary>An event's key facts for its poster: its title in each language (once when the same), when, where.</summary>
public sealed record EventFacts(IReadOnlyList<PosterText> Titles, string When, string? Place)
{
    public static EventFacts Of(Event ev, IReadOnlyList<Language> languages, DateTime now)
    {
        var date = ev.Next(now) ?? new EventDate { StartUtc = ev.StartUtc, EndUtc = ev.EndUtc };   // a series: its next date
        var titles = languages.Select(l => new PosterText(l, ev.TitleIn(l.Code)))
            .Where(t => t.Text.Length > 0).DistinctBy(t => t.Text).ToList();
        // Digits and a dash read the same in every language on the poster; weekday names would need eight spellings.
        var start = BerlinTime.ToLocal(date.StartUtc);
        var end = BerlinTime.ToLocal(date.EndUtc);
        var when = start.ToString("dd.MM.yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            + (end > start ? (end.Date == start.Date ? end.ToString("–HH:mm", System.Globalization.CultureInfo.InvariantCulture)
                : end.ToString(" – dd.MM.yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture)) : "");
        var place = ev.Place ?? (Areas.Name(ev.Area) is { } area ? area : null);
        return new(titles, when, place);
    }
}
