using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Topics;
using LiteDB;

namespace BennBot.Worker.Conversations;

/// <summary>Before issue 14 a dialogue was stored in three places: the wait for a question on the resident
/// (<c>AwaitingQuestionUntil</c>), topic drafts in <c>topic_drafts</c>, event desks in <c>desk_sessions</c>. A resident
/// halfway through a topic or a question, or staff halfway through an event, when the new version starts, go on where
/// they were: at every open (after the instance lock is taken) what is left in the old places moves here, in one
/// transaction that also removes it there, so a second run finds nothing to move. The file's user version then says it
/// is done, so later opens (and reopens after a full disk) do not read every resident again.</summary>
public static partial class DialogueStore
{
    private const int DialoguesInOneStore = 1; // LiteDB's user version of a file this upgrade has run on

    internal const string OldWaitField = "AwaitingQuestionUntil", OldTopicDrafts = "topic_drafts", OldDeskSessions = "desk_sessions";

    /// <summary>Returns how many old records were moved.</summary>
    public static int Upgrade(LiteDatabase db)
    {
        if (db.UserVersion >= DialoguesInOneStore) return 0;
        var residents = db.GetCollection(Resident.Collection);
        // Read as documents: the field is no longer on Resident. Residents are few enough to read once at start.
        var waiting = residents.FindAll().Where(d => d.ContainsKey(OldWaitField)).ToList();
        var drafts = Old(db, OldTopicDrafts);
        var desks = Old(db, OldDeskSessions);
        if (waiting.Count + drafts.Count + desks.Count > 0)
        {
            db.BeginTrans();
            try
            {
                foreach (var doc in waiting)
                {
                    if (doc[OldWaitField] is { IsDateTime: true } until)
                        Change(db, doc["_id"].AsInt64, r => r with { AskingTeamUntil = r.AskingTeamUntil ?? until.AsDateTime.ToUniversalTime() });
                    doc.Remove(OldWaitField);
                    residents.Update(doc);
                }
                // Something already in the new store is newer than what the old version left: it wins.
                foreach (var draft in drafts.Select(db.Mapper.ToObject<TopicDraft>))
                    Change(db, draft.Id, r => r with { Topic = r.Topic ?? draft });
                foreach (var desk in desks.Select(db.Mapper.ToObject<DeskSession>))
                    Change(db, desk.Id, r => r with { Desk = r.Desk ?? desk });
                db.GetCollection(OldTopicDrafts).DeleteAll();
                db.GetCollection(OldDeskSessions).DeleteAll();
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
        // Outside the transaction: dropping an emptied collection loses nothing if it is cut short.
        db.DropCollection(OldTopicDrafts);
        db.DropCollection(OldDeskSessions);
        db.UserVersion = DialoguesInOneStore;
        return waiting.Count + drafts.Count + desks.Count;
    }

    private static List<BsonDocument> Old(LiteDatabase db, string collection) =>
        db.CollectionExists(collection) ? db.GetCollection(collection).FindAll().ToList() : [];
}
