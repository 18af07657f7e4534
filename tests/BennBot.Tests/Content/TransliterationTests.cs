using BennBot.Content;

namespace BennBot.Tests.Content;

/// <summary>Russian and Ukrainian typed in Latin letters (no Cyrillic keyboard on the phone) are read back in Cyrillic,
/// so the question is understood; other Latin text is never turned into a decline by it.</summary>
public sealed class TransliterationTests
{
    [Theory]
    [InlineData("kak podat peticiyu", Transliteration.Scheme.Russian, "как подат петицию")]
    [InlineData("gde mozhno pozhalovatsya na diskriminaciyu?", Transliteration.Scheme.Russian, "где можно пожаловаться на дискриминацию?")]
    [InlineData("moy vopros pro BVV", Transliteration.Scheme.Russian, "мой вопрос про BVV")]
    [InlineData("yak podaty petytsiiu", Transliteration.Scheme.Ukrainian, "як подати петицію")]
    [InlineData("my vsi zareiestrovani v Pankovi", Transliteration.Scheme.Ukrainian, "ми всі зареєстровані в панкові")]
    public void Latin_letters_are_written_back_in_cyrillic(string latin, Transliteration.Scheme scheme, string cyrillic) =>
        Assert.Equal(cyrillic, Transliteration.ToCyrillic(latin, scheme));

    [Theory]
    [InlineData("как подать петицию")]
    [InlineData("كيف أقدم عريضة")]
    [InlineData("😀")]
    public void Text_not_in_latin_letters_is_left_alone(string text) =>
        Assert.Null(Transliteration.ToCyrillic(text, Transliteration.Scheme.Russian));

    [Theory]
    [InlineData("kak mne podpisat peticiyu v bundestag?", "petition")]
    [InlineData("gde mozhno pozhalovatsya esli menya diskriminiruyut iz-za akcenta?", "diskriminierung")]
    [InlineData("yak staty chlenom profspilky?", "gewerkschaft")]
    [InlineData("de mozhna poskarzhytysia na dyskryminatsiiu?", "diskriminierung")]
    public void A_question_in_latin_letters_gets_its_answer(string question, string entry)
    {
        var result = TestContent.Index.Ask(question);
        Assert.True(result.Answered, $"not answered: {result.Declined?.ToString() ?? string.Join(", ", result.Alternatives.Select(c => c.Entry.Id))}");
        Assert.Equal(entry, result.Best!.Entry.Id);
    }
}
