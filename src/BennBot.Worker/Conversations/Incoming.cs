namespace BennBot.Worker.Conversations;

public enum IncomingKind { Text, Command, Button, Unsupported, Edited, BlockedBot, UnblockedBot, Ignored }

/// <summary>Our own view of a Telegram update: only what the features need. Built by the Telegram adapter
/// (or the terminal), so no feature ever sees a Telegram type.</summary>
public sealed record Incoming(
    long UpdateId,
    long ChatId,
    long UserId,
    IncomingKind Kind,
    string? LanguageCode = null,
    string? Text = null,
    string? Command = null,
    string? ButtonData = null,
    string? ButtonQueryId = null,
    bool InStaffChat = false,
    string? ReplyToText = null);
