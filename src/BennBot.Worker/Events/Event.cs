using LiteDB;

namespace BennBot.Worker.Events;

// The numbers travel in buttons already in chats ("E:", "Sk:"): a new kind takes the next free number (menus list
// kinds in number order), never one in use (issue 14). Stored rows name the kind (LiteDB writes enums as names).
public enum EventKind { Cafe = 0, Counselling = 1, Language = 2, Children = 3, Sport = 4, Culture = 5, Participation = 6, Other = 7 }

public enum EventStatus { Draft, Published, Cancelled }

/// <summary>Is the place reachable without steps? Shown to residents in their language.</summary>
public enum Access { Unknown, StepFree, NotStepFree }

/// <summary>A neighbourhood event. Texts are per language code; German ("de") is required, the others optional
/// (a resident whose language is missing sees the German text, marked as German). Times are stored in UTC and
/// shown in Europe/Berlin.</summary>
public sealed record Event
{
    public const string Collection = "events";

    public long Id { get; init; }
    /// <summary>iCalendar UID: from an imported file (a re-import with the same UID updates), or our own.</summary>
    public string Uid { get; init; } = "";
    public Dictionary<string, string> Title { get; init; } = [];
    public Dictionary<string, string> Description { get; init; } = [];
    public DateTime StartUtc { get; init; }
    public DateTime EndUtc { get; init; }
    public string? Place { get; init; }
    public string Area { get; init; } = Areas.Other;
    public EventKind Kind { get; init; } = EventKind.Other;
    /// <summary>Language codes spoken at the event.</summary>
    public List<string> Spoken { get; init; } = [];
    /// <summary>Null: free of charge. Otherwise as staff wrote it ("3 €").</summary>
    public string? Cost { get; init; }
    public Access Access { get; init; }
    public string? Link { get; init; }
    public EventStatus Status { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>A repeating event's dates, in order (StartUtc/EndUtc are the first one's); empty for a single event.</summary>
    public List<EventDate> Dates { get; init; } = [];
    /// <summary>The end of a series' last date, stored so that lists find the series until then; default for a single event.</summary>
    public DateTime UntilUtc { get; init; }
    /// <summary>Fields nobody has given yet (an .ics file says nothing about area, kind or cost): residents do not see
    /// them (rather than "free", "elsewhere", "other"), and staff see them flagged until they set them (issue 13).</summary>
    public List<string> Unset { get; init; } = [];
    /// <summary>Issue 15: a voice message per language (code → Telegram's file id) sent right after the announcement's text.</summary>
    public Dictionary<string, string> Voice { get; init; } = [];

    [BsonIgnore] public bool IsSeries => Dates.Count > 1;

    [BsonIgnore] public DateTime LastEndUtc => UntilUtc > EndUtc ? UntilUtc : EndUtc;

    public bool IsUnset(DeskStep field) => Unset.Contains(field.ToString());

    /// <summary>The next date that is not cancelled and has not ended (for a single event: the event), or null.</summary>
    public EventDate? Next(DateTime now) => IsSeries
        ? Dates.FirstOrDefault(d => !d.Cancelled && d.EndUtc > now)
        : EndUtc > now ? new EventDate { StartUtc = StartUtc, EndUtc = EndUtc } : null;

    public string TitleIn(string language) => Title.GetValueOrDefault(language) ?? Title.GetValueOrDefault("de") ?? "";
}
