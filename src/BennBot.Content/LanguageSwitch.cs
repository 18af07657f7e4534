namespace BennBot.Content;

/// <summary>When a question is answered, whether to offer the resident the language it seems written in. The answer
/// index names the language of the example that matched best. Between languages with different alphabets that is a
/// good sign; between Ukrainian and Russian, or Arabic and Farsi, it is a guess (many words are shared, and
/// transliterations look alike), and a Ukrainian offered Russian, or an Afghan offered Arabic, feels it. Between such
/// neighbours only letters that the one alphabet has and the other lacks count.</summary>
public static class LanguageSwitch
{
    private static readonly Dictionary<Language, string> OwnLetters = new()
    {
        [Languages.Ukrainian] = "іїєґІЇЄҐ",
        [Languages.Russian] = "ыэъёЫЭЪЁ",
        [Languages.Farsi] = "\u067E\u0686\u0698\u06AF\u06CC\u06A9", // پ چ ژ گ, and the Persian ی and ک
        [Languages.Arabic] = "\u0629\u064A\u0643\u0649", // ة, and the Arabic ي, ك and ى
    };

    private static readonly HashSet<(Language, Language)> Neighbours =
        [(Languages.Ukrainian, Languages.Russian), (Languages.Russian, Languages.Ukrainian), (Languages.Arabic, Languages.Farsi), (Languages.Farsi, Languages.Arabic)];

    /// <summary>The language to offer, or null: the one <paramref name="matched"/> when the question shows it is not
    /// written in the <paramref name="chosen"/> one. Plain and standard German are never offered for each other.</summary>
    public static Language? Offer(string question, Language matched, Language chosen)
    {
        if (matched == chosen || (IsGerman(matched) && IsGerman(chosen))) return null;
        // Written in Cyrillic or Arabic letters: only a language of that alphabet (a German word in it, like
        // "Einwohnerantrag", can make a Turkish example the nearest). Latin letters may be any language, transliterated.
        if (Alphabet(question) is { } written && written != AlphabetOf(matched)) return null;
        if (!Neighbours.Contains((matched, chosen))) return matched;
        return Has(question, OwnLetters[matched]) && !Has(question, OwnLetters[chosen]) ? matched : null;
    }

    private enum Script { Latin, Cyrillic, Arabic }

    private static Script AlphabetOf(Language l) =>
        l == Languages.Ukrainian || l == Languages.Russian ? Script.Cyrillic : l == Languages.Arabic || l == Languages.Farsi ? Script.Arabic : Script.Latin;

    /// <summary>Cyrillic or Arabic when the text has at least three such letters, else null.</summary>
    private static Script? Alphabet(string text)
    {
        int cyrillic = 0, arabic = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF') cyrillic++;
            else if (c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF') arabic++;
        }
        return cyrillic >= 3 && cyrillic >= arabic ? Script.Cyrillic : arabic >= 3 ? Script.Arabic : null;
    }

    private static bool IsGerman(Language l) => l == Languages.German || l == Languages.PlainGerman;

    private static bool Has(string text, string letters) => text.AsSpan().IndexOfAny(letters) >= 0;
}
