using BennBot.Content;

namespace BennBot.Worker.Terminal;

public static class ContentCheck
{
    public static int Run(string seedsPath, TextWriter output)
    {
        var result = SeedLoader.Load(seedsPath);
        if (result.Content is null)
        {
            output.WriteLine($"Content in {seedsPath}: {result.Problems.Count} problem(s)");
            foreach (var p in result.Problems) output.WriteLine("  - " + p);
            return ExitCodes.Failed;
        }
        output.WriteLine($"Content in {seedsPath} is fine: {result.Content.Entries.Count} entries in {result.Content.Categories.Count} categories, {Languages.All.Count} languages.");
        return ExitCodes.Ok;
    }
}
