using System.Text.Json;
using System.Text.Json.Serialization;

namespace BennBot.Content;

// The JSON shapes of seeds/catalog.json and seeds/texts/{lang}.json, as staff edit them.
internal sealed record CatalogFile(
    [property: JsonPropertyName("categories")] List<CategoryRef>? Categories,
    [property: JsonPropertyName("entries")] List<EntryRef>? Entries);

internal sealed record CategoryRef([property: JsonPropertyName("id")] string? Id);

internal sealed record EntryRef(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("checked")] string? Checked,
    [property: JsonPropertyName("facts")] List<string>? Facts,
    [property: JsonPropertyName("sources")] List<string>? Sources,
    [property: JsonPropertyName("related")] List<string>? Related,
    [property: JsonPropertyName("who")] List<string>? Who,
    [property: JsonPropertyName("share")] bool? Share);

internal sealed record TextsFile(
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("ui")] Dictionary<string, string>? Ui,
    [property: JsonPropertyName("categories")] Dictionary<string, string>? Categories,
    [property: JsonPropertyName("entries")] Dictionary<string, EntryTextFile>? Entries,
    [property: JsonPropertyName("offtopic")] OffTopicFile? OffTopic);

internal sealed record OffTopicFile(
    [property: JsonPropertyName("legal")] List<string>? Legal,
    [property: JsonPropertyName("other")] List<string>? Other,
    [property: JsonPropertyName("smalltalk")] List<string>? Smalltalk,
    [property: JsonPropertyName("events")] List<string>? Events);

internal sealed record EntryTextFile(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("answer")] string? Answer,
    [property: JsonPropertyName("questions")] List<string>? Questions);

// seeds/facts-index.json, generated from the fact sheet by tools/facts_index.py.
internal sealed record FactsIndexFile(
    [property: JsonPropertyName("sha256")] string? Sha256,
    [property: JsonPropertyName("items")] List<FactItemFile>? Items);

internal sealed record FactItemFile(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("sources")] List<FactSourceFile>? Sources,
    [property: JsonPropertyName("claims")] List<FactClaimFile>? Claims);

internal sealed record FactSourceFile(
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("tag")] string? Tag);

internal sealed record FactClaimFile(
    [property: JsonPropertyName("tags")] List<string>? Tags);

internal static class SeedJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
