using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Learning;

/// <summary>The learned examples and their drafts. Every value reaches LiteDB as a parameter (issue 17).</summary>
public static class LearningStore
{
    private static ILiteCollection<LearnedExample> Examples(LiteDatabase db) => db.GetCollection<LearnedExample>(LearnedExample.Collection);
    private static ILiteCollection<LearnDraft> Drafts(LiteDatabase db) => db.GetCollection<LearnDraft>(LearnDraft.Collection);

    public static List<LearnedExample> All(LiteDatabase db) => Examples(db).FindAll().OrderBy(e => e.Id).ToList();

    public static LearnedExample? Find(LiteDatabase db, long id) => Examples(db).FindById(id);

    public static List<LearnedExample> Matching(LiteDatabase db, string? target, string? language)
    {
        var query = Examples(db).Query();
        if (target is not null) query = query.Where(e => e.Target == target);
        if (language is not null) query = query.Where(e => e.Language == language);
        return query.OrderBy(e => e.Id).ToList();
    }

    public static LearnDraft? Draft(LiteDatabase db, long questionId) => Drafts(db).FindById(questionId);

    /// <summary>Whether an outcome changes what the answering index must know.</summary>
    public static bool ChangesExamples(Effect effect) => effect is LearnExample or ForgetExample;

    public static void Apply(LiteDatabase db, LearningEffect effect)
    {
        switch (effect)
        {
            case SaveLearnDraft s:
                Drafts(db).Upsert(s.Draft);
                break;
            case DropLearnDraft d:
                Drafts(db).Delete(d.QuestionId);
                break;
            // Only when its draft is still there: a confirm pressed twice (or replayed) saves one example.
            case LearnExample l when Drafts(db).Delete(l.QuestionId):
                Examples(db).Insert(new LearnedExample { Target = l.Target, Language = l.Language, Text = l.Text });
                break;
            case ForgetExample f:
                Examples(db).Delete(f.ExampleId);
                break;
        }
    }
}
