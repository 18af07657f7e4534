using BennBot.Content;
using BennBot.Worker.Hosting;

namespace BennBot.Worker.Terminal;

/// <summary><c>content eval FOLDER [--misses] [--curve]</c>: what residents feel on a folder of test questions, per language.</summary>
public static class ContentEval
{
    /// <summary>Measures with the examples the team confirmed (issue 16) learned, as the bot answers; the table ends with
    /// how many there are per language. A running bot holds the database: then without them, and it says so.</summary>
    public static int WithLearned(App app, string folder, bool misses, TextWriter output, bool curve = false)
    {
        var learned = "not read: the database is in use by the running bot (stop it to measure with them)";
        if (File.Exists(app.Options.DatabasePath))
        {
            try
            {
                using var db = new Storage.Database(app.Options.DatabasePath, app.Options.DatabasePassword);
                db.Read(d => { Learning.LearnedSync.Sync(app.Index, d); return 0; });
                learned = string.Join(", ", app.Index.LearnedCounts().Select(c => $"{c.Key.Code} {c.Value}"));
            }
            catch (StartupException e) when (e.ExitCode == ExitCodes.AlreadyRunning) { }
        }
        else learned = string.Join(", ", Languages.All.Select(l => $"{l.Code} 0"));
        var code = Run(app.Index, folder, misses, output, curve);
        output.WriteLine($"Learned examples (confirmed by the team): {learned}");
        return code;
    }

    public static int Run(QuestionIndex index, string folder, bool misses, TextWriter output, bool curve = false)
    {
        if (!Directory.Exists(folder)) throw new StartupException($"No such folder: {Path.GetFullPath(folder)} (give an absolute path: dotnet run --project starts in the project folder).", ExitCodes.Failed);
        var sets = AnswerEvaluation.Load(folder);
        // Each question asked once, for the table and the curve alike.
        var answers = sets.Values.SelectMany(x => x).Select(q => q.Q).Distinct().ToDictionary(q => q, index.Ask);
        output.WriteLine(LanguageFigures.Header);
        var all = new List<LanguageFigures>();
        foreach (var (language, items) in sets)
        {
            var lines = new List<string>();
            var figures = AnswerEvaluation.Measure(language, items, q => answers[q], misses ? lines.Add : null);
            all.Add(figures);
            output.WriteLine(figures);
            foreach (var line in lines) output.WriteLine("    " + line);
        }
        output.WriteLine(new LanguageFigures("all", all.Sum(f => f.OnTopic), all.Sum(f => f.DirectRight), all.Sum(f => f.DirectWrong), all.Sum(f => f.ShownFirst),
            all.Sum(f => f.TopThree), all.Sum(f => f.OnTopicDeclined), all.Sum(f => f.OffTopic), all.Sum(f => f.OffTopicAnswered), all.Sum(f => f.OffTopicOffered),
            all.Sum(f => f.DeclineKindRight), all.Sum(f => f.DeclineKindTotal)));
        if (curve) Curve(answers, sets, output);
        return ExitCodes.Ok;
    }

    // For choosing the bands on development questions: how many on-topic questions would be answered rightly and
    // wrongly, and off-topic ones answered, if the bot answered from probability t on.
    private static void Curve(Dictionary<string, AskResult> answers, IReadOnlyDictionary<string, IReadOnlyList<TestQuestion>> sets, TextWriter output)
    {
        var rs = sets.Values.SelectMany(x => x).Select(q => (q, r: answers[q.Q])).Where(x => x.r.Declined is null).ToList();
        var on = sets.Values.Sum(x => x.Count(q => q.Id is not null));
        for (var t = 0.20; t < 0.95; t += 0.05)
        {
            var over = rs.Where(x => x.r.Probability >= t).ToList();
            output.WriteLine($"t={t:0.00} right {LanguageFigures.Pct(over.Count(x => x.q.Id == x.r.Best!.Entry.Id), on)} wrong {LanguageFigures.Pct(over.Count(x => x.q.Id is not null && x.q.Id != x.r.Best!.Entry.Id), on)} off-topic answered {over.Count(x => x.q.Id is null)}");
        }
    }
}
