using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BennBot.Content;
using BennBot.Worker.Hosting;
using BennBot.Worker.Learning;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Terminal;

/// <summary><c>content export-examples [--output FOLDER]</c>, for a stopped bot: the examples the team confirmed, one
/// <c>{lang}.json</c> a language in the shape of <c>seeds/texts/{lang}.json</c> (<c>entries.ID.questions</c>,
/// <c>offtopic.legal</c> / <c>offtopic.other</c>), so the team reviews them and folds them into the seeds with
/// <see cref="Fold"/>'s rule: each list appended to the list of the same name.</summary>
public static class ExamplesCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Export(BennBotOptions options, string? output, TextWriter console)
    {
        List<LearnedExample> examples;
        using (var db = StoppedDatabase.Open(options, "Stop the bot to export the learned examples (staff see them with /examples)."))
            examples = db.Read(LearningStore.All);
        var folder = output ?? "learned-examples";
        Directory.CreateDirectory(folder);
        foreach (var group in examples.GroupBy(e => e.Language).OrderBy(g => g.Key))
        {
            var path = Path.Combine(folder, $"{group.Key}.json");
            File.WriteAllText(path, ToSeedShape(group).ToJsonString(Indented) + "\n");
            console.WriteLine($"{path}: {group.Count()} example(s)");
        }
        if (examples.Count == 0) console.WriteLine("No learned examples.");
        return ExitCodes.Ok;
    }

    public static JsonObject ToSeedShape(IEnumerable<LearnedExample> examples)
    {
        var entries = new JsonObject();
        var offtopic = new JsonObject();
        foreach (var e in examples.OrderBy(e => e.Id))
        {
            var list = e.Target switch
            {
                QuestionIndex.LegalTarget => List(offtopic, "legal"),
                QuestionIndex.OtherTarget => List(offtopic, "other"),
                _ => List(entries[e.Target] as JsonObject ?? (JsonObject)(entries[e.Target] = new JsonObject()), "questions"),
            };
            list.Add(e.Text);
        }
        return new JsonObject { ["entries"] = entries, ["offtopic"] = offtopic };
    }

    /// <summary>Folds an export into a language's seed texts: every list appended to the list of the same name.</summary>
    public static void Fold(JsonObject seedTexts, JsonObject export)
    {
        foreach (var (id, entry) in export["entries"]!.AsObject())
            foreach (var q in entry!["questions"]!.AsArray()) seedTexts["entries"]![id]!["questions"]!.AsArray().Add(q!.GetValue<string>());
        foreach (var (kind, list) in export["offtopic"]!.AsObject())
            foreach (var q in list!.AsArray()) seedTexts["offtopic"]![kind]!.AsArray().Add(q!.GetValue<string>());
    }

    private static JsonArray List(JsonObject parent, string name) => parent[name] as JsonArray ?? (JsonArray)(parent[name] = new JsonArray());
}
