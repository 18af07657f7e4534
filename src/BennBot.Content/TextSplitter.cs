namespace BennBot.Content;

/// <summary>Splits a message into parts Telegram accepts (text: 1–4096 characters after entity parsing).
/// Cuts only where no tag is open and never inside an entity, preferring a paragraph break, then a line
/// break, then a space.</summary>
public static class TextSplitter
{
    public const int TelegramLimit = 4096;

    public static IReadOnlyList<string> Split(string html, int limit = TelegramLimit)
    {
        var parts = new List<string>();
        var rest = html.Trim();
        while (Html.ToPlain(rest).Length > limit)
        {
            var cut = FindCut(rest, limit);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) parts.Add(rest);
        return parts;
    }

    // Scans the prefix whose plain length fits and remembers the best safe break seen.
    private static int FindCut(string html, int limit)
    {
        int plain = 0, depth = 0, anySafe = 0, space = -1, line = -1, paragraph = -1;
        for (var i = 0; i < html.Length;)
        {
            if (html[i] == '<')
            {
                var end = html.IndexOf('>', i);
                depth += i + 1 < html.Length && html[i + 1] == '/' ? -1 : 1;
                i = end < 0 ? html.Length : end + 1;
                if (depth == 0) anySafe = i;
                continue;
            }
            var width = html[i] == '&' && html.IndexOf(';', i) is var semi and > 0 && semi - i <= 8 ? semi - i + 1
                : char.IsHighSurrogate(html[i]) && i + 1 < html.Length ? 2 : 1;
            var plainWidth = width == 2 ? 2 : 1;
            if (plain + plainWidth > limit) break;
            if (depth == 0)
            {
                if (html[i] == '\n') { if (line == i - 1) paragraph = i; line = i; }
                else if (html[i] == ' ') space = i;
            }
            plain += plainWidth;
            i += width;
            if (depth == 0) anySafe = i;
        }
        var half = limit / 2;
        if (paragraph > half) return paragraph;
        if (line > half) return line;
        if (space > half) return space;
        return Math.Max(anySafe, 1);
    }
}
