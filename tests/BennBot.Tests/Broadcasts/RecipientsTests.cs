using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;

namespace BennBot.Tests.Broadcasts;

/// <summary>Who gets an announcement: only subscribers, their own choices always respected, then the staff's segment.</summary>
public sealed class RecipientsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-recipients-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Subscribers_whose_choices_fit_the_event_and_the_segment_and_nobody_an_earlier_announcement_reached()
    {
        using var db = new Database(Path.Combine(_dir, "b.db"));
        var e = new Event { Title = new() { ["de"] = "Fußball" }, StartUtc = DateTime.UtcNow.AddDays(1), EndUtc = DateTime.UtcNow.AddDays(1).AddHours(1), Area = "hansa", Kind = EventKind.Sport, Status = EventStatus.Published };
        Resident R(long id, string language = "de", bool subscribed = true) => new() { Id = id, Language = language, Subscribed = subscribed };
        var residents = new[]
        {
            R(1), R(2, "ar"), R(3, subscribed: false), R(4) with { BlockedBot = true },
            R(5) with { InterestAreas = ["hansa"] }, R(6) with { InterestAreas = ["buehring"] },
            R(7) with { InterestKinds = [EventKind.Sport, EventKind.Cafe] }, R(8) with { InterestKinds = [EventKind.Culture] },
        };
        e = await db.Write(d =>
        {
            foreach (var r in residents) ResidentStore.Apply(d, r.Id, new Outcome([], Save: r));
            return EventStore.Save(d, e);
        });

        Assert.Equal([1, 2, 5, 7], db.Read(d => BroadcastStore.Recipients(d, e, new Segment())).Order());
        Assert.Equal([2], db.Read(d => BroadcastStore.Recipients(d, e, new Segment { Languages = ["ar"] })));
        // "Interested in Bühringstraße": those who chose it or chose no area; here nobody, since resident 6 ruled out Hansastraße events.
        Assert.Equal([1, 2, 7], db.Read(d => BroadcastStore.Recipients(d, e, new Segment { Areas = ["buehring"] })).Order());

        // A second announcement of the same event leaves out whom the first one reached.
        await db.Write(d =>
        {
            var first = BroadcastStore.Broadcasts(d).Insert(new Broadcast { EventId = e.Id, Kind = BroadcastKind.Announcement }).AsInt64;
            var b = BroadcastStore.Start(d, BroadcastStore.Find(d, first)!, [1, 2], DateTime.UtcNow);
            BroadcastStore.Save(d, BroadcastStore.Claim(d, b.Id)!.With(DeliveryStatus.Sent));
        });
        Assert.Single(db.Read(d => BroadcastStore.ToldAbout(d, e.Id)));
        Assert.Equal(3, db.Read(d => BroadcastStore.Recipients(d, e, new Segment())).Count);
    }
}
