using BennBot.Worker.Events;

namespace BennBot.Worker.Conversations;

/// <summary>Our own view of a Telegram update: only what the features need, as a closed set of records that each carry
/// exactly their own fields (issue 14: one record with 14 nullable fields was read with `!` wherever a feature "knew" the
/// kind). Built by the Telegram adapter (<c>UpdateMapper</c>, also for the terminal), so no feature ever sees a Telegram
/// type. <c>InStaffChat</c>: the update came from the staff group chat. <c>ReplyTo</c>: the id of the bot's own message
/// that a text or voice message replied to (never its text: issue 19).</summary>
public abstract record Incoming(long UpdateId, long ChatId, long UserId, string? LanguageCode = null, bool InStaffChat = false)
{
    /// <summary>What the metrics and the log call this kind of update (the record's name).</summary>
    public string Kind => GetType().Name;

    /// <summary>A typed message (trimmed), not a command.</summary>
    public sealed record Text(long UpdateId, long ChatId, long UserId, string? LanguageCode, string Words, long? ReplyTo = null, bool InStaffChat = false)
        : Incoming(UpdateId, ChatId, UserId, LanguageCode, InStaffChat);

    /// <summary>"/name arguments": the name in lower case without "@bot"; the arguments trimmed, "" when there are none.</summary>
    public sealed record Command(long UpdateId, long ChatId, long UserId, string? LanguageCode, string Name, string Arguments = "", bool InStaffChat = false)
        : Incoming(UpdateId, ChatId, UserId, LanguageCode, InStaffChat);

    /// <summary>A tap on an inline button: its data (untrusted, see <see cref="ButtonAction.Decode"/>) and the query to answer.</summary>
    public sealed record Button(long UpdateId, long ChatId, long UserId, string? LanguageCode, string Data, string QueryId, bool InStaffChat = false)
        : Incoming(UpdateId, ChatId, UserId, LanguageCode, InStaffChat)
    {
        public AnswerButton Ack => new(QueryId);
    }

    /// <summary>A voice message: Telegram's file id (the bot can send it on without downloading it), its length and size.</summary>
    public sealed record Voice(long UpdateId, long ChatId, long UserId, string? LanguageCode, string FileId, int Seconds, long Bytes, long? ReplyTo = null, bool InStaffChat = false)
        : Incoming(UpdateId, ChatId, UserId, LanguageCode, InStaffChat);

    /// <summary>A file. <c>Calendar</c>: the .ics file a staff member sent, downloaded and read by the adapter; null for
    /// any other file (not from staff, not .ics, too large).</summary>
    public sealed record Document(long UpdateId, long ChatId, long UserId, string? LanguageCode, CalendarRead? Calendar = null, bool InStaffChat = false)
        : Incoming(UpdateId, ChatId, UserId, LanguageCode, InStaffChat);

    /// <summary>Anything else a resident sends in a private chat (a sticker, a photo, a location…).</summary>
    public sealed record Unsupported(long UpdateId, long ChatId, long UserId, string? LanguageCode) : Incoming(UpdateId, ChatId, UserId, LanguageCode);

    /// <summary>A resident edited a message they had sent.</summary>
    public sealed record Edited(long UpdateId, long ChatId, long UserId, string? LanguageCode) : Incoming(UpdateId, ChatId, UserId, LanguageCode);

    public sealed record BlockedBot(long UpdateId, long ChatId, long UserId) : Incoming(UpdateId, ChatId, UserId);

    public sealed record UnblockedBot(long UpdateId, long ChatId, long UserId) : Incoming(UpdateId, ChatId, UserId);

    /// <summary>Not for the bot (another group, a message without a sender, …); <c>ChatId</c> only keeps chats in order.</summary>
    public sealed record Ignored(long UpdateId, long ChatId) : Incoming(UpdateId, ChatId, 0);
}
