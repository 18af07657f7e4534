using System.Text.RegularExpressions;

namespace BennBot.Worker.Learning;

/// <summary>Takes out of a resident's question what could point at a person before it becomes an example (issue 16):
/// links, e-mail addresses, @handles, Telegram ids, street addresses with a house number, phone numbers and other long
/// numbers, each replaced by a placeholder staff can read. Names it cannot find reliably in eight languages: the preview
/// asks staff to remove them. Numbers of one or two digits stay ("I am 16", "3 contact persons"): they carry the meaning
/// and point at nobody. \d matches Arabic and Persian digits too.</summary>
public static partial class ExampleScrubber
{
    public const string Link = "[🔗]", Email = "[✉]", Handle = "[@]", TelegramId = "[🆔]", Address = "[🏠]", Phone = "[☎]", Number = "[#]";

    // Order matters: an e-mail address looks like a handle and a link; a link holds numbers; an address holds a number.
    private static readonly (Regex Pattern, string Placeholder)[] Rules =
    [
        (EmailPattern(), Email),
        (LinkPattern(), Link),
        (HandlePattern(), Handle),
        (TelegramIdPattern(), TelegramId),
        (AddressPattern(), Address),
        (StreetFirstPattern(), Address),
        (AddressAfterNumberPattern(), Address),
        (PhonePattern(), Phone),
        (NumberPattern(), Number),
    ];

    public static string Scrub(string text)
    {
        foreach (var (pattern, placeholder) in Rules) text = pattern.Replace(text, placeholder);
        return WhiteSpace().Replace(text, " ").Trim();
    }

    /// <summary>Whether anything but placeholders, punctuation and spaces is left.</summary>
    public static bool HasWords(string scrubbed) =>
        Rules.Aggregate(scrubbed, (t, r) => t.Replace(r.Placeholder, " ")).Any(char.IsLetter);

    [GeneratedRegex(@"\b(?:https?://|www\.|t\.me/|tg://)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:de|com|org|net|eu|info|io|berlin|ru|ua|tr|ir)\b(?:/\S*)?", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w@])@[A-Za-z0-9_]{3,32}\b")]
    private static partial Regex HandlePattern();

    // "id 123456789", "ID: 5101", "user_id=…", "آیدی ۱۲۳۴۵۶", "айди 12345": a Telegram account, whatever the number's length.
    [GeneratedRegex(@"(?:\b(?:user_?id|chat_?id|telegram[ -]?id|id)|айди|آیدی|ایدی)\s*[:=#]?\s*\d{3,}", RegexOptions.IgnoreCase)]
    private static partial Regex TelegramIdPattern();

    // A street (German, English, Turkish) with the capitalised words of its name and a house number: "Berliner Allee 120",
    // "Parkstr. 5a", "Langhansstraße 7-9", "Park Street 12", "Gül Sokak No: 5". Case matters here: "bring 5" is no address.
    [GeneratedRegex(@"(?:\b\p{Lu}[\p{L}-]*\s+){0,2}\b(?:\p{Lu}[\p{L}-]*)?(?:[Ss]traße|[Ss]trasse|[Ss]tr\.|[Ww]eg|[Aa]llee|[Pp]latz|[Dd]amm|[Rr]ing|[Gg]asse|[Uu]fer|[Cc]haussee|[Ss]treet|[Rr]oad|[Aa]venue|[Ss]okak|[Ss]ok\.|[Cc]addesi|[Cc]ad\.)\s*,?\s*(?:(?:Nr|No)\.?:?\s*)?\d+(?:[a-zA-Z]\b)?(?:\s?[-/]\s?\d+)?")]
    private static partial Regex AddressPattern();

    // Russian, Ukrainian, Arabic and Persian put the street word first: "улица Ленина, д. 5", "вул. Шевченка 12", "شارع برلينر 12", "خیابان آزادی پلاک ۷".
    [GeneratedRegex(@"(?:\b(?:ул\.|улица|улице|вул\.|вулиця|вулиці|проспект|просп\.|переулок|пер\.)|شارع|خیابان|کوچه)\s*[\p{L}\s.-]{0,40}?,?\s*(?:д\.|дом|буд\.|будинок|رقم|پلاک)?\s*\d+", RegexOptions.IgnoreCase)]
    private static partial Regex StreetFirstPattern();

    // English and Turkish also write the number first: "12 Park Street".
    [GeneratedRegex(@"\b\d+\s?[a-zA-Z]?\s+(?:\p{Lu}[\p{L}-]*\s+){1,3}(?:Street|St\.|Road|Avenue|Sokak|Caddesi)\b")]
    private static partial Regex AddressAfterNumberPattern();

    // German and international: "+49 30 1234567", "0049 (0)176 123 45 67", "030/1234567", "0176-12345678", with at least 6 digits.
    [GeneratedRegex(@"(?<![\w+])(?:\+|00)?\(?\d(?:[\s()/.-]{0,3}\d){5,}")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\d{3,}")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex WhiteSpace();
}
