using System.Collections;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Privacy;
using BennBot.Worker.Residents;
using BennBot.Worker.Team;
using BennBot.Worker.Topics;
using BennBot.Worker.Voice;

namespace BennBot.Tests.Privacy;

/// <summary>Issue 14: /delete and retention erase what each stored type's entry in <see cref="StoredKinds"/> says, not a
/// list kept elsewhere, so a resident who deleted their data finds nothing left in /mydata, and nobody else loses theirs.</summary>
public sealed class ErasureByKindTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly TempDatabase _temp = new();

    [Fact]
    public async Task After_delete_mydata_shows_nothing_of_the_resident_and_everything_of_the_neighbour()
    {
        await _temp.Db.Write(d =>
        {
            var e = EventStore.Save(d, new Event { Title = new() { ["de"] = "Café" }, Status = EventStatus.Published, StartUtc = Now.AddDays(2), EndUtc = Now.AddDays(2).AddHours(2) });
            new QueueAnnouncement(e.Id, new Segment(), Now, -100).Apply(d, Now);
            BroadcastStore.Start(d, BroadcastStore.Open(d).Single(), [7, 8], Now);
            new SubmitTopic(new Topic { Id = 1, SubmitterId = 9, SubmittedAt = Now }).Apply(d, Now);
            var topic = 1L;
            foreach (var id in new long[] { 7, 8 })
            {
                ResidentStore.Apply(d, id, new Outcome([], Save: new Resident { Id = id, Subscribed = true, FirstSeen = Now.Date, LastSeen = Now.Date }));
                Effect[] effects =
                [
                    new SetReminder(e.Id, id, Now.AddDays(1)),
                    new SubmitTopic(new Topic { Id = ++topic, SubmitterId = id, SubmittedAt = Now }),
                    new MergeTopic(topic, 1), // now they follow topic 1
                    new SupportTopic(1, id),
                    new SaveDialogue(id, new Dialogue.Topic(new TopicDraft { Id = id, Step = DraftStep.Content })),
                    new SaveDialogue(id, new Dialogue.AskingTeam(Now.AddMinutes(10))),
                    new CountFeedback("petition", true, id),
                    new AskTeam(id, id, "ar", "Wann?"),
                    new OfferVoice(id, "file-" + id, 12),
                ];
                foreach (var effect in effects) effect.Apply(d, Now);
            }
        });
        Assert.Empty(Shown(7).Where(f => IsEmpty(f.Value)).Select(f => f.Field)); // the seed covers every field /mydata has

        await _temp.Db.Write(d => new ForgetResident(7).Apply(d, Now));

        Assert.Equal(Shown(8).Select(f => f.Field), Shown(7).Where(f => IsEmpty(f.Value)).Select(f => f.Field));
        Assert.Empty(Shown(8).Where(f => IsEmpty(f.Value)).Select(f => f.Field));
    }

    private List<(string Field, object? Value)> Shown(long id) =>
        _temp.Db.Read(d => StoredKinds.All.SelectMany(k => k.Shown).Select(s => (s.Field, s.Read(d, id) is IEnumerable e and not string ? e.Cast<object>().ToList() : s.Read(d, id))).ToList());

    private static bool IsEmpty(object? value) => value is null || value is IList { Count: 0 };

    public void Dispose() => _temp.Dispose();
}
