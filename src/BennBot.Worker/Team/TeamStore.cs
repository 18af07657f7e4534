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
    /// <summary>A voice question (issue 15): Telegram's file id (Telegram holds the audio) and its length; dropped on answer.</summary>
    public string? VoiceFileId { get; init; }
    public int VoiceSeconds { get; init; }
}

/// <summary>How often an answer was marked helpful or not.</summary>
public sealed record FeedbackCount
{
    public const string Collection = "feedback";

    public string Id { get; init; } = "";
    public int Helpful { get; init; }
    public int NotHelpful { get; init; }
}

/// <summary>One resident's 👍 or 👎 for one answer: only there so that nobody counts twice.</summary>
public sealed record FeedbackVote
{
    public const string Collection = "feedback_votes";

    /// <summary>"{entry}:{resident}".</summary>
    public string Id { get; init; } = "";
    public string EntryId { get; init; } = "";
    public long ResidentId { get; init; }
    public bool Helpful { get; init; }

    public static string IdOf(string entryId, long residentId) => $"{entryId}:{residentId}";
}

public static class TeamStore
{
    private static ILiteCollection<TeamQuestion> Questions(LiteDatabase db) => db.GetCollection<TeamQuestion>(TeamQuestion.Collection);
    private static ILiteCollection<FeedbackCount> Feedback(LiteDatabase db) => db.GetCollection<FeedbackCount>(FeedbackCount.Collection);
    private static ILiteCollection<FeedbackVote> Votes(LiteDatabase db) => db.GetCollection<FeedbackVote>(FeedbackVote.Collection);

    public static TeamQuestion? Find(LiteDatabase db, long id) => Questions(db).FindById(id);

    public static List<TeamQuestion> Unanswered(LiteDatabase db) =>
        Questions(db).Find(q => q.AnsweredAt == null).OrderBy(q => q.AskedAt).ToList();

    public static List<TeamQuestion> OpenQuestionsOf(LiteDatabase db, long residentId) =>
        Questions(db).Find(q => q.ResidentId == residentId && q.AnsweredAt == null).OrderBy(q => q.AskedAt).ToList();

    public static List<FeedbackCount> AllFeedback(LiteDatabase db) => Feedback(db).FindAll().ToList();

    public static List<FeedbackVote> VotesOf(LiteDatabase db, long residentId) => Votes(db).Find(v => v.ResidentId == residentId).ToList();

    public static void Apply(LiteDatabase db, TeamEffect effect, DateTime now)
    {
        switch (effect)
        {
            case CountFeedback f:
                Vote(db, f);
                break;
            case AskTeam a:
                Questions(db).Upsert(new TeamQuestion
                {
                    Id = a.QuestionId, ResidentId = a.ResidentId, Language = a.Language, Text = a.Text, AskedAt = now, VoiceFileId = a.VoiceFileId, VoiceSeconds = a.VoiceSeconds,
                });
                break;
            case MarkAnswered m when Find(db, m.QuestionId) is { } q:
                // Answered: nothing links it to the resident any more, and a voice question's reference to the audio goes too.
                Questions(db).Update(q with { AnsweredAt = now, ResidentId = 0, VoiceFileId = null });
                break;
        }
    }

    /// <summary>Erasure (<see cref="ForgetResident"/>): only open questions still carry the resident's id.</summary>
    public static void ForgetQuestions(LiteDatabase db, ForgetResident f) => Questions(db).DeleteMany(q => q.ResidentId == f.ResidentId);

    /// <summary>Erasure (<see cref="ForgetResident"/>): the votes go, the counts stay.</summary>
    public static void ForgetVotes(LiteDatabase db, ForgetResident f) => Votes(db).DeleteMany(v => v.ResidentId == f.ResidentId);

    // Once per resident and answer: the same vote again changes nothing, the other one moves their vote.
    private static void Vote(LiteDatabase db, CountFeedback f)
    {
        var id = FeedbackVote.IdOf(f.EntryId, f.ResidentId);
        var earlier = Votes(db).FindById(id);
        if (earlier?.Helpful == f.Helpful) return;
        var count = Feedback(db).FindById(f.EntryId) ?? new FeedbackCount { Id = f.EntryId };
        var (up, down) = (f.Helpful ? 1 : 0, f.Helpful ? 0 : 1);
        if (earlier is not null) (up, down) = (up - (earlier.Helpful ? 1 : 0), down - (earlier.Helpful ? 0 : 1));
        Feedback(db).Upsert(count with { Helpful = count.Helpful + up, NotHelpful = count.NotHelpful + down });
        Votes(db).Upsert(new FeedbackVote { Id = id, EntryId = f.EntryId, ResidentId = f.ResidentId, Helpful = f.Helpful });
    }
}
