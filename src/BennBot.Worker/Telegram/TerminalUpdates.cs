using System.Text.RegularExpressions;
using BennBot.Worker.Conversations;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BennBot.Worker.Telegram;

/// <summary>What a person types or taps in the terminal, as the update Telegram would send for it, mapped by
/// <see cref="UpdateMapper"/>: a line in `chat` takes the same path from update to reply as a message in Telegram
/// (issue 13: the terminal parsed lines itself and dropped command arguments, so "/topic 1" started the resident dialogue).</summary>
public static partial class TerminalUpdates
{
    /// <summary>The bot's own user id in the terminal: replies to its messages are what answers a question or topic.</summary>
    public const long BotId = 1_000_000_000;

    /// <summary>A typed line in a private chat, or in the staff chat when <paramref name="chatId"/> is that chat;
    /// <paramref name="replyTo"/>: the bot message the line replies to (the staff chat's reply to a card).</summary>
    public static Incoming Typed(long updateId, long chatId, long userId, string? languageCode, string text, long? staffChatId, long? replyTo = null)
    {
        var chat = ChatOf(chatId);
        var message = new Message { Id = 1, Date = DateTime.UtcNow, Chat = chat, From = UserOf(userId, languageCode), Text = text };
        // Telegram marks a leading "/command" (optionally "@botname") as a bot_command entity; nothing else is a command.
        if (CommandAtStart().Match(text) is { Success: true } command)
            message.Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = command.Length }];
        if (replyTo is { } id)
            message.ReplyToMessage = new Message { Id = checked((int)id), Date = DateTime.UtcNow, Chat = chat, From = new User { Id = BotId, IsBot = true, FirstName = "BennBot" } };
        return Map(updateId, new Update { Message = message }, staffChatId);
    }

    /// <summary>A tap on a button of a bot message in this chat.</summary>
    public static Incoming Tapped(long updateId, long chatId, long userId, string? languageCode, string data, long? staffChatId)
    {
        var query = new CallbackQuery
        {
            Id = updateId.ToString(), From = UserOf(userId, languageCode), Data = data, ChatInstance = chatId.ToString(),
            Message = new Message { Id = 1, Date = DateTime.UtcNow, Chat = ChatOf(chatId), From = new User { Id = BotId, IsBot = true, FirstName = "BennBot" } },
        };
        return Map(updateId, new Update { CallbackQuery = query }, staffChatId);
    }

    // Telegram's update ids fit an int; the terminal's are wider (see ConsoleChat), so the id is set after mapping.
    private static Incoming Map(long updateId, Update update, long? staffChatId) =>
        UpdateMapper.Map(update, botUsername: null, staffChatId, BotId) with { UpdateId = updateId };

    private static Chat ChatOf(long chatId) => chatId < 0
        ? new Chat { Id = chatId, Type = ChatType.Supergroup, Title = "Staff" }
        : new Chat { Id = chatId, Type = ChatType.Private };

    private static User UserOf(long userId, string? languageCode) => new() { Id = userId, IsBot = false, FirstName = "Terminal", LanguageCode = languageCode };

    [GeneratedRegex(@"^/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{1,64})?")]
    private static partial Regex CommandAtStart();
}
