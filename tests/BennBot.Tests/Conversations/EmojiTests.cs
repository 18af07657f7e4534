using BennBot.Worker.Faq;

namespace BennBot.Tests.Conversations;

public sealed class EmojiTests
{
    [Theory]
    [InlineData("👍", EmojiMood.Pleased)]
    [InlineData("👍👍🙏", EmojiMood.Pleased)]
    [InlineData("❤️", EmojiMood.Pleased)] // with its variation selector
    [InlineData("👍🏽", EmojiMood.Pleased)] // with a skin tone
    [InlineData(" 🙏 ! ", EmojiMood.Pleased)]
    [InlineData("😀", EmojiMood.Pleased)]
    [InlineData("👎", EmojiMood.Unhappy)]
    [InlineData("😢🙏", EmojiMood.Unhappy)]
    [InlineData("👋", EmojiMood.Greeting)]
    [InlineData("🤷‍♀️", EmojiMood.Other)] // a sequence joined by U+200D
    [InlineData("🎈", EmojiMood.Other)]
    public void A_message_of_emoji_only_has_a_mood(string text, EmojiMood mood) => Assert.Equal(mood, EmojiHandler.Of(text));

    [Theory]
    [InlineData("danke 👍")]
    [InlineData("ستاره ⭐")]
    [InlineData("1️⃣")] // a keycap is a digit: in the terminal it may be a button number
    [InlineData("?")]
    [InlineData("")]
    [InlineData("   ")]
    public void A_message_with_words_digits_or_no_emoji_goes_on_to_the_question_index(string text) => Assert.Null(EmojiHandler.Of(text));
}
