using System.Text.Json;
using BennBot.Content;
using BennBot.Worker.Hosting;

namespace BennBot.Worker.Terminal;

/// <summary><c>ask [--lang CODE] [--json] [QUESTION]</c>: the answer the bot would give, once per question.</summary>
public static class AskCommand
{
    public static int Run(App app, string? lang, bool json, string? question, TextReader input, TextWriter output)
    {
        var language = Languages.Find(lang) ?? app.Options.DefaultLanguage;
        var questions = question is not null ? [question] : Lines(input);
        foreach (var q in questions)
        {
            var result = app.Index.Ask(q);
            output.WriteLine(json ? Json(q, language, result) : Text(app.Content, language, result));
        }
        return ExitCodes.Ok;
    }

    private static IEnumerable<string> Lines(TextReader input)
    {
        while (input.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line)) yield return line.Trim();
    }

    private static string Json(string question, Language language, AskResult r) => JsonSerializer.Serialize(new
    {
        question,
        lang = language.Code,
        answered = r.Answered,
        id = r.Answered ? r.Best!.Entry.Id : null,
        title = r.Answered ? r.Best!.Entry.Text(language).Title : null,
        score = Math.Round(r.Best?.Score ?? 0, 3),
        alternatives = r.Alternatives.Where(c => !r.Answered || c.Entry != r.Best!.Entry).Select(c => c.Entry.Id).ToArray(),
        declined = r.Declined?.ToString().ToLowerInvariant(),
        band = r.Declined is null ? r.Band.ToString().ToLowerInvariant() : null,
        probability = Math.Round(r.Probability, 3),
    }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Text(ContentSet content, Language language, AskResult r)
    {
        if (r.Declined is Decline.Events) return "/events: " + content.T(language, "command.events") + "\n"; // the list is the bot's
        if (r.Declined is { } d)
            return string.Join("\n", Faq.FaqHandler.DeclineKeys(d, r.Courtesy).Select(k => content.T(language, k))) + "\n";
        if (r.Answered)
        {
            var answer = Html.ToPlain(AnswerCard.Render(content, r.Best!.Entry, language)) + "\n";
            if (r.Band == Band.Sure || r.Alternatives.Count == 0) return answer;
            return answer + "\n" + content.T(language, "answer.check") + "\n" + string.Join("\n", r.Alternatives.Select(c => "  - " + c.Entry.Text(language).Title)) + "\n";
        }
        if (r.Alternatives.Count == 0) return content.T(language, "notfound.noteam") + "\n"; // no buttons in a terminal
        var options = r.Alternatives.Select(c => "  - " + c.Entry.Text(language).Title);
        return content.T(language, "notsure") + "\n" + string.Join("\n", options) + "\n";
    }
}
