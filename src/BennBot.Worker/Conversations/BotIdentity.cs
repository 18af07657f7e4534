namespace BennBot.Worker.Conversations;

/// <summary>Who the bot is on Telegram: its user id (a reply to one of its messages is recognised by it) and its username
/// (commands addressed "@" another bot are not ours; the deep links on posters need it). getMe's answer, with
/// BennBot__Telegram__BotUsername as the fallback for the username; handed to whoever handles an update, never set on
/// them afterwards (issue 14).</summary>
public sealed record BotIdentity(long Id, string? Username)
{
    /// <summary>Before getMe has answered and without a configured username: no deep links, any "@bot" accepted.</summary>
    public static readonly BotIdentity Unknown = new(0, null);
}
