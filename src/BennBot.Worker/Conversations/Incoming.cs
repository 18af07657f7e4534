namespace BennBot.Worker.Conversations;

public enum IncomingKind { Text, Command, Button, Document, Voice, Unsupported, Edited, BlockedBot, UnblockedBot, Ignored }

/// <summary>Our own view of a Telegram update: only what the features need. Built by the Telegram adapter
/// (or the terminal), so no feature ever sees a Telegram type. <c>Text</c> of a command holds its arguments;
/// <c>Calendar</c> is a document staff sent (an .ics file), downloaded and read by the adapter; a voice message
/// carries Telegram's file id (the bot can send it on without downloading it), its length and size. <c>ReplyTo</c>: in the
/// staff chat, the id of the bot's own message that a staff member replied to (never its text: issue 19).</summary>
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
    long? ReplyTo = null,
    Events.CalendarRead? Calendar = null,
    string? VoiceFileId = null,
    int VoiceSeconds = 0,
    long VoiceBytes = 0);
