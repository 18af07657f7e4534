namespace BennBot.Content;

/// <summary>Shortening text for display without cutting a character in half (an emoji is two UTF-16 units; a
/// string ending in half of one cannot be stored or sent).</summary>
public static class TextCut
{
    public static string Shorten(string s, int max)
    {
        if (s.Length <= max) return s;
        var cut = char.IsHighSurrogate(s[max - 1]) ? max - 1 : max;
        return s[..cut] + "…";
    }
}
