using BennBot.Content;

namespace BennBot.Tests.Content;

public sealed class LanguageSwitchTests
{
    [Theory]
    [InlineData("школа нічого не повідомляє батькам", "ru", "uk", null)] // Ukrainian і: never Russian
    [InlineData("хочу бути волонтеркою", "ru", "uk", null)] // no letter of either alphabet's own: no guess
    [InlineData("ya khochu zibraty pidpysy", "ru", "uk", null)] // transliterated: no guess
    [InlineData("Как мне подписать петицию? Это важно", "ru", "uk", "ru")] // Russian ы/э, no Ukrainian letter
    [InlineData("Як підписати петицію?", "uk", "ru", "uk")]
    [InlineData("صاحبخونه اجاره رو خیلی برده بالا", "ar", "fa", null)] // the Persian ی
    [InlineData("كيف أكتب عريضة إلى البرلمان؟", "ar", "fa", "ar")]
    [InlineData("چطور می‌توانم داوطلب شوم؟", "fa", "ar", "fa")]
    [InlineData("كيف أكتب عريضة إلى البرلمان؟", "ar", "de", "ar")] // different alphabets: the index's language
    [InlineData("kif a3mel petition", "ar", "en", "ar")]
    [InlineData("Wie schreibe ich eine Petition?", "de", "de-simple", null)] // the two Germans are never offered
    [InlineData("Как мне подписать петицию?", "ru", "ru", null)]
    [InlineData("Что такое Einwohnerantrag, заявка жителей?", "tr", "ru", null)] // Cyrillic letters: never Türkçe
    [InlineData("Что такое Einwohnerantrag?", "de", "ru", null)]
    [InlineData("شو يعني Einwohnerantrag؟", "en", "ar", null)]
    [InlineData("Was ist ein Einwohnerantrag?", "de", "ru", "de")] // a Russian-speaker writing German is offered German
    public void Offers_a_neighbouring_language_only_on_letters_its_alphabet_alone_has(string question, string matched, string chosen, string? offered) =>
        Assert.Equal(offered, LanguageSwitch.Offer(question, Languages.Find(matched)!, Languages.Find(chosen)!)?.Code);
}
