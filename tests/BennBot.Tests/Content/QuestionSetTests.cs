using System.Text.Json;
using BennBot.Content;
using Xunit.Abstractions;

namespace BennBot.Tests.Content;

/// <summary>The answer-quality bar, measured on a question set written apart from the seeds (tests/…/QuestionSet,
/// by other writers than the seeds' example questions): top-1 accuracy per language (the entry the resident is
/// shown first), and the share of off-topic questions declined. Prints the figures and every miss. The target is
/// 90 %; the test fails below a floor of 85 % per language (one question in a set of 30 moves it by 3
/// points) or below 90 % of off-topic questions declined, so that a regression shows.</summary>
public sealed class QuestionSetTests(ITestOutputHelper output)
{
    public const double Target = 0.90;
    public const double Floor = 0.85;

    public sealed record Item(string Q, string? Id);

    public static IReadOnlyDictionary<string, List<Item>> Load(string folder = "QuestionSet") =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.json")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f),
                f => JsonSerializer.Deserialize<List<Item>>(File.ReadAllText(f), new JsonSerializerOptions(JsonSerializerDefaults.Web))!);

    public static bool Declined(AskResult r) => r.Declined is not null || (!r.Answered && r.Alternatives.Count == 0);

    [Fact]
    public void Questions_in_every_language_find_the_right_entry_and_off_topic_ones_are_declined() =>
        Measure(Load(), Floor, Target);

    /// <summary>A second independent set, for development decisions (the set above stays held out). Same
    /// measurement, a lower floor: it guards against regressions, it is not the bar.</summary>
    [Fact]
    public void Development_questions_stay_above_their_floor() => Measure(Load("DevQuestions"), 0.80, 0.85);

    private void Measure(IReadOnlyDictionary<string, List<Item>> sets, double floor, double offTopicFloor)
    {
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
            if (top1 < floor) failures.Add($"{lang}: top-1 {top1:P0}");
        }
        var offShare = offDeclined / (double)offTotal;
        output.WriteLine($"off-topic declined overall: {offShare:P0} ({offDeclined}/{offTotal})");
        if (offShare < offTopicFloor) failures.Add($"off-topic declined {offShare:P0}");
        Assert.True(failures.Count == 0, "Below the floor: " + string.Join("; ", failures));
    }
}

/// <summary>Development figures for tuning (set BENNBOT_CALIBRATE to print threshold curves): each example question
/// in the seeds, asked with its own copy left out. The bar is held on the separate question set above; this test
/// only guards against regressions: every language finds at least 60 % this way, and outright answers are right at
/// least 90 % of the time.</summary>
public sealed class SeedLeaveOneOutFigures(ITestOutputHelper output)
{
    [Fact]
    public void Leave_one_out_on_the_seeds_example_questions_stays_above_its_floor()
    {
        int answered = 0, answeredRight = 0;
        var weak = new List<string>();
        foreach (var language in Languages.All)
        {
            var rs = TestContent.Content.Entries
                .SelectMany(e => e.Text(language).Questions.Select(q => (e.Id, R: TestContent.Index.Ask(q, leaveOut: true))))
                .ToList();
            var hits = rs.Count(x => Shown(x.R) == x.Id);
            var right = rs.Count(x => x.R.Answered && x.R.Best!.Entry.Id == x.Id);
            var wrong = rs.Count(x => x.R.Answered && x.R.Best!.Entry.Id != x.Id);
            var off = Enum.GetValues<Decline>().SelectMany(k => TestContent.Content.OffTopic(language, k)).ToList();
            var declined = off.Count(q => QuestionSetTests.Declined(TestContent.Index.Ask(q, leaveOut: true)));
            if (Environment.GetEnvironmentVariable("BENNBOT_CALIBRATE") is not null) PrintThresholdCurve(language, rs);
            answered += right + wrong;
            answeredRight += right;
            if (hits < 0.6 * rs.Count) weak.Add(language.Code);
            output.WriteLine($"LOO {language.Code,-10} top-1 {hits / (double)rs.Count:P0} of {rs.Count}, answered right {right}, answered wrongly {wrong}, off-topic declined {declined}/{off.Count}");
        }
        output.WriteLine($"LOO outright answers right: {answeredRight}/{answered}");
        Assert.Empty(weak);
        Assert.True(answeredRight >= 0.9 * answered, $"outright answers right only {answeredRight}/{answered}");
    }

    // How many outright answers, and how many of them right, if the answer threshold were t.
    private void PrintThresholdCurve(Language language, List<(string Id, AskResult R)> rs)
    {
        for (var t = 0.25; t <= 0.46; t += 0.01)
        {
            var over = rs.Where(x => x.R.Best is { } b && b.Score >= t && b.Score - (x.R.Alternatives.Skip(1).FirstOrDefault()?.Score ?? 0) >= QuestionIndex.ClearMargin).ToList();
            var ok = over.Count(x => x.R.Best!.Entry.Id == x.Id);
            output.WriteLine($"    {language.Code} t={t:0.00} answered {over.Count} right {ok}");
        }
    }

    /// <summary>The entry the resident is shown first: the answer, or the first offered alternative.</summary>
    public static string? Shown(AskResult r) => r.Answered ? r.Best!.Entry.Id : r.Alternatives.FirstOrDefault()?.Entry.Id;
}
