using BennBot.Content;
using BennBot.Worker;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Conversations;

/// <summary>Issue 14: the version before kept a chat's dialogue in three places (the wait for a question on the resident,
/// <c>topic_drafts</c>, <c>desk_sessions</c>). Someone in the middle of one when the new version starts goes on where
/// they were. The old records are written here as the old code stored them: its collection and field names, by hand.</summary>
public sealed class DialogueUpgradeTests : IDisposable
{
    private const long Asker = 4242, Sharer = 4243, StaffMember = 900, StaffChat = -100500;
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-upgrade-").FullName;
    private string Path_ => Path.Combine(_dir, "bennbot.db");
    private long _update;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Residents_and_staff_in_the_middle_of_a_dialogue_when_the_new_version_starts_go_on_where_they_were()
    {
        var eventId = WriteOldVersion();

        using (var db = new Database(Path_))
        {
            // A second instance is refused by the instance lock before it reads or moves anything.
            Assert.Throws<StartupException>(() => new Database(Path_));

            var conversation = new Conversation(TestContent.Content, TestContent.Index, Languages.German, new FakeTimeProvider(Now),
                db, new StaffSettings([StaffMember], StaffChat));

            var asked = await Write(db, conversation, Asker, "Is the office open on Friday?");
            Assert.Contains(En("askteam.sent"), Shown(asked));
            Assert.Contains(asked.Replies, r => r is SendText { To: StaffChat } card && card.Html.Contains("Is the office open on Friday?"));

            var shared = await Write(db, conversation, Sharer, "More benches in the park, please");
            Assert.Contains(En("topic.area"), Shown(shared));

            var described = await Write(db, conversation, StaffMember, "Coffee and cake for everyone");
            Assert.Contains(described.Effects, e => e is SaveEvent { Event: var ev } && ev.Id == eventId && ev.Description["de"] == "Coffee and cake for everyone");
        }

        // Started again (twice): nothing is moved a second time, and the old places are gone.
        var before = Dialogues();
        using (new Database(Path_)) { }
        using (new Database(Path_)) { }
        Assert.Equal(before, Dialogues());
        using var raw = new LiteDatabase(Path_);
        Assert.False(raw.CollectionExists("topic_drafts"));
        Assert.False(raw.CollectionExists("desk_sessions"));
        Assert.DoesNotContain(raw.GetCollection(Resident.Collection).FindAll(), d => d.ContainsKey("AwaitingQuestionUntil"));
        Assert.Equal(0, DialogueStore.Upgrade(raw));
    }

    [Fact]
    public void Moving_the_old_records_twice_moves_them_once()
    {
        WriteOldVersion();
        using var raw = new LiteDatabase(new ConnectionString { Filename = Path_ }, Mappings.Create());
        Assert.Equal(3, DialogueStore.Upgrade(raw));
        var first = raw.GetCollection(DialogueRecord.Collection).FindAll().Select(d => d.ToString()).ToList();
        Assert.Equal(0, DialogueStore.Upgrade(raw));
        Assert.Equal(first, raw.GetCollection(DialogueRecord.Collection).FindAll().Select(d => d.ToString()).ToList());
        Assert.Equal(3, first.Count);
    }

    // What the version before issue 14 left in the file: a resident waiting to ask the team, a resident at the content step
    // of a topic, a staff member asked for the description of an event draft.
    private long WriteOldVersion()
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = Path_ }, Mappings.Create());
        var draft = EventStore.Save(db, new Event { Status = EventStatus.Draft, CreatedAt = Now, StartUtc = Now.AddDays(7), EndUtc = Now.AddDays(7).AddHours(2), Title = new() { ["de"] = "Sommerfest" } });
        var residents = db.GetCollection(Resident.Collection);
        var asker = OldResident(Asker);
        asker["AwaitingQuestionUntil"] = Now.AddMinutes(10);
        residents.Insert(asker);
        residents.Insert(OldResident(Sharer));
        db.GetCollection("topic_drafts").Insert(new BsonDocument
        {
            ["_id"] = Sharer, ["Step"] = "Content", ["Category"] = "Leisure", ["VoiceSeconds"] = 0, ["Contactable"] = false, ["Paused"] = false,
            ["UpdatedAt"] = Now.AddHours(-1),
        });
        db.GetCollection("desk_sessions").Insert(new BsonDocument
        {
            ["_id"] = StaffMember, ["ChatId"] = StaffMember, ["EventId"] = draft.Id, ["Step"] = "Description", ["Editing"] = false,
            ["Segment"] = new BsonDocument { ["Areas"] = new BsonArray(), ["Languages"] = new BsonArray() },
            ["UpdatedAt"] = Now.AddMinutes(-10),
        });
        return draft.Id;
    }

    private static BsonDocument OldResident(long id) => new()
    {
        ["_id"] = id, ["Language"] = "en", ["LanguageChosen"] = true, ["FirstSeen"] = Now.Date, ["LastSeen"] = Now.Date, ["BlockedBot"] = false,
        ["Subscribed"] = false, ["InterestAreas"] = new BsonArray(), ["InterestKinds"] = new BsonArray(),
    };

    private List<string> Dialogues()
    {
        using var db = new Database(Path_);
        return db.Read(d => new[] { Asker, Sharer, StaffMember }.Select(id => DialogueStore.Find(d, id)?.ToString() ?? "none").ToList());
    }

    // As the host does: the resident as stored, then the outcome applied in one transaction.
    private async Task<Outcome> Write(Database db, Conversation conversation, long user, string text)
    {
        Incoming incoming = new Incoming.Text(++_update, user, user, "en", text);
        var outcome = conversation.Handle(incoming, db.Read(d => ResidentStore.Find(d, user)));
        await db.Write(d => OutcomeStore.Apply(d, incoming, outcome, Now));
        return outcome;
    }

    private static string Shown(Outcome outcome) => string.Join("\n---\n", outcome.Replies.OfType<SendText>().Where(r => r.To is null).Select(r => r.Html));

    private static string En(string key) => Html.Escape(TestContent.Content.T(Languages.Find("en")!, key));
}
