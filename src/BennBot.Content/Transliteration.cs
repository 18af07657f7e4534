using System.Text;

namespace BennBot.Content;

/// <summary>Russian and Ukrainian typed in Latin letters, as people do on a phone without a Cyrillic keyboard
/// ("kak podat peticiyu", "yak podaty petytsiiu"), written back in Cyrillic so that the Russian and Ukrainian
/// analysers can read it. There is no one standard: the common informal spellings are all accepted (sh/ch/zh/kh,
/// ya/ja, yu/ju, ts/c, a final y after a vowel as й). Acronyms in capitals (BVV, LEA) stay as they are, because the
/// seeds write them in Latin letters too.</summary>
public static class Transliteration
{
    public enum Scheme { Russian, Ukrainian }

    private const double MinLatinShare = 0.8;

    // Longest first: "shch" before "sh" before "s".
    // "ia", "iu", "ie" are Ukrainian's official spelling of я, ю, є; in Russian they are и + a vowel ("uchastie").
    // "tsya" is Russian's reflexive ending -ться ("pozhalovatsya"). Null: the group means nothing in that language.
    private static readonly (string Latin, string? Russian, string? Ukrainian)[] Groups =
    [
        ("tsya", "ться", null),
        ("shch", "щ", "щ"), ("sch", "щ", "щ"),
        ("sh", "ш", "ш"), ("ch", "ч", "ч"), ("zh", "ж", "ж"), ("kh", "х", "х"), ("ts", "ц", "ц"), ("tz", "ц", "ц"),
        ("ya", "я", "я"), ("ja", "я", "я"), ("ia", null, "я"),
        ("yu", "ю", "ю"), ("ju", "ю", "ю"), ("iu", null, "ю"),
        ("yo", "ё", "йо"), ("jo", "ё", "йо"),
        ("ye", "е", "є"), ("je", "е", "є"), ("ie", null, "є"),
        ("yi", "ый", "ї"), ("ji", "ый", "ї"),
    ];

    private static readonly Dictionary<char, (string Russian, string Ukrainian)> Letters = new()
    {
        ['a'] = ("а", "а"), ['b'] = ("б", "б"), ['v'] = ("в", "в"), ['w'] = ("в", "в"), ['g'] = ("г", "г"),
        ['d'] = ("д", "д"), ['e'] = ("е", "е"), ['z'] = ("з", "з"), ['i'] = ("и", "і"), ['j'] = ("й", "й"),
        ['k'] = ("к", "к"), ['l'] = ("л", "л"), ['m'] = ("м", "м"), ['n'] = ("н", "н"), ['o'] = ("о", "о"),
        ['p'] = ("п", "п"), ['r'] = ("р", "р"), ['s'] = ("с", "с"), ['t'] = ("т", "т"), ['u'] = ("у", "у"),
        ['f'] = ("ф", "ф"), ['h'] = ("х", "г"), ['c'] = ("ц", "ц"), ['x'] = ("кс", "кс"), ['q'] = ("к", "к"),
        ['y'] = ("ы", "и"), ['\''] = ("ь", "ь"),
    };

    private const string Vowels = "aeiouy";

    /// <summary>The text in Cyrillic, or null when it is not mostly Latin letters (nothing to transliterate).</summary>
    public static string? ToCyrillic(string text, Scheme scheme)
    {
        var letters = text.Count(char.IsLetter);
        if (letters == 0 || text.Count(char.IsAsciiLetter) < MinLatinShare * letters) return null;
        var sb = new StringBuilder(text.Length);
        foreach (var (word, isWord) in Words(text))
        {
            if (!isWord || IsAcronym(word)) { sb.Append(word); continue; }
            sb.Append(Word(word.ToLowerInvariant(), scheme));
        }
        return sb.ToString();
    }

    private static bool IsAcronym(string word) => word.Length >= 2 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static string Word(string word, Scheme scheme)
    {
        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length;)
        {
            var group = Groups.FirstOrDefault(g => (scheme == Scheme.Russian ? g.Russian : g.Ukrainian) is not null
                && string.CompareOrdinal(word, i, g.Latin, 0, g.Latin.Length) == 0);
            if (group.Latin is { } latin)
            {
                sb.Append(scheme == Scheme.Russian ? group.Russian : group.Ukrainian);
                i += latin.Length;
                continue;
            }
            var c = word[i];
            // A "y" or "i" after a vowel and before a consonant or the end is the consonant й ("moy", "kakoi").
            if (c is 'y' or 'i' && i > 0 && Vowels.Contains(word[i - 1]) && (i + 1 == word.Length || !Vowels.Contains(word[i + 1])))
                sb.Append(scheme == Scheme.Ukrainian && c == 'i' ? "ї" : "й");
            else if (Letters.TryGetValue(c, out var letter)) sb.Append(scheme == Scheme.Russian ? letter.Russian : letter.Ukrainian);
            else sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    // Runs of letters and apostrophes (a soft sign), and everything between them.
    private static IEnumerable<(string Text, bool IsWord)> Words(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && IsWordChar(text[i]) == IsWordChar(text[start])) continue;
            yield return (text[start..i], IsWordChar(text[start]));
            start = i;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c == '\'';
}
