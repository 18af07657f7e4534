using System.Globalization;
using System.Text;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Faq;

public enum EmojiMood { Pleased, Unhappy, Greeting, Other }

/// <summary>A message of emoji only (👍👍🙏, 😀, ❤️) has no question in it: it is answered kindly here, before the
/// question index is asked (issue 13). A 👍 or 🙏 after an answer is thanks or feedback: the reply says "you're welcome" and shows
/// where feedback counts, the 👍/👎 buttons under each answer (<see cref="ButtonAction.Feedback"/>), because a typed
/// emoji does not say which answer it is about.</summary>
public static class EmojiHandler
{
    private static readonly HashSet<int> Unhappy =
    [
        0x1F44E, 0x1F61E, 0x1F622, 0x1F62D, 0x1F621, 0x1F620, 0x2639, 0x1F641, 0x1F615, 0x1F614, 0x1F494, 0x1F92C,
        0x1F624, 0x1F61F, 0x1F625, 0x1F629, 0x1F62B, 0x1F612, 0x1F63F,
    ]; // 👎 😞 😢 😭 😡 😠 ☹ 🙁 😕 😔 💔 🤬 😤 😟 😥 😩 😫 😒 😿

    private static readonly HashSet<int> Pleased =
    [
        0x1F44D, 0x1F44C, 0x1F64F, 0x2764, 0x2665, 0x1F495, 0x1F496, 0x1F497, 0x1F499, 0x1F49A, 0x1F49B, 0x1F49C, 0x1F9E1,
        0x1F90D, 0x1F5A4, 0x1F90E, 0x1F490, 0x1F339, 0x1F337, 0x1F44F, 0x1F91D, 0x1FAF6, 0x1F4AA, 0x2705, 0x2714, 0x263A,
        0x1F642, 0x1F60A, 0x1F600, 0x1F603, 0x1F604, 0x1F601, 0x1F970, 0x1F60D, 0x1F618, 0x1F917, 0x1F4AF, 0x2B50, 0x1F31F,
        0x1F389, 0x1F64C,
    ]; // 👍 👌 🙏 ❤ ♥ 💕 💖 💗 💙 💚 💛 💜 🧡 🤍 🖤 🤎 💐 🌹 🌷 👏 🤝 🫶 💪 ✅ ✔ ☺ 🙂 😊 😀 😃 😄 😁 🥰 😍 😘 🤗 💯 ⭐ 🌟 🎉 🙌

    private const int Wave = 0x1F44B; // 👋

    /// <summary>The mood of a message made of emoji only (with spaces or punctuation around them); null when it has
    /// any letter or digit, so every message with words still goes to the question index.</summary>
    public static EmojiMood? Of(string text)
    {
        var runes = text.EnumerateRunes().Where(r => !Rune.IsWhiteSpace(r)).ToList();
        if (!runes.Any(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.OtherSymbol) || !runes.All(IsEmojiPart)) return null;
        if (runes.Any(r => Unhappy.Contains(r.Value))) return EmojiMood.Unhappy;
        if (runes.Any(r => Pleased.Contains(r.Value))) return EmojiMood.Pleased;
        return runes.Any(r => r.Value == Wave) ? EmojiMood.Greeting : EmojiMood.Other;
    }

    public static Outcome Answer(Turn turn, EmojiMood mood) => mood switch
    {
        // Taken as thanks, as a 👍 alone always was; then where a vote on an answer counts.
        EmojiMood.Pleased => new([turn.Text(turn.T("smalltalk.thanks") + "\n\n" + turn.T("emoji.feedback"), turn.MainMenu())]),
        EmojiMood.Unhappy => new([turn.Say("emoji.sad", new Keyboard([turn.AskTeamAndMenu()]))]),
        EmojiMood.Greeting => new([turn.Say("smalltalk.hello", turn.MainMenu())]),
        _ => new([turn.Say("emoji.other", turn.MainMenu())]),
    };

    // Pictographs, skin tones (Sk), keycaps (Me), the joiner and variation selectors and tag characters of emoji
    // sequences (Cf, Mn), and punctuation around them ("👍!").
    private static bool IsEmojiPart(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol
        or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
        || Rune.IsPunctuation(r);
}
