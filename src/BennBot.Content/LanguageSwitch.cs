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
        if (!Neighbours.Contains((matched, chosen))) return matched;
        return Has(question, OwnLetters[matched]) && !Has(question, OwnLetters[chosen]) ? matched : null;
    }

    private static bool IsGerman(Language l) => l == Languages.German || l == Languages.PlainGerman;

    private static bool Has(string text, string letters) => text.AsSpan().IndexOfAny(letters) >= 0;
}
