namespace BennBot.Content;

/// <summary>A language BennBot speaks. <c>Code</c> is ours (CLI, seeds, buttons); <c>TelegramCode</c> is the
/// ISO 639-1 code Telegram uses for <c>language_code</c> and per-language bot commands (null: none exists).
/// <c>ButtonBit</c> names the language in button data that lists several languages (a bit mask: the codes would not fit
/// in Telegram's 64 bytes). Buttons already in chats keep it, so it is never changed or given to another language; a
/// new language takes the next free bit, wherever it stands in <see cref="Languages.All"/> (issue 14: the bit used to
/// be the position in that list, so inserting a language retargeted "send" buttons in chats).</summary>
public sealed record Language(string Code, string? TelegramCode, bool IsRightToLeft, int ButtonBit)
{
    public override string ToString() => Code;
}

public static class Languages
{
    public static readonly Language German = new("de", "de", false, 0);
    public static readonly Language PlainGerman = new("de-simple", null, false, 1);
    public static readonly Language English = new("en", "en", false, 2);
    public static readonly Language Arabic = new("ar", "ar", true, 3);
    public static readonly Language Farsi = new("fa", "fa", true, 4);
    public static readonly Language Turkish = new("tr", "tr", false, 5);
    public static readonly Language Ukrainian = new("uk", "uk", false, 6);
    public static readonly Language Russian = new("ru", "ru", false, 7);

    /// <summary>In the order the language picker shows them.</summary>
    public static readonly IReadOnlyList<Language> All =
        [German, PlainGerman, English, Arabic, Farsi, Turkish, Ukrainian, Russian];

    public static Language? Find(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Maps Telegram's IETF tag (<c>ar</c>, <c>fa-AF</c>, <c>prs</c>, <c>en-US</c>, or nothing) to a
    /// language we speak; anything else gets the fallback.</summary>
    public static Language FromTelegram(string? languageCode, Language fallback)
    {
        if (string.IsNullOrWhiteSpace(languageCode)) return fallback;
        var primary = languageCode.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "de" or "gsw" => German,
            "en" => English,
            "ar" => Arabic,
            "fa" or "prs" or "pes" => Farsi, // prs is Dari, pes Iranian Persian (ISO 639-3)
            "tr" => Turkish,
            "uk" => Ukrainian,
            "ru" => Russian,
            _ => fallback,
        };
    }
}
