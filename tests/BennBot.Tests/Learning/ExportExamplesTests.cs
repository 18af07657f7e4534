using System.Text.Json.Nodes;
using BennBot.Content;
using BennBot.Tests.Content;
using BennBot.Worker.Hosting;
using BennBot.Worker.Learning;
using BennBot.Worker.Storage;
using BennBot.Worker.Terminal;

namespace BennBot.Tests.Learning;

/// <summary>`content export-examples` writes the learned examples in the seeds' format; folded into the seeds, the
/// content still passes `content check` and the examples are the seeds' own (issue 16).</summary>
public sealed class ExportExamplesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Exported_examples_fold_into_the_seeds_and_content_check_still_passes()
    {
        var options = new BennBotOptions { DatabasePath = Path.Combine(_dir, "b.db"), SeedsPath = TestContent.SeedsPath };
        using (var db = new Database(options.DatabasePath))
            await db.Write(d =>
            {
                foreach (var (q, target, language, text) in new[]
                {
                    (1L, "petition", "de", "Wo reiche ich eine Bitte an die Volksvertretung ein?"),
                    (2L, QuestionIndex.LegalTarget, "ar", "هل يمكن لأختي السفر إلى بولندا بورقة فيكتسيون؟"),
                    (3L, QuestionIndex.OtherTarget, "de", "Wann fährt die M4 nachts?"),
                })
                {
                    LearningStore.Apply(d, new SaveLearnDraft(new LearnDraft { Id = q, Target = target, Language = language, Text = text }));
                    LearningStore.Apply(d, new LearnExample(q, target, language, text));
                }
            });
        var output = new StringWriter();

        Assert.Equal(BennBot.Worker.ExitCodes.Ok, ExamplesCommand.Export(options, Path.Combine(_dir, "out"), output));

        Assert.Contains("de.json: 2 example(s)", output.ToString());
        using var seeds = new SeedsCopy();
        foreach (var file in Directory.GetFiles(Path.Combine(_dir, "out")))
            seeds.Edit(Path.Combine("texts", Path.GetFileName(file)), texts => ExamplesCommand.Fold(texts, JsonNode.Parse(File.ReadAllText(file))!.AsObject()));
        var folded = SeedLoader.Load(seeds.Dir);
        Assert.Empty(folded.Problems);
        var german = Languages.Find("de")!;
        Assert.Contains("Wo reiche ich eine Bitte an die Volksvertretung ein?", folded.Content!.Entry("petition")!.Text(german).Questions);
        Assert.Contains("Wann fährt die M4 nachts?", folded.Content.OffTopic(german, Decline.Other));
        Assert.Contains("هل يمكن لأختي السفر إلى بولندا بورقة فيكتسيون؟", folded.Content.OffTopic(Languages.Find("ar")!, Decline.Legal));
    }
}
