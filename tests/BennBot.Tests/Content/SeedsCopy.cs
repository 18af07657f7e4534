using System.Text.Json.Nodes;
using BennBot.Content;

namespace BennBot.Tests.Content;

/// <summary>A private copy of the real seeds in a temporary folder, to break one thing and see content check
/// report it.</summary>
public sealed class SeedsCopy : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("bennbot-seeds-").FullName;

    public SeedsCopy()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "texts"));
        foreach (var f in Directory.GetFiles(TestContent.SeedsPath)) File.Copy(f, Path.Combine(Dir, Path.GetFileName(f)));
        foreach (var f in Directory.GetFiles(Path.Combine(TestContent.SeedsPath, "texts")))
            File.Copy(f, Path.Combine(Dir, "texts", Path.GetFileName(f)));
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);

    /// <summary>The problems content check reports; the copy must not load.</summary>
    public IReadOnlyList<string> Problems()
    {
        var result = SeedLoader.Load(Dir);
        Assert.Null(result.Content);
        return result.Problems;
    }

    public void Edit(string file, Action<JsonObject> change)
    {
        var path = Path.Combine(Dir, file);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    public void EditEntry(string id, Action<JsonObject> change) =>
        Edit("catalog.json", c => change(c["entries"]!.AsArray().Single(e => (string?)e!["id"] == id)!.AsObject()));
}
