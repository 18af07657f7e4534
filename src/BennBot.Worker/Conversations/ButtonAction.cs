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
            _ => null,
        };
    }
}
