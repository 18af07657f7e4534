using System.Text;
using BennBot.Content;

namespace BennBot.Worker.Conversations;

/// <summary>What a button does. Encoded as short opaque strings (Telegram's callback_data is 1–64 bytes) and
/// treated as untrusted on the way back: anything that does not decode to a known action and a known id is
/// refused, so a forged or stale button changes nothing.</summary>
public abstract record ButtonAction
{
    public const int MaxBytes = 64;

    public sealed record Menu : ButtonAction;
    public sealed record ChooseLanguage : ButtonAction;
    public sealed record SetLanguage(Language Language) : ButtonAction;
    public sealed record Topics : ButtonAction;
    public sealed record Category(string Id) : ButtonAction;
    public sealed record ShowEntry(string Id) : ButtonAction;
    public sealed record AskHint : ButtonAction;
    public sealed record Help : ButtonAction;
    public sealed record Privacy : ButtonAction;
    public sealed record PrivacyShow : ButtonAction;
    public sealed record PrivacyDelete : ButtonAction;
    public sealed record PrivacyDeleteConfirmed : ButtonAction;
    public sealed record Guide : ButtonAction;
    public sealed record GuideTopic(string Topic) : ButtonAction;
    public sealed record GuideResult(string Topic, string Who) : ButtonAction;
    public sealed record AskTeam : ButtonAction;
    public sealed record Feedback(string EntryId, bool Helpful) : ButtonAction;

    public string Encode()
    {
        var data = this switch
        {
            Menu => "m",
            ChooseLanguage => "L",
            SetLanguage s => "l:" + s.Language.Code,
            Topics => "t",
            Category c => "c:" + c.Id,
            ShowEntry e => "e:" + e.Id,
            AskHint => "q",
            Help => "h",
            Privacy => "p",
            PrivacyShow => "p:s",
            PrivacyDelete => "p:d",
            PrivacyDeleteConfirmed => "p:y",
            Guide => "g",
            GuideTopic g => "g:" + g.Topic,
            GuideResult r => $"gw:{r.Topic}:{r.Who}",
            AskTeam => "a",
            Feedback f => (f.Helpful ? "f+:" : "f-:") + f.EntryId,
            _ => throw new InvalidOperationException($"No encoding for {GetType().Name}"),
        };
        if (Encoding.UTF8.GetByteCount(data) > MaxBytes) throw new InvalidOperationException($"Button data over {MaxBytes} bytes: {data}");
        return data;
    }

    public static ButtonAction? Decode(string? data, ContentSet content)
    {
        if (string.IsNullOrEmpty(data) || Encoding.UTF8.GetByteCount(data) > MaxBytes) return null;
        var colon = data.IndexOf(':');
        var (kind, arg) = colon < 0 ? (data, null) : (data[..colon], data[(colon + 1)..]);
        return (kind, arg) switch
        {
            ("m", null) => new Menu(),
            ("L", null) => new ChooseLanguage(),
            ("l", _) when Languages.Find(arg) is { } l && l.Code == arg => new SetLanguage(l),
            ("t", null) => new Topics(),
            ("c", _) when content.HasCategory(arg!) => new Category(arg!),
            ("e", _) when content.Entry(arg!) is not null => new ShowEntry(arg!),
            ("q", null) => new AskHint(),
            ("h", null) => new Help(),
            ("p", null) => new Privacy(),
            ("p", "s") => new PrivacyShow(),
            ("p", "d") => new PrivacyDelete(),
            ("p", "y") => new PrivacyDeleteConfirmed(),
            ("g", null) => new Guide(),
            ("g", _) when content.HasCategory(arg!) => new GuideTopic(arg!),
            ("gw", _) when arg!.Split(':') is [var c, var w] && content.HasCategory(c) && Audiences.All.Contains(w) => new GuideResult(c, w),
            ("a", null) => new AskTeam(),
            ("f+" or "f-", _) when content.Entry(arg!) is not null => new Feedback(arg!, kind == "f+"),
            _ => null,
        };
    }
}
