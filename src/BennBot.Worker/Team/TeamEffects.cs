using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Team;

/// <summary>The team's questions and the answers' votes, applied by <see cref="TeamStore"/>.</summary>
public abstract record TeamEffect : Effect
{
    public sealed override void Apply(LiteDatabase db, DateTime now) => TeamStore.Apply(db, this, now);
}

/// <summary>A 👍 or 👎 under an answer: counted once per resident and answer (a second tap changes their vote), so
/// the resident's vote is stored with their id until their data is erased (issue 19: every tap counted).</summary>
public sealed record CountFeedback(string EntryId, bool Helpful, long ResidentId) : TeamEffect;

/// <summary>A resident's question for the team, kept until a staff member answers it: typed, or a voice message kept by
/// Telegram's file id only (issue 15).</summary>
public sealed record AskTeam(long QuestionId, long ResidentId, string Language, string Text, string? VoiceFileId = null, int VoiceSeconds = 0) : TeamEffect;

public sealed record MarkAnswered(long QuestionId) : TeamEffect;
