using System.Text.Json;

namespace BennBot.Content;

/// <summary>One test question: the entry it is about, or none (then what the bot should do instead).</summary>
public sealed record TestQuestion(string Q, string? Id, string? Expect = null);

/// <summary>What a resident feels, per language (issue 11): the share of on-topic questions answered directly and
/// rightly or wrongly, with the right entry shown first or among the first three, declined although on-topic; and of
/// off-topic questions those answered or offered entries.</summary>
public sealed record LanguageFigures(string Language, int OnTopic, int DirectRight, int DirectWrong, int ShownFirst, int TopThree,
    int OnTopicDeclined, int OffTopic, int OffTopicAnswered, int OffTopicOffered, int DeclineKindRight, int DeclineKindTotal)
{
    public static string Header =>
        "language    on-topic  direct+right  direct+wrong  shown first  top three  on-topic declined  off-topic  answered  offered  decline kind right";

    public override string ToString() =>
        $"{Language,-10} {OnTopic,9} {Pct(DirectRight, OnTopic),13} {Pct(DirectWrong, OnTopic),13} {Pct(ShownFirst, OnTopic),12} {Pct(TopThree, OnTopic),10} {OnTopicDeclined,18} {OffTopic,10} {OffTopicAnswered,9} {Pct(OffTopicOffered, OffTopic),8} {DeclineKindRight,10}/{DeclineKindTotal}";

    public static string Pct(int n, int of) => of == 0 ? "-" : $"{100.0 * n / of:0.0} %";
}

public static class AnswerEvaluation
{
    /// <summary>Reads a folder of <c>{lang}.json</c> files, each a list of <see cref="TestQuestion"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TestQuestion>> Load(string folder) =>
        Directory.GetFiles(folder, "*.json").Order().ToDictionary(f => Path.GetFileNameWithoutExtension(f),
            f => (IReadOnlyList<TestQuestion>)JsonSerializer.Deserialize<List<TestQuestion>>(File.ReadAllText(f), new JsonSerializerOptions(JsonSerializerDefaults.Web))!);

    public static LanguageFigures Measure(string language, IReadOnlyList<TestQuestion> items, Func<string, AskResult> ask, Action<string>? miss = null)
    {
        int on = 0, right = 0, wrong = 0, first = 0, three = 0, declined = 0, off = 0, offAnswered = 0, offOffered = 0, kindRight = 0, kindTotal = 0;
        foreach (var item in items)
        {
            var r = ask(item.Q);
            if (item.Id is { } id)
            {
                on++;
                if (r.Answered && r.Best!.Entry.Id == id) right++;
                else if (r.Answered) { wrong++; miss?.Invoke($"WRONG  {item.Q} → {r.Best!.Entry.Id} (p {r.Probability:0.00}), expected {id}"); }
                if (Shown(r) == id) first++;
                if (r.Ranked.Take(3).Any(c => c.Entry.Id == id)) three++;
                if (r.Declined is not null || (!r.Answered && r.Alternatives.Count == 0))
                {
                    declined++;
                    miss?.Invoke($"DECLINED {item.Q} → {r.Declined?.ToString() ?? "nothing found"}, expected {id}");
                }
                else if (!r.Answered) miss?.Invoke($"UNSURE {item.Q} → {string.Join(", ", r.Alternatives.Select(c => c.Entry.Id))} (p {r.Probability:0.00}), expected {id}");
            }
            else
            {
                off++;
                if (r.Answered) { offAnswered++; miss?.Invoke($"OFF ANSWERED {item.Q} → {r.Best!.Entry.Id} (p {r.Probability:0.00})"); }
                else if (r.Declined is null && r.Alternatives.Count > 0) { offOffered++; miss?.Invoke($"OFF OFFERED {item.Q} → {string.Join(", ", r.Alternatives.Select(c => c.Entry.Id))}"); }
                if (item.Expect is { } expect)
                {
                    kindTotal++;
                    if (string.Equals(r.Declined?.ToString(), expect, StringComparison.OrdinalIgnoreCase)
                        || (expect == "other" && r.Declined is null && !r.Answered && r.Alternatives.Count == 0)) kindRight++;
                    else miss?.Invoke($"KIND   {item.Q} → {r.Declined?.ToString() ?? (r.Answered ? "answered" : "offered")}, expected {expect}");
                }
            }
        }
        return new(language, on, right, wrong, first, three, declined, off, offAnswered, offOffered, kindRight, kindTotal);
    }

    /// <summary>The entry the resident is shown first: the answer, or the first offered alternative.</summary>
    public static string? Shown(AskResult r) => r.Answered ? r.Best!.Entry.Id : r.Declined is null ? r.Alternatives.FirstOrDefault()?.Entry.Id : null;
}
