using System.Text;
using System.Text.RegularExpressions;
using BennBot.Content;
using BennBot.Worker.Events;

namespace BennBot.Worker.Residents;

/// <summary>Where a deep link (<c>https://t.me/&lt;bot&gt;?start=&lt;payload&gt;</c>, issue 18) leads.</summary>
public enum StartTarget { Home, Entry, Event, Topic, Subscribe }

/// <summary>What a deep link's start parameter carries: a language, a planning area, one target. Telegram allows up
/// to 64 characters of <c>A-Za-z0-9_-</c>; the payload is segments joined by "_", each a key letter and its value:
/// <c>l</c> language code, <c>a</c> area id, then at most one of <c>f</c> entry id, <c>e</c> event number, <c>t</c>
/// (share a topic), <c>s</c> (subscribe). Example: <c>lar_ahansa_fpetition</c>. Ids may contain "-", never "_".
/// Parsing is strict: anything unknown, repeated or malformed gives null, and the caller shows the normal welcome.</summary>
public sealed partial record StartPayload(Language? Language, string? Area, StartTarget Target, string? EntryId = null, long? EventId = null)
{
    public const int MaxLength = 64;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Allowed();

    /// <summary>The payload, or null when the text is not one BennBot wrote (no error: the normal welcome follows).</summary>
    public static StartPayload? Parse(string? text, ContentSet content)
    {
        if (text is null || !Allowed().IsMatch(text)) return null;
        Language? language = null;
        string? area = null;
        StartPayload? target = null;
        foreach (var segment in text.Split('_'))
        {
            if (segment.Length == 0) return null;
            var value = segment[1..];
            switch (segment[0])
            {
                case 'l' when language is null && Languages.Find(value) is { } l: language = l; break;
                case 'a' when area is null && Areas.IsKnown(value) && value != Areas.Other: area = value; break;
                case 'f' when target is null && content.Entry(value) is not null: target = new(null, null, StartTarget.Entry, EntryId: value); break;
                case 'e' when target is null && long.TryParse(value, System.Globalization.NumberStyles.None, null, out var id) && id > 0:
                    target = new(null, null, StartTarget.Event, EventId: id); break;
                case 't' when target is null && value.Length == 0: target = new(null, null, StartTarget.Topic); break;
                case 's' when target is null && value.Length == 0: target = new(null, null, StartTarget.Subscribe); break;
                default: return null;
            }
        }
        return (target ?? new(null, null, StartTarget.Home)) with { Language = language, Area = area };
    }

    /// <summary>The start parameter for this payload (what <see cref="Parse"/> reads back).</summary>
    public string Format()
    {
        var parts = new List<string>();
        if (Language is not null) parts.Add("l" + Language.Code);
        if (Area is not null) parts.Add("a" + Area);
        parts.Add(Target switch
        {
            StartTarget.Entry => "f" + EntryId,
            StartTarget.Event => "e" + EventId,
            StartTarget.Topic => "t",
            StartTarget.Subscribe => "s",
            _ => "",
        });
        var text = string.Join('_', parts.Where(p => p.Length > 0));
        if (text.Length > MaxLength) throw new InvalidOperationException($"A start payload is at most {MaxLength} characters: {text}");
        return text;
    }

    /// <summary>The deep link to the bot with this payload; without a payload for the plain home with no language or area.</summary>
    public string Link(string botUsername)
    {
        var payload = Format();
        var link = new StringBuilder("https://t.me/").Append(botUsername.TrimStart('@'));
        if (payload.Length > 0) link.Append("?start=").Append(payload);
        return link.ToString();
    }
}
