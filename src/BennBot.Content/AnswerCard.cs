namespace BennBot.Content;

/// <summary>The message a resident sees for one entry: title, answer, the sources it rests on, and that rules can
/// change and whom to ask. No date: the fact sheet was built from stored copies of its sources (2012–2025), and
/// nobody has checked them live since, so a "checked on" date would claim what did not happen (issue 12).
/// Every content string is escaped; only our own &lt;b&gt; tags remain.</summary>
public static class AnswerCard
{
    public static string Render(ContentSet content, Entry entry, Language language)
    {
        var text = entry.Text(language);
        var sources = string.Join("\n", entry.Sources.Select(s => "• " + Html.Escape(s)));
        return $"{Html.Bold(text.Title)}\n\n{Html.Escape(text.Answer)}\n\n"
             + $"{Html.Bold(content.T(language, "answer.source"))}\n{sources}\n\n"
             + Html.Escape(content.T(language, "answer.note"));
    }
}
