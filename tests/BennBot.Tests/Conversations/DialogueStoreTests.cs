using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;

namespace BennBot.Tests.Conversations;

/// <summary>Issue 14: every dialogue of a user in one record. What is stored comes back whole, and what expires goes.</summary>
public sealed class DialogueStoreTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly TempDatabase _temp = new();
    private readonly Database _db;

    public DialogueStoreTests() => _db = _temp.Db;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_users_wait_topic_and_desk_are_kept_side_by_side_and_read_back_whole()
    {
        var desk = new DeskSession
        {
            Id = 900, ChatId = 900, EventId = 3, Step = DeskStep.TranslateTitle, Editing = true, Language = "ar",
            Segment = new Segment { Areas = ["hansa"], Languages = ["fa"] }, UpdatedAt = Now
        };
        var draft = new TopicDraft { Id = 900, Step = DraftStep.Confirm, Category = TopicCategory.Housing, VoiceFileId = "v1", VoiceSeconds = 12, Area = "hansa", Contactable = true, Paused = true };
        await Apply(new SaveDialogue(900, new Dialogue.Desk(desk)), new SaveDialogue(900, new Dialogue.Topic(draft)), new SaveDialogue(900, new Dialogue.AskingTeam(Now.AddMinutes(15))));

        var stored = _db.Read(d => DialogueStore.Find(d, 900))!;
        Assert.Equal(Now.AddMinutes(15), stored.AskingTeamUntil);
        Assert.Equal(draft with { UpdatedAt = Now }, stored.Topic); // a topic's time is that of its last step
        Assert.Equal(desk with { Segment = null! }, stored.Desk! with { Segment = null! });
        Assert.Equal(["hansa"], stored.Desk!.Segment.Areas);
        Assert.Equal(["fa"], stored.Desk.Segment.Languages);

        await Apply(new EndDialogue(900, DialogueKind.Topic));
        Assert.Equal((true, false, true), Parts(900));
        await Apply(new EndDialogue(900, DialogueKind.All));
        Assert.Null(_db.Read(d => DialogueStore.Find(d, 900)));
    }

    [Fact]
    public async Task Housekeeping_drops_idle_desks_and_ended_waits_and_keeps_the_rest()
    {
        await Apply(new SaveDialogue(1, new Dialogue.AskingTeam(Now.AddMinutes(-1))),
            new SaveDialogue(2, new Dialogue.AskingTeam(Now.AddMinutes(5))), new SaveDialogue(2, new Dialogue.Topic(new TopicDraft { Id = 2 })),
            new SaveDialogue(3, new Dialogue.Desk(new DeskSession { Id = 3, UpdatedAt = Now - EventDesk.SessionIdle - TimeSpan.FromMinutes(1) })),
            new SaveDialogue(3, new Dialogue.AskingTeam(Now.AddMinutes(-1))),
            new SaveDialogue(4, new Dialogue.Desk(new DeskSession { Id = 4, UpdatedAt = Now })));

        Assert.Equal(2, await _db.Write(d => DialogueStore.DropExpired(d, Now - EventDesk.SessionIdle, Now)));
        Assert.Null(_db.Read(d => DialogueStore.Find(d, 1)));
        Assert.Equal((true, true, false), Parts(2));
        Assert.Null(_db.Read(d => DialogueStore.Find(d, 3)));
        Assert.Equal((false, false, true), Parts(4));

        // A day later the topic is retention's (it tells the resident), not the housekeeping's.
        Assert.Equal([2L], _db.Read(d => DialogueStore.TopicsBefore(d, Now.AddMinutes(1))).Select(t => t.Id));
        await Apply(new ForgetResident(2));
        Assert.Equal(1, _db.Read(d => DialogueStore.Count(d, DialogueKind.All)));
    }

    private (bool Waiting, bool Topic, bool Desk) Parts(long id) =>
        _db.Read(d => DialogueStore.Find(d, id)) is { } r ? (r.AskingTeamUntil is not null, r.Topic is not null, r.Desk is not null) : default;

    private Task Apply(params Effect[] effects) => _db.Write(d =>
    {
        foreach (var e in effects) e.Apply(d, Now);
    });
}
