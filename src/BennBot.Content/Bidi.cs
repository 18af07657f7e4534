namespace BennBot.Content;

/// <summary>Right-to-left languages get a right-to-left mark at the start of every line and button, so that a
/// line beginning with a Latin word ("BVV", a web address, a date) still reads right to left.</summary>
public static class Bidi
{
    private const char RightToLeftMark = '\u200F';

    public static string Direct(Language language, string text) => language.IsRightToLeft
        ? string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : RightToLeftMark + line))
        : text;
}
