using System.Text.Json;
using System.Text.RegularExpressions;

namespace BennBot.Content;

public sealed record SeedLoadResult(ContentSet? Content, IReadOnlyList<string> Problems);

/// <summary>Reads <c>seeds/catalog.json</c>, <c>seeds/texts/{lang}.json</c> and <c>seeds/facts-index.json</c> and
/// checks everything a resident would trip over: a missing language, field or source, a fact the sheet does not
/// back, a text too long for Telegram, markup, a wrong plural.</summary>
public static partial class SeedLoader
{
    public const string ReferenceLanguage = "en";
    public const int MaxButtonLabel = 64;

    public static SeedLoadResult Load(string seedsDirectory)
    {
        var problems = new List<string>();
        var catalog = Read<CatalogFile>(Path.Combine(seedsDirectory, "catalog.json"), problems);
        var texts = new Dictionary<string, TextsFile>();
        foreach (var language in Languages.All)
        {
            var file = Read<TextsFile>(Path.Combine(seedsDirectory, "texts", language.Code + ".json"), problems);
            if (file is not null) texts[language.Code] = file;
        }
        var facts = Read<FactsIndexFile>(Path.Combine(seedsDirectory, "facts-index.json"), problems);
        if (catalog is null || facts is null || problems.Count > 0) return new(null, problems);

        var categories = SeedValidation.CheckCategories(catalog, problems);
        var entries = SeedValidation.CheckEntries(catalog, categories, problems);
        FactTrace.Check(catalog, facts, problems);
        SeedValidation.CheckTexts(texts, categories, entries, problems);
        if (problems.Count > 0) return new(null, problems);

        var content = Build(categories, entries, texts);
        SeedValidation.CheckRendered(content, problems);
        return problems.Count > 0 ? new(null, problems) : new(content, problems);
    }

    private static T? Read<T>(string path, List<string> problems) where T : class
    {
        if (!File.Exists(path)) { problems.Add($"{path}: file is missing"); return null; }
        try
        {
            var value = JsonSerializer.Deserialize<T>(File.ReadAllText(path), SeedJson.Options);
            if (value is null) problems.Add($"{path}: file is empty");
            return value;
        }
        catch (JsonException e)
        {
            problems.Add($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
            return null;
        }
    }

    private static ContentSet Build(List<string> categories, List<EntryRef> entries, Dictionary<string, TextsFile> texts)
    {
        var built = entries.Select(e => new Entry(
            e.Id!, e.Category!, e.Sources!,
            e.Related ?? [],
            e.Who ?? [],
            texts.ToDictionary(t => t.Key, t =>
            {
                var x = t.Value.Entries![e.Id!];
                return new EntryText(x.Title!.Trim(), x.Answer!.Trim(), x.Questions!);
            }), e.Share ?? false)).ToList();
        return new ContentSet(
            categories, built,
            texts.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<string, string>)t.Value.Ui!),
            texts.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<string, string>)t.Value.Categories!),
            texts.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<Decline, IReadOnlyList<string>>)new Dictionary<Decline, IReadOnlyList<string>>
            {
                [Decline.Legal] = t.Value.OffTopic!.Legal!, [Decline.Other] = t.Value.OffTopic!.Other!, [Decline.Smalltalk] = t.Value.OffTopic!.Smalltalk!,
                [Decline.Events] = t.Value.OffTopic!.Events!,
            }));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    internal static partial Regex IdPattern();

    [GeneratedRegex(@"\{[a-z]+\}")]
    internal static partial Regex Placeholder();
}
