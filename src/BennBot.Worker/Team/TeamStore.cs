using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Team;

/// <summary>A question a resident sent to the team. The resident id is kept only so that the answer can reach
/// them; staff never see it, and it is dropped once the question is answered.</summary>
public sealed record TeamQuestion
{
    public const string Collection = "team_questions";

    public long Id { get; init; }
    public long ResidentId { get; init; }
    public string Language { get; init; } = "de";
    public string Text { get; init; } = "";
    public DateTime AskedAt { get; init; }
    public DateTime? AnsweredAt { get; init; }
}

/// <summary>How often an answer was marked helpful or not.</summary>
public sealed record FeedbackCount
{
    public const string Collection = "feedback";

    public string Id { get; init; } = "";
    public int Helpful { get; init; }
    public int NotHelpful { get; init; }
}

public static class TeamStore
{
    private static ILiteCollection<TeamQuestion> Questions(LiteDatabase db) => db.GetCollection<TeamQuestion>(TeamQuestion.Collection);
    private static ILiteCollection<FeedbackCount> Feedback(LiteDatabase db) => db.GetCollection<FeedbackCount>(FeedbackCount.Collection);

    public static TeamQuestion? Find(LiteDatabase db, long id) => Questions(db).FindById(id);

    public static List<TeamQuestion> Unanswered(LiteDatabase db) =>
        Questions(db).Find(q => q.AnsweredAt == null).OrderBy(q => q.AskedAt).ToList();

    public static List<TeamQuestion> OpenQuestionsOf(LiteDatabase db, long residentId) =>
        Questions(db).Find(q => q.ResidentId == residentId && q.AnsweredAt == null).OrderBy(q => q.AskedAt).ToList();

    public static List<FeedbackCount> AllFeedback(LiteDatabase db) => Feedback(db).FindAll().ToList();

    public static void Apply(LiteDatabase db, Effect effect, DateTime now)
    {
        switch (effect)
        {
            case CountFeedback f:
                var count = Feedback(db).FindById(f.EntryId) ?? new FeedbackCount { Id = f.EntryId };
                Feedback(db).Upsert(f.Helpful ? count with { Helpful = count.Helpful + 1 } : count with { NotHelpful = count.NotHelpful + 1 });
                break;
            case AskTeam a:
                Questions(db).Upsert(new TeamQuestion { Id = a.QuestionId, ResidentId = a.ResidentId, Language = a.Language, Text = a.Text, AskedAt = now });
                break;
            case MarkAnswered m when Find(db, m.QuestionId) is { } q:
                Questions(db).Update(q with { AnsweredAt = now, ResidentId = 0 });
                break;
            case ForgetResident r:
                Questions(db).DeleteMany(q => q.ResidentId == r.ResidentId); // only open questions still carry the id
                break;
        }
    }
}
