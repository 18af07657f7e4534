using System.Text.Json.Nodes;

namespace BennBot.FakeTelegram;

/// <summary>Update JSON as Telegram sends it (https://core.telegram.org/bots/api#update), for injecting into the fake.</summary>
public static class FakeUpdates
{
    public static JsonObject User(long id, string? languageCode) => new()
    {
        ["id"] = id, ["is_bot"] = false, ["first_name"] = "Resident" + id,
        ["language_code"] = languageCode,
    };

    public static JsonObject PrivateChat(long id) => new() { ["id"] = id, ["type"] = "private", ["first_name"] = "Resident" + id };

    /// <summary>The chat with this id as Telegram describes it: a negative id is a supergroup, a positive one a private chat.</summary>
    public static JsonObject Chat(long id) => id < 0 ? new() { ["id"] = id, ["type"] = "supergroup", ["title"] = "A group" } : PrivateChat(id);

    public static JsonObject Message(long userId, string? languageCode, string? text, long? chatId = null, string chatType = "private")
    {
        var chat = chatType == "private" ? PrivateChat(chatId ?? userId) : new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = "A group" };
        var message = new JsonObject
        {
            ["message_id"] = Random.Shared.Next(1, int.MaxValue), ["date"] = Now(), ["chat"] = chat, ["from"] = User(userId, languageCode),
        };
        if (text is not null)
        {
            message["text"] = text;
            if (text.StartsWith('/'))
            {
                var length = text.IndexOf(' ') is var space and > 0 ? space : text.Length;
                message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
            }
        }
        return message;
    }

    /// <summary>A message in a group that replies to one of the bot's messages (how staff answer a question): Telegram
    /// sends the replied-to message along, with its id and its text as the group shows it.</summary>
    public static JsonObject GroupReply(long chatId, long userId, string text, int repliedToMessageId, string repliedToText)
    {
        var m = Message(userId, "de", text, chatId, "supergroup");
        m["reply_to_message"] = new JsonObject
        {
            ["message_id"] = repliedToMessageId, ["date"] = Now(), ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Staff" },
            ["from"] = Bot(), ["text"] = repliedToText,
        };
        return m;
    }

    public static JsonObject Sticker(long userId, string? languageCode)
    {
        var m = Message(userId, languageCode, null);
        m["sticker"] = new JsonObject
        {
            ["file_id"] = "sticker-file", ["file_unique_id"] = "u1", ["type"] = "regular", ["width"] = 512, ["height"] = 512,
            ["is_animated"] = false, ["is_video"] = false,
        };
        return m;
    }

    /// <summary>A message with a document (by default an iCalendar file in a supergroup), optionally with a caption.</summary>
    public static JsonObject Document(long chatId, long userId, string fileId, string fileName, string mimeType = "text/calendar",
        string chatType = "supergroup", string? caption = null)
    {
        var m = Message(userId, "de", null, chatId, chatType);
        m["document"] = new JsonObject
        {
            ["file_id"] = fileId, ["file_unique_id"] = UniqueId(fileId), ["file_name"] = fileName, ["mime_type"] = mimeType,
        };
        if (caption is not null) m["caption"] = caption;
        return m;
    }

    /// <summary>A voice message from a user to the bot in private (Telegram gives its file_size too, when it knows it).</summary>
    public static JsonObject Voice(long userId, string? languageCode, string fileId, int duration = 5, long? fileSize = null)
    {
        var m = Message(userId, languageCode, null);
        m["voice"] = VoiceOf(fileId, duration, fileSize);
        return m;
    }

    /// <summary>A voice message that replies to one of the bot's messages: in a group (<paramref name="chatId"/> &lt; 0, how
    /// staff answer a question by voice) or in the user's private chat (how staff record an answer for its card).</summary>
    public static JsonObject VoiceReply(long chatId, long userId, string fileId, int duration, int repliedToMessageId, string? languageCode = "de")
    {
        var m = chatId < 0 ? Message(userId, languageCode, null, chatId, "supergroup") : Message(userId, languageCode, null);
        m["voice"] = VoiceOf(fileId, duration, null);
        m["reply_to_message"] = new JsonObject
        {
            ["message_id"] = repliedToMessageId, ["date"] = Now(), ["chat"] = Chat(chatId), ["from"] = Bot(), ["text"] = "…",
        };
        return m;
    }

    private static JsonObject VoiceOf(string fileId, int duration, long? fileSize)
    {
        var voice = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = UniqueId(fileId), ["duration"] = duration, ["mime_type"] = "audio/ogg" };
        if (fileSize is { } size) voice["file_size"] = size;
        return voice;
    }

    /// <summary>A file_unique_id that stays the same for the same file_id.</summary>
    public static string UniqueId(string fileId) => "u-" + fileId;

    public static JsonObject CallbackQuery(long userId, string? languageCode, string data) => new()
    {
        ["id"] = Guid.NewGuid().ToString("N"), ["from"] = User(userId, languageCode), ["chat_instance"] = "ci" + userId, ["data"] = data,
        ["message"] = new JsonObject { ["message_id"] = 1, ["date"] = Now(), ["chat"] = PrivateChat(userId), ["text"] = "menu" },
    };

    public static JsonObject BlockedBy(long userId) => new()
    {
        ["chat"] = PrivateChat(userId), ["from"] = User(userId, null), ["date"] = Now(),
        ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = Bot() },
        ["new_chat_member"] = new JsonObject { ["status"] = "kicked", ["user"] = Bot(), ["until_date"] = 0 },
    };

    public static JsonObject Bot() => new() { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "BennBot", ["username"] = FakeBotApi.BotUsername };

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
