using BennBot.Content;
using LiteDB;

namespace BennBot.Worker.Learning;

/// <summary>Brings the answering index in line with the stored examples: at start, after a transaction that confirmed or
/// removed one, and in the terminal before each turn (another terminal may have changed them). Only the difference is
/// applied, so a confirmation adds one example to the index instead of rebuilding it.</summary>
public static class LearnedSync
{
    public static void Sync(QuestionIndex index, LiteDatabase db)
    {
        var stored = LearningStore.All(db);
        var ids = stored.Select(e => e.Id).ToHashSet();
        foreach (var gone in index.LearnedIds.Where(id => !ids.Contains(id))) index.Forget(gone);
        var known = index.LearnedIds.ToHashSet();
        foreach (var e in stored.Where(e => !known.Contains(e.Id)))
            if (Languages.Find(e.Language) is { } language) index.Learn(new LearnedText(e.Id, e.Target, language, e.Text));
    }
}
