using BennBot.Content;
using BennBot.Worker.Storage;

namespace BennBot.Tests.Content;

/// <summary>Issue 11, cold start: an unchanged start reads the model and the similarity tables back instead of building
/// them, and a resident cannot tell the difference — every answer, band and probability is the one the freshly built
/// index gives; a damaged file is built over.</summary>
public sealed class TrainedIndexTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bennbot-trained-index-").FullName;

    [Fact]
    public void An_index_read_back_from_the_cache_answers_exactly_as_the_one_that_built_it()
    {
        var builds = 0;
        var cache = ModelCache.In(_folder);
        Func<string, Func<TrainedIndex>, TrainedIndex> counting = (key, build) => cache(key, () => { builds++; return build(); });
        using var built = new QuestionIndex(TestContent.Content, counting);
        using var kept = new QuestionIndex(TestContent.Content, counting);
        Assert.Equal(1, builds); // the second start read the file the first one wrote

        var questions = QuestionSetTests.Load("DevQuestions").Values.SelectMany(q => q).Select(q => q.Q).ToList();
        Assert.True(questions.Count > 300);
        foreach (var q in questions)
        {
            var (a, b) = (built.Ask(q), kept.Ask(q));
            Assert.Equal((a.Answered, a.Band, a.Declined, a.Best?.Entry.Id, a.Probability), (b.Answered, b.Band, b.Declined, b.Best?.Entry.Id, b.Probability));
            Assert.Equal(a.Ranked.Select(c => (c.Entry.Id, c.Score)), b.Ranked.Select(c => (c.Entry.Id, c.Score)));
        }

        // A file cut short in the similarity tables (a full disk, a crash while writing) is built over, not trusted.
        var file = Directory.GetFiles(_folder, "answer-model-*.bin").Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length * 2 / 3)]);
        using var rebuilt = new QuestionIndex(TestContent.Content, counting);
        Assert.Equal(2, builds);
        Assert.Equal(built.Ask(questions[0]).Probability, rebuilt.Ask(questions[0]).Probability);
        Assert.Equal(bytes.Length, new FileInfo(file).Length); // written whole again
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
