using System.Text;

namespace BennBot.Content;

/// <summary>Telegram's HTML parse mode needs only &amp;, &lt;, &gt; (and &quot; in attributes) escaped.
/// https://core.telegram.org/bots/api#html-style</summary>
public static class Html
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    public static string Bold(string text) => $"<b>{Escape(text)}</b>";

    /// <summary>Plain text of our own HTML (tags dropped, entities decoded) — for the terminal and for length checks.</summary>
    public static string ToPlain(string html)
    {
        var sb = new StringBuilder(html.Length);
        for (var i = 0; i < html.Length; i++)
        {
            if (html[i] == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0) { sb.Append(html, i, html.Length - i); break; }
                i = end;
                continue;
            }
            sb.Append(html[i]);
        }
        return sb.ToString().Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&amp;", "&");
    }
}
