using System.Text.RegularExpressions;

namespace BennBot.Content;

/// <summary>Where a number meets a noun, a UI text chooses the noun's form by the language's CLDR plural rule
/// (issue 12: Arabic "7 يومًا" must be "7 أيام", Russian needs день / дня / дней). The syntax is the plural part of
/// ICU MessageFormat, which translators know: <c>{days, plural, one {# day} other {# days}}</c>, <c>#</c> being the
/// number. Only whole numbers are counted here, so each language lists the forms whole numbers can take.</summary>
public static partial class Plural
{
    /// <summary>The CLDR plural category of a whole number (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).</summary>
    public static string Category(string languageCode, long n)
    {
        n = Math.Abs(n);
        long mod10 = n % 10, mod100 = n % 100;
        return languageCode switch
        {
            "ar" => n switch
            {
                0 => "zero",
                1 => "one",
                2 => "two",
                _ when mod100 is >= 3 and <= 10 => "few",
                _ when mod100 is >= 11 and <= 99 => "many",
                _ => "other",
            },
            "ru" or "uk" => mod10 == 1 && mod100 != 11 ? "one"
                : mod10 is >= 2 and <= 4 && mod100 is not (>= 12 and <= 14) ? "few"
                : "many",
            "fa" => n is 0 or 1 ? "one" : "other", // CLDR: i = 0 or n = 1
            _ => n == 1 ? "one" : "other", // de, de-simple, en, tr
        };
    }

    /// <summary>The categories whole numbers reach in a language: a plural text must give a form for each.</summary>
    public static IReadOnlyList<string> Categories(string languageCode) => languageCode switch
    {
        "ar" => ["zero", "one", "two", "few", "many", "other"],
        "ru" or "uk" => ["one", "few", "many"],
        _ => ["one", "other"],
    };

    /// <summary>Replaces every plural part whose name has a value; the rest of the text is left as it is.</summary>
    public static string Apply(string text, string languageCode, IReadOnlyDictionary<string, object> values)
    {
        if (!text.Contains(", plural,", StringComparison.Ordinal)) return text;
        return Part().Replace(text, m =>
        {
            if (!values.TryGetValue(m.Groups["name"].Value, out var value)) return m.Value;
            var forms = Forms(m.Groups["forms"].Value);
            var n = value is int or long or short or byte ? Convert.ToInt64(value) : (long?)null;
            var form = n is { } whole && forms.TryGetValue(Category(languageCode, whole), out var f) ? f
                : forms.GetValueOrDefault("other") ?? forms.Values.FirstOrDefault() ?? "";
            return form.Replace("#", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    /// <summary>What is wrong with the plural parts of a text in a language (empty: nothing).</summary>
    public static IEnumerable<string> Problems(string text, string languageCode)
    {
        foreach (Match m in Part().Matches(text))
        {
            var name = m.Groups["name"].Value;
            var body = m.Groups["forms"].Value;
            var forms = Forms(body);
            if (FormPart().Replace(body, "").Trim().Length > 0)
                yield return $"plural '{name}' must be written as: one {{# …}} other {{# …}}";
            foreach (var missing in Categories(languageCode).Except(forms.Keys))
                yield return $"plural '{name}' has no '{missing}' form ({languageCode} needs {string.Join(", ", Categories(languageCode))})";
            foreach (var extra in forms.Keys.Except(Categories(languageCode)).Except(["other"]))
                yield return $"plural '{name}' has a '{extra}' form, which {languageCode} does not use";
        }
        var rest = Part().Replace(text, "");
        if (rest.Contains(", plural,", StringComparison.Ordinal)) yield return "a plural part is not closed or has braces inside a form";
    }

    /// <summary>Names of the plural parts of a text (they count as placeholders).</summary>
    public static IEnumerable<string> Names(string text) => Part().Matches(text).Select(m => m.Groups["name"].Value);

    /// <summary>The text with every plural part taken out, for checks that look at the plain words.</summary>
    public static string Without(string text) => Part().Replace(text, "");

    private static Dictionary<string, string> Forms(string body)
    {
        var forms = new Dictionary<string, string>();
        foreach (Match f in FormPart().Matches(body)) forms[f.Groups["cat"].Value] = f.Groups["text"].Value;
        return forms;
    }

    [GeneratedRegex(@"\{(?<name>[a-z]+), plural,(?<forms>(?:\s*[a-z]+\s*\{[^{}]*\})+)\s*\}")]
    private static partial Regex Part();

    [GeneratedRegex(@"\s*(?<cat>zero|one|two|few|many|other)\s*\{(?<text>[^{}]*)\}")]
    private static partial Regex FormPart();
}
