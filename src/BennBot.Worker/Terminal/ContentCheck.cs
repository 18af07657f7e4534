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
        ReportAnswering(result.Content, output);
        return ExitCodes.Ok;
    }

    // How the answering model does on the seeds' own examples, each asked of a model trained without it.
    private static void ReportAnswering(ContentSet content, TextWriter output)
    {
        output.WriteLine("Answering the example questions, each with a model trained without it (3-fold cross-validation):");
        output.WriteLine(LanguageFigures.Header);
        foreach (var figures in CrossValidation.Run(content)) output.WriteLine(figures);
    }
}
