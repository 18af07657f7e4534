using BennBot.Content;

namespace BennBot.Tests.Content;

/// <summary>Issue 12: where a number meets a noun, the noun takes the language's plural form (CLDR rules).</summary>
public sealed class PluralTests : IDisposable
{
    private readonly SeedsCopy _seeds = new();

    public void Dispose() => _seeds.Dispose();

    [Theory]
    [InlineData(1, "بعد يوم واحد")]
    [InlineData(2, "بعد يومين")]
    [InlineData(3, "بعد 3 أيام")]
    [InlineData(7, "بعد 7 أيام")]
    [InlineData(11, "بعد 11 يومًا")]
    [InlineData(100, "بعد 100 يوم")]
    public void Arabic_days_take_the_right_form(int days, string expected) =>
        Assert.Contains(expected, TestContent.Content.T(Languages.Arabic, "privacy.deletedAll", ("backups", days)));

    [Theory]
    [InlineData(1, "через 1 день")]
    [InlineData(2, "через 2 дня")]
    [InlineData(3, "через 3 дня")]
    [InlineData(7, "через 7 дней")]
    [InlineData(11, "через 11 дней")]
    [InlineData(100, "через 100 дней")]
    public void Russian_days_take_the_right_form(int days, string expected) =>
        Assert.Contains(expected, TestContent.Content.T(Languages.Russian, "privacy.deletedAll", ("backups", days)));

    [Theory]
    [InlineData(1, "(على الأكثر حرف واحد)", "(максимум 1 знак)")]
    [InlineData(2, "(على الأكثر حرفان)", "(максимум 2 знака)")]
    [InlineData(3, "(على الأكثر 3 أحرف)", "(максимум 3 знака)")]
    [InlineData(7, "(على الأكثر 7 أحرف)", "(максимум 7 знаков)")]
    [InlineData(11, "(على الأكثر 11 حرفًا)", "(максимум 11 знаков)")]
    [InlineData(100, "(على الأكثر 100 حرف)", "(максимум 100 знаков)")]
    public void Arabic_and_russian_characters_take_the_right_form(int max, string arabic, string russian)
    {
        Assert.Contains(arabic, TestContent.Content.T(Languages.Arabic, "toolong", ("max", max)));
        Assert.Contains(russian, TestContent.Content.T(Languages.Russian, "toolong", ("max", max)));
    }

    [Theory]
    [InlineData("ar", new long[] { 0 }, "zero")]
    [InlineData("ar", new long[] { 1 }, "one")]
    [InlineData("ar", new long[] { 2 }, "two")]
    [InlineData("ar", new long[] { 3, 7, 10, 103, 1010 }, "few")]
    [InlineData("ar", new long[] { 11, 26, 99, 111, 1099 }, "many")]
    [InlineData("ar", new long[] { 100, 101, 102, 200, 1000, 20000 }, "other")]
    [InlineData("ru", new long[] { 1, 21, 101, 1001 }, "one")]
    [InlineData("ru", new long[] { 2, 3, 4, 22, 104 }, "few")]
    [InlineData("ru", new long[] { 0, 5, 7, 11, 12, 14, 19, 100, 111, 1000 }, "many")]
    [InlineData("uk", new long[] { 1, 31 }, "one")]
    [InlineData("uk", new long[] { 2, 33 }, "few")]
    [InlineData("uk", new long[] { 11, 100 }, "many")]
    [InlineData("fa", new long[] { 0, 1 }, "one")]
    [InlineData("fa", new long[] { 2, 100 }, "other")]
    [InlineData("en", new long[] { 1 }, "one")]
    [InlineData("de", new long[] { 0, 2, 11 }, "other")]
    public void Categories_follow_the_cldr_rules(string language, long[] numbers, string category) =>
        Assert.All(numbers, n => Assert.Equal(category, Plural.Category(language, n)));

    [Fact]
    public void English_and_german_say_one_day_and_seven_days()
    {
        Assert.Contains("after 1 day.", TestContent.Content.T(Languages.English, "privacy.deletedAll", ("backups", 1)));
        Assert.Contains("after 7 days.", TestContent.Content.T(Languages.English, "privacy.deletedAll", ("backups", 7)));
        Assert.Contains("nach 1 Tag gelöscht", TestContent.Content.T(Languages.German, "privacy.deletedAll", ("backups", 1)));
        Assert.Contains("nach 7 Tagen gelöscht", TestContent.Content.T(Languages.German, "privacy.deletedAll", ("backups", 7)));
    }

    [Fact]
    public void A_plural_without_a_form_the_language_needs_is_reported()
    {
        _seeds.Edit("texts/ar.json", t => t["ui"]!["toolong"] = "طويلة (على الأكثر {max, plural, one {حرف واحد} other {# حرف}})");
        _seeds.Edit("texts/ru.json", t => t["ui"]!["toolong"] = "Длинно (максимум {max, plural, one {# знак} other {# знаков}})");
        var problems = _seeds.Problems();
        Assert.Contains(problems, p => p.Contains("ar.json") && p.Contains("'toolong'") && p.Contains("no 'few' form"));
        Assert.Contains(problems, p => p.Contains("ru.json") && p.Contains("'toolong'") && p.Contains("no 'many' form"));
    }

    [Fact]
    public void A_text_with_persian_or_arabic_digits_is_reported_so_that_a_message_keeps_one_digit_style()
    {
        _seeds.Edit("texts/fa.json", t => t["ui"]!["remind.hours24"] = "۱ روز قبل");
        _seeds.Edit("texts/ar.json", t => t["entries"]!["petition"]!["answer"] = "٣٠٠٠٠ مؤيد");
        var problems = _seeds.Problems();
        Assert.Contains(problems, p => p.Contains("fa.json") && p.Contains("'remind.hours24'") && p.Contains("digits 0–9"));
        Assert.Contains(problems, p => p.Contains("ar.json") && p.Contains("'petition'") && p.Contains("digits 0–9"));
    }
}
