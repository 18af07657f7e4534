using System.Text.Json;
using BennBot.Content;
using Xunit.Abstractions;

namespace BennBot.Tests.Content;

/// <summary>The answer-quality bar, measured on a question set written apart from the seeds (tests/…/QuestionSet,
/// by other writers than the seeds' example questions): top-1 accuracy per language, and the share of off-topic
/// questions declined. Prints the figures; fails below the target.</summary>
public sealed class QuestionSetTests(ITestOutputHelper output)
{
    public const double Target = 0.90;

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
            var top1 = results.Count(x => x.Result.Best?.Entry.Id == x.Item.Id) / (double)results.Count;
            var answered = results.Count(x => x.Result.Answered && x.Result.Best!.Entry.Id == x.Item.Id) / (double)results.Count;
            var wrongAnswer = results.Count(x => x.Result.Answered && x.Result.Best!.Entry.Id != x.Item.Id);
            var off = items.Where(i => i.Id is null).ToList();
            var declined = off.Count(i => Declined(TestContent.Index.Ask(i.Q)));
            offTotal += off.Count; offDeclined += declined;
            output.WriteLine($"{lang,-10} top-1 {top1:P0} ({results.Count} questions), answered outright and right {answered:P0}, answered wrongly {wrongAnswer}, off-topic declined {declined}/{off.Count}");
            foreach (var (item, r) in results.Where(x => x.Result.Best?.Entry.Id != x.Item.Id))
                output.WriteLine($"    miss: {item.Q} → {r.Best?.Entry.Id ?? "-"} ({r.Best?.Score:0.00}), expected {item.Id}");
            foreach (var item in off.Where(i => !Declined(TestContent.Index.Ask(i.Q))))
                output.WriteLine($"    not declined: {item.Q}");
            if (top1 < Target) failures.Add($"{lang}: top-1 {top1:P0}");
        }
        var offShare = offDeclined / (double)offTotal;
        output.WriteLine($"off-topic declined overall: {offShare:P0} ({offDeclined}/{offTotal})");
        if (offShare < Target) failures.Add($"off-topic declined {offShare:P0}");
        Assert.True(failures.Count == 0, "Below the 90% bar: " + string.Join("; ", failures));
    }
}
