namespace BennBot.Worker.Conversations;

/// <summary>A change an outcome asks for besides the resident record; applied in the same transaction.</summary>
public abstract record Effect;

/// <summary>A 👍 or 👎 under an answer: counted once per resident and answer (a second tap changes their vote), so
/// the resident's vote is stored with their id until their data is erased (issue 19: every tap counted).</summary>
public sealed record CountFeedback(string EntryId, bool Helpful, long ResidentId) : Effect;

/// <summary>A resident's question for the team, kept until a staff member answers it: typed, or a voice message kept by
/// Telegram's file id only (issue 15).</summary>
public sealed record AskTeam(long QuestionId, long ResidentId, string Language, string Text, string? VoiceFileId = null, int VoiceSeconds = 0) : Effect;

public sealed record MarkAnswered(long QuestionId) : Effect;

/// <summary>A resident deleted their data (or it expired): everything linking data to them is erased; their topics
/// stay as anonymous content unless <paramref name="DeleteTopics"/>.</summary>
public sealed record ForgetResident(long ResidentId, bool DeleteTopics = false) : Effect;
