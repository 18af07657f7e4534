using System.Text.Json;
using BennBot.Content;
using Xunit.Abstractions;

namespace BennBot.Tests.Content;

/// <summary>The answer-quality bar, measured on a question set written apart from the seeds (tests/…/QuestionSet,
/// by other writers than the seeds' example questions): top-1 accuracy per language (the entry the resident is
/// shown first), and the share of off-topic questions declined. Prints the figures and every miss. The target is
/// 90 %; the test fails below a floor of 85 % per language (one in ten questions per set of 30 can move it by 3
/// points) or below 90 % of off-topic questions declined, so that a regression shows.</summary>
public sealed class QuestionSetTests(ITestOutputHelper output)
{
    public const double Target = 0.90;
    public const double Floor = 0.85;

    public sealed record Item(string Q, string? Id);

    public static IReadOnlyDictionary<string, List<Item>> Load() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "QuestionSet"), "*.json")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f),
                f => JsonSerializer.Deserialize<List<Item>>(File.ReadAllText(f), new JsonSerializerOptions(JsonSerializerDefaults.Web))!);

    public static bool Declined(AskResult r) => r.Declined is not null || (!r.Answered && r.Alternatives.Count == 0);

    [Fact]
    public void Questions_in_every_language_find_the_right_entry_and_off_topic_ones_are_declined()
    {
        var sets = Load();
        Assert.Equal(Languages.All.Select(l => l.Code).Order(), sets.Keys.Order());
        var failures = new List<string>();
        int offTotal = 0, offDeclined = 0;
        foreach (var (lang, items) in sets.OrderBy(s => s.Key))
        {
            var onTopic = items.Where(i => i.Id is not null).ToList();
            Assert.True(onTopic.Count >= 15, $"{lang}: fewer than 15 questions");
            var results = onTopic.Select(i => (Item: i, Result: TestContent.Index.Ask(i.Q))).ToList();
            var top1 = results.Count(x => SeedLeaveOneOutFigures.Shown(x.Result) == x.Item.Id) / (double)results.Count;
            var answered = results.Count(x => x.Result.Answered && x.Result.Best!.Entry.Id == x.Item.Id) / (double)results.Count;
            var wrongAnswer = results.Count(x => x.Result.Answered && x.Result.Best!.Entry.Id != x.Item.Id);
            var off = items.Where(i => i.Id is null).ToList();
            var declined = off.Count(i => Declined(TestContent.Index.Ask(i.Q)));
            offTotal += off.Count; offDeclined += declined;
            output.WriteLine($"{lang,-10} top-1 {top1:P0} ({results.Count} questions), answered outright and right {answered:P0}, answered wrongly {wrongAnswer}, off-topic declined {declined}/{off.Count}");
            foreach (var (item, r) in results.Where(x => SeedLeaveOneOutFigures.Shown(x.Result) != x.Item.Id))
                output.WriteLine($"    miss: {item.Q} → {r.Best?.Entry.Id ?? "-"} ({r.Best?.Score:0.00}), expected {item.Id}");
            foreach (var item in off.Where(i => !Declined(TestContent.Index.Ask(i.Q))))
                output.WriteLine($"    not declined: {item.Q}");
            if (top1 < Target) output.WriteLine($"    below the {Target:P0} target");
            if (top1 < Floor) failures.Add($"{lang}: top-1 {top1:P0}");
        }
        var offShare = offDeclined / (double)offTotal;
        output.WriteLine($"off-topic declined overall: {offShare:P0} ({offDeclined}/{offTotal})");
        if (offShare < Target) failures.Add($"off-topic declined {offShare:P0}");
        Assert.True(failures.Count == 0, "Below the floor: " + string.Join("; ", failures));
    }
}

/// <summary>Development figures for tuning: each example question in the seeds, asked with its own copy left out.
/// Prints only; the bar is held on the separate question set above.</summary>
public sealed class SeedLeaveOneOutFigures(ITestOutputHelper output)
{
    [Fact]
    public void Print_leave_one_out_accuracy_on_the_seeds_example_questions()
    {
        foreach (var language in Languages.All)
        {
            var pairs = TestContent.Content.Entries.SelectMany(e => e.Text(language).Questions.Select(q => (Q: q, Id: e.Id))).ToList();
            var hits = pairs.Count(p => TestContent.Index.Ask(p.Q, leaveOut: true) is var r && Shown(r) == p.Id);
            var off = Enum.GetValues<Decline>().SelectMany(k => TestContent.Content.OffTopic(language, k)).ToList();
            var declined = off.Count(q => QuestionSetTests.Declined(TestContent.Index.Ask(q, leaveOut: true)));
            if (Environment.GetEnvironmentVariable("BENNBOT_LOO_MISSES") == language.Code)
                foreach (var p in pairs.Where(p => Shown(TestContent.Index.Ask(p.Q, leaveOut: true)) != p.Id).Take(25))
                {
                    var r = TestContent.Index.Ask(p.Q, leaveOut: true);
                    foreach (var line in TestContent.Index.Explain(p.Q, leaveOut: true, top: 3)) output.WriteLine("        " + line);
                    output.WriteLine($"    LOO miss {p.Q} → {Shown(r)} best {r.Best?.Entry.Id} {r.Best?.Score:0.00} answered {r.Answered} declined {r.Declined}, expected {p.Id}");
                }
            var rs = pairs.Select(p => (p.Id, R: TestContent.Index.Ask(p.Q, leaveOut: true))).ToList();
            var right = rs.Count(x => x.R.Answered && x.R.Best!.Entry.Id == x.Id);
            var wrong = rs.Count(x => x.R.Answered && x.R.Best!.Entry.Id != x.Id);
            output.WriteLine($"LOO {language.Code,-10} top-1 {hits / (double)pairs.Count:P0} of {pairs.Count}, answered right {right}, answered wrongly {wrong}, off-topic declined {declined}/{off.Count}");
        }
    }

    /// <summary>The entry the resident is shown first: the answer, or the first offered alternative.</summary>
    public static string? Shown(AskResult r) => r.Answered ? r.Best!.Entry.Id : r.Alternatives.FirstOrDefault()?.Entry.Id;
}
