using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Team;
using BennBot.Worker.Topics;
using LiteDB;

namespace BennBot.Worker.Privacy;

/// <summary>What "Show my data" lists besides the resident record: every other kind of data that /privacy says is
/// stored about a resident (issue 13: the view left out their topics and the last-seen day).</summary>
/// <param name="OpenQuestions">Questions to the team not answered yet (an answered one no longer names the resident).</param>
/// <param name="Draft">An unfinished topic is stored (until it is sent, cancelled or expires).</param>
/// <param name="Supports">"Me too" taps.</param>
/// <param name="Ratings">Answers rated with 👍 or 👎.</param>
public sealed record StoredData(IReadOnlyList<string> OpenQuestions, int Reminders, IReadOnlyList<Topic> Topics, bool Draft, int Supports, int Ratings)
{
    public static readonly StoredData None = new([], 0, [], false, 0, 0);

    public static StoredData Read(LiteDatabase db, long residentId) => new(
        TeamStore.OpenQuestionsOf(db, residentId).Select(TeamHandler.Words).ToList(),
        ReminderStore.OfResident(db, residentId).Count,
        TopicStore.Of(db, residentId),
        DialogueStore.Find(db, residentId)?.Topic is not null,
        TopicStore.SupportedBy(db, residentId).Count,
        TeamStore.VotesOf(db, residentId).Count);
}
