namespace BennBot.Content;

/// <summary>Answering measured on the seeds' own example questions, each asked of a model trained without it: the
/// examples are dealt into folds, and each fold is asked of an index built from the others. What <c>content check</c>
/// reports after the seeds change.</summary>
public static class CrossValidation
{
    public static IReadOnlyList<LanguageFigures> Run(ContentSet content, int folds = 3)
    {
        var items = Languages.All.ToDictionary(l => l, _ => new List<(int Fold, TestQuestion Q)>());
        foreach (var language in Languages.All)
        {
            var list = items[language];
            foreach (var entry in content.Entries)
                list.AddRange(entry.Text(language).Questions.Select(q => (Fold(q), new TestQuestion(q, entry.Id))));
            foreach (var kind in Enum.GetValues<Decline>())
                list.AddRange(content.OffTopic(language, kind).Select(q => (Fold(q), new TestQuestion(q, null, kind.ToString().ToLowerInvariant()))));
        }
        var asked = Languages.All.ToDictionary(l => l, _ => new List<(TestQuestion Q, AskResult R)>());
        for (var fold = 0; fold < folds; fold++)
        {
            var f = fold;
            using var index = new QuestionIndex(content.WithExamples((_, q) => Fold(q) != f));
            foreach (var language in Languages.All)
                asked[language].AddRange(items[language].Where(x => x.Fold == f).Select(x => (x.Q, index.Ask(x.Q.Q))));
        }
        return Languages.All.Select(l =>
        {
            var answers = new Dictionary<string, AskResult>();
            foreach (var (q, r) in asked[l]) answers.TryAdd(q.Q, r);
            return AnswerEvaluation.Measure(l.Code, asked[l].Select(x => x.Q).ToList(), q => answers[q]);
        }).ToList();

        int Fold(string question) => (int)((uint)StableHash(question) % (uint)folds);
    }

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h;
    }
}
