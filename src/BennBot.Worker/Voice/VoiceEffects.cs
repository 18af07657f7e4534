using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Voice;

/// <summary>Voice offers and recordings, applied by <see cref="VoiceStore"/>.</summary>
public abstract record VoiceEffect : Effect
{
    public sealed override void Apply(LiteDatabase db, DateTime now) => VoiceStore.Apply(db, this, now);
}

/// <summary>A resident's voice message outside a topic, kept (by Telegram's file id only) while they decide whether it
/// goes to the team; replaces an earlier one.</summary>
public sealed record OfferVoice(long ResidentId, string FileId, int Seconds) : VoiceEffect;

public sealed record DropVoiceOffer(long ResidentId) : VoiceEffect;

/// <summary>Staff recorded an entry's answer in a language, for the answer text with this hash.</summary>
public sealed record SaveRecording(string EntryId, string Language, string FileId, int Seconds, long StaffId, string TextHash) : VoiceEffect;

/// <summary>Staff listened to an outdated recording and confirmed it still fits the current text.</summary>
public sealed record ConfirmRecording(string EntryId, string Language, string TextHash) : VoiceEffect;

public sealed record RemoveRecording(string EntryId, string Language) : VoiceEffect;

/// <summary>A staff member's next voice message (in this chat, before <c>Until</c>) records this entry and language.</summary>
public sealed record StartRecording(long StaffId, long ChatId, string EntryId, string Language, DateTime Until) : VoiceEffect;
