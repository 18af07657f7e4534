using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using LiteDB;

namespace BennBot.Worker.Voice;

/// <summary>A resident's voice message waiting for "send it to the team?": one per resident (their id is the key).</summary>
public sealed record VoiceOffer
{
    public const string Collection = "voice_offers";

    public long Id { get; init; }
    public string FileId { get; init; } = "";
    public int Seconds { get; init; }
    public DateTime OfferedAt { get; init; }
}

/// <summary>Staff's recording of one entry's answer in one language: Telegram's file id only (no audio is stored), the
/// hash of the answer text it was made for, who made it and when. Content, not residents' data.</summary>
public sealed record Recording
{
    public const string Collection = "voice_recordings";

    /// <summary>"{entry}:{language}".</summary>
    public string Id { get; init; } = "";
    public string EntryId { get; init; } = "";
    public string Language { get; init; } = "";
    public string FileId { get; init; } = "";
    public int Seconds { get; init; }
    public long StaffId { get; init; }
    public DateTime RecordedAt { get; init; }
    public string TextHash { get; init; } = "";

    public static string IdOf(string entryId, string language) => $"{entryId}:{language}";
}

/// <summary>"Send a voice message now": which entry and language a staff member's next voice message records.</summary>
public sealed record RecordingSession
{
    public const string Collection = "voice_sessions";

    public long Id { get; init; }
    public long ChatId { get; init; }
    public string EntryId { get; init; } = "";
    public string Language { get; init; } = "";
    public DateTime Until { get; init; }
}

public static class VoiceStore
{
    public static readonly TimeSpan OfferKept = TimeSpan.FromMinutes(15);

    public static ILiteCollection<VoiceOffer> Offers(LiteDatabase db) => db.GetCollection<VoiceOffer>(VoiceOffer.Collection);
    public static ILiteCollection<Recording> Recordings(LiteDatabase db) => db.GetCollection<Recording>(Recording.Collection);
    public static ILiteCollection<RecordingSession> Sessions(LiteDatabase db) => db.GetCollection<RecordingSession>(RecordingSession.Collection);

    public static VoiceOffer? Offer(LiteDatabase db, long residentId) => Offers(db).FindById(residentId);

    public static Recording? Find(LiteDatabase db, string entryId, string language) => Recordings(db).FindById(Recording.IdOf(entryId, language));

    public static List<Recording> All(LiteDatabase db) => Recordings(db).FindAll().ToList();

    public static RecordingSession? Session(LiteDatabase db, long staffId) => Sessions(db).FindById(staffId);

    public static void Apply(LiteDatabase db, VoiceEffect effect, DateTime now)
    {
        switch (effect)
        {
            case OfferVoice o:
                Offers(db).Upsert(new VoiceOffer { Id = o.ResidentId, FileId = o.FileId, Seconds = o.Seconds, OfferedAt = now });
                break;
            case DropVoiceOffer d:
                Offers(db).Delete(d.ResidentId);
                break;
            case SaveRecording s:
                Recordings(db).Upsert(new Recording
                {
                    Id = Recording.IdOf(s.EntryId, s.Language), EntryId = s.EntryId, Language = s.Language, FileId = s.FileId, Seconds = s.Seconds,
                    StaffId = s.StaffId, RecordedAt = now, TextHash = s.TextHash,
                });
                Sessions(db).Delete(s.StaffId);
                break;
            case ConfirmRecording c when Find(db, c.EntryId, c.Language) is { } found:
                Recordings(db).Update(found with { TextHash = c.TextHash });
                break;
            case RemoveRecording r:
                Recordings(db).Delete(Recording.IdOf(r.EntryId, r.Language));
                break;
            case StartRecording s:
                Sessions(db).Upsert(new RecordingSession { Id = s.StaffId, ChatId = s.ChatId, EntryId = s.EntryId, Language = s.Language, Until = s.Until });
                break;
        }
    }

    /// <summary>/cancel, or the event desk closed (<see cref="EndDialogue"/>): a recording waiting for its voice message ends too.</summary>
    public static void EndSession(LiteDatabase db, long staffId) => Sessions(db).Delete(staffId);

    /// <summary>Erasure (<see cref="ForgetResident"/>).</summary>
    public static void ForgetOffer(LiteDatabase db, ForgetResident f) => Offers(db).Delete(f.ResidentId);
}
