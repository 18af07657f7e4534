using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using BennBot.Worker.Voice;

namespace BennBot.Tests.Voice;

/// <summary>Every stored type of issue 15 survives a round trip through a real database file (LiteDB maps records poorly
/// unless they are shaped for it), and a resident's erasure removes their voice offer but no staff recording.</summary>
public sealed class VoiceStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-voice-store-").FullName;
    private string DbPath => Path.Combine(_dir, "bennbot.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Voice_offers_recordings_sessions_voice_questions_and_voice_notes_of_events_survive_a_round_trip()
    {
        var at = new DateTime(2026, 12, 3, 4, 5, 6, DateTimeKind.Utc);
        long eventId;
        using (var db = new Database(DbPath))
        {
            eventId = await db.Write(d =>
            {
                VoiceStore.Apply(d, new OfferVoice(7, "offer-file", 12), at);
                VoiceStore.Apply(d, new SaveRecording("petition", "ar", "rec-file", 31, 900, "0123456789abcdef"), at);
                VoiceStore.Apply(d, new StartRecording(901, 901, "verein", "fa", at.AddMinutes(15)), at);
                TeamStore.Apply(d, new AskTeam(55, 7, "uk", "", "question-file", 42), at);
                BroadcastStore.Deliveries(d).Insert(Delivery.Of(3, 7) with { TextSent = true });
                return EventStore.Save(d, new Event { Title = new() { ["de"] = "Café" }, Voice = new() { ["uk"] = "uk-note" }, CreatedAt = at }).Id;
            });
        }
        using (var db = new Database(DbPath))
        {
            Assert.Equal(new VoiceOffer { Id = 7, FileId = "offer-file", Seconds = 12, OfferedAt = at }, db.Read(d => VoiceStore.Offer(d, 7)));
            Assert.Equal(new Recording { Id = "petition:ar", EntryId = "petition", Language = "ar", FileId = "rec-file", Seconds = 31, StaffId = 900, RecordedAt = at, TextHash = "0123456789abcdef" },
                db.Read(d => VoiceStore.Find(d, "petition", "ar")));
            Assert.Equal(new RecordingSession { Id = 901, ChatId = 901, EntryId = "verein", Language = "fa", Until = at.AddMinutes(15) }, db.Read(d => VoiceStore.Session(d, 901)));
            var question = db.Read(d => TeamStore.Find(d, 55))!;
            Assert.Equal(("question-file", 42, 7L), (question.VoiceFileId, question.VoiceSeconds, question.ResidentId));
            Assert.True(db.Read(d => BroadcastStore.Deliveries(d).FindById("3:7"))!.TextSent);
            Assert.Equal("uk-note", db.Read(d => EventStore.Find(d, eventId))!.Voice["uk"]);

            // Erasing the resident takes their offer and open voice question; the staff recording is content and stays.
            await db.Write(d => OutcomeStore.Forget(d, 7, at));
            Assert.Null(db.Read(d => VoiceStore.Offer(d, 7)));
            Assert.Null(db.Read(d => TeamStore.Find(d, 55)));
            Assert.NotNull(db.Read(d => VoiceStore.Find(d, "petition", "ar")));
        }
    }
}
