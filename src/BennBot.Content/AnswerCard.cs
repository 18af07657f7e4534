namespace BennBot.Content;

/// <summary>The message a resident sees for one entry: title, answer, sources with the date they were checked.
/// Every content string is escaped; only our own &lt;b&gt; tags remain.</summary>
public static class AnswerCard
{
    public static string Render(ContentSet content, Entry entry, Language language)
    {
        var text = entry.Text(language);
        var sources = string.Join("\n", entry.Sources.Select(s => "• " + Html.Escape(s)));
        var date = entry.Checked.ToString("yyyy-MM-dd");
        return $"{Html.Bold(text.Title)}\n\n{Html.Escape(text.Answer)}\n\n"
             + $"{Html.Bold(content.T(language, "answer.source"))}\n{sources}\n"
             + Html.Escape(content.T(language, "answer.checked", ("date", date)));
    }
}
