using System.Text.Json.Nodes;
using BennBot.Content;

namespace BennBot.Tests.Content;

public sealed class SeedValidationTests : IDisposable
{
    private readonly SeedsCopy _seeds = new();

    public void Dispose() => _seeds.Dispose();

    [Fact]
    public void The_real_seeds_are_valid_and_complete_in_all_eight_languages()
    {
        var result = SeedLoader.Load(TestContent.SeedsPath);
        Assert.Empty(result.Problems);
        Assert.True(result.Content!.Entries.Count >= 3);
        Assert.All(result.Content.Entries, e => Assert.Equal(8, e.Texts.Count));
    }

    [Fact]
    public void A_missing_language_file_is_reported()
    {
        File.Delete(Path.Combine(_seeds.Dir, "texts", "fa.json"));
        Assert.Contains(_seeds.Problems(), p => p.Contains("fa.json") && p.Contains("missing"));
    }

    [Fact]
    public void An_entry_without_a_source_or_with_a_shared_id_is_reported()
    {
        _seeds.Edit("catalog.json", c =>
        {
            var entries = c["entries"]!.AsArray();
            entries[0]!["sources"] = new JsonArray();
            entries.Add(entries[1]!.DeepClone());
        });
        var problems = _seeds.Problems();
        Assert.Contains(problems, p => p.Contains("no source"));
        Assert.Contains(problems, p => p.Contains("share this id"));
    }

    [Fact]
    public void A_missing_translation_markup_and_a_wrong_placeholder_are_reported()
    {
        _seeds.Edit("texts/ru.json", t => t["entries"]!.AsObject().Remove("petition"));
        _seeds.Edit("texts/tr.json", t => t["ui"]!["toolong"] = "Çok uzun: {maks}");
        _seeds.Edit("texts/uk.json", t => t["entries"]!["ehrenamt"]!["answer"] = "Натисніть <a href=\"x\">тут</a>");
        var problems = _seeds.Problems();
        Assert.Contains(problems, p => p.Contains("ru.json") && p.Contains("'petition' is missing"));
        Assert.Contains(problems, p => p.Contains("tr.json") && p.Contains("placeholders"));
        Assert.Contains(problems, p => p.Contains("uk.json") && p.Contains("no markup"));
    }

    [Fact]
    public void An_answer_too_long_for_one_telegram_message_is_reported()
    {
        _seeds.Edit("texts/ar.json", t => t["entries"]!["ehrenamt"]!["answer"] = new string('ب', 5000));
        Assert.Contains(_seeds.Problems(), p => p.Contains("ar.json") && p.Contains("Telegram allows 4096"));
    }

    [Fact]
    public void Broken_json_is_reported_with_its_file_and_line()
    {
        File.WriteAllText(Path.Combine(_seeds.Dir, "catalog.json"), "{\n  \"entries\": [\n    { \"id\": }\n");
        Assert.Contains(_seeds.Problems(), p => p.Contains("catalog.json") && p.Contains("not valid JSON (line 3)"));
    }
}
