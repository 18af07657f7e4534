using BennBot.Content;

namespace BennBot.Tests.Content;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("fa-AF", "fa")]
    [InlineData("prs", "fa")]
    [InlineData("en-US", "en")]
    [InlineData("de-AT", "de")]
    [InlineData("TR", "tr")]
    [InlineData("uk", "uk")]
    [InlineData("ru-RU", "ru")]
    [InlineData("pt-br", "de")]
    [InlineData("", "de")]
    [InlineData(null, "de")]
    public void Telegram_language_codes_map_to_a_language_we_speak_or_the_default(string? telegram, string expected) =>
        Assert.Equal(expected, Languages.FromTelegram(telegram, Languages.German).Code);

    [Fact]
    public void Only_arabic_and_farsi_are_right_to_left() =>
        Assert.Equal(["ar", "fa"], Languages.All.Where(l => l.IsRightToLeft).Select(l => l.Code));

    [Fact]
    public void Plain_german_has_no_telegram_code_because_telegram_has_no_such_language() =>
        Assert.Null(Languages.PlainGerman.TelegramCode);
}
