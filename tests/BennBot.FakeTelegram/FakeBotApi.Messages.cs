using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BennBot.FakeTelegram;

/// <summary>The methods that send or edit a message in a chat: checked, rate-limited, counted, answered with a Message.</summary>
public sealed partial class FakeBotApi
{
    private int _nextMessageId = 1;
    private int _nextUploadId;

    private static bool IsMessageMethod(string method) =>
        method is "sendMessage" or "sendDocument" or "editMessageText" or "sendPhoto" or "sendVoice" or "copyMessage" or "forwardMessage";

    private IResult SendOrEdit(ApiCall call)
    {
        if (Invalid(call) is { } invalid) return invalid;
        if (Admit(call.Method, call.ChatId) is { } retryAfter)
            return Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
        return Ok(Reply(call));
    }

    private IResult? Invalid(ApiCall call)
    {
        var body = call.Body;
        if (call.ChatId is null && !(call.Method == "editMessageText" && body["inline_message_id"] is not null))
            return Error(400, "Bad Request: chat not found");
        if (call.Method is "sendMessage" or "editMessageText")
        {
            if (body["text"] is not { } text || text.ToString().Length == 0) return Error(400, "Bad Request: message text is empty");
            if (text.ToString().Length > 4096) return Error(400, "Bad Request: message is too long");
        }
        if (body["caption"] is { } caption && caption.ToString().Length > 1024) return Error(400, "Bad Request: message caption is too long");
        if (call.Method is "sendDocument" or "sendPhoto" or "sendVoice" && call.Document is null && body[MediaField(call.Method)] is null)
            return Error(400, $"Bad Request: there is no {MediaField(call.Method)} in the request");
        // Telegram sends a file by id only if it knows that id: one a user sent, or one it gave back for a sent file.
        if (call.Method is "sendDocument" or "sendPhoto" or "sendVoice" && call.Document is null && !KnowsFile(body[MediaField(call.Method)]!.ToString()))
            return Error(400, "Bad Request: wrong file identifier/HTTP URL specified");
        return null;
    }

    private static string MediaField(string method) => method switch { "sendPhoto" => "photo", "sendVoice" => "voice", _ => "document" };

    /// <summary>The result Telegram answers with: a Message (for copyMessage a MessageId; true for an inline edit).</summary>
    private JsonNode Reply(ApiCall call)
    {
        var body = call.Body;
        if (call.ChatId is not { } chatId) return JsonValue.Create(true);
        var message = new JsonObject
        {
            ["message_id"] = call.Method == "editMessageText" && int.TryParse(body["message_id"]?.ToString(), out var edited)
                ? edited : Interlocked.Increment(ref _nextMessageId),
            ["date"] = FakeUpdates.Now(), ["chat"] = FakeUpdates.Chat(chatId), ["from"] = FakeUpdates.Bot(),
        };
        call.MessageId = message["message_id"]!.GetValue<int>();
        if (call.Method == "copyMessage") return new JsonObject { ["message_id"] = message["message_id"]!.GetValue<int>() };
        if (call.Method == "editMessageText") message["edit_date"] = FakeUpdates.Now();
        if (body["text"] is { } text) message["text"] = text.ToString();
        if (body["caption"] is { } caption) message["caption"] = caption.ToString();
        if (body["reply_markup"]?["inline_keyboard"] is not null) message["reply_markup"] = body["reply_markup"]!.DeepClone();
        if (call.Method is "sendDocument" or "sendPhoto" or "sendVoice") message[MediaField(call.Method)] = Media(call);
        return message;
    }

    /// <summary>The document, photo sizes or voice of a sent message: a fresh file id for an upload, else the file id sent.</summary>
    private JsonNode Media(ApiCall call)
    {
        var fileId = call.Document is null ? call.Body[MediaField(call.Method)]!.ToString() : $"upload-{Interlocked.Increment(ref _nextUploadId)}";
        var file = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = FakeUpdates.UniqueId(fileId) };
        _knownFileIds.TryAdd(fileId, (call.Document?.Length ?? 0, 0));
        if (call.Document is { } bytes) file["file_size"] = bytes.Length;
        switch (call.Method)
        {
            case "sendPhoto":
                file["width"] = 90; file["height"] = 90;
                return new JsonArray(file);
            case "sendVoice":
                // A voice sent again by its file id keeps the length Telegram knows for it.
                file["duration"] = int.TryParse(call.Body["duration"]?.ToString(), out var duration) ? duration
                    : _knownFileIds.TryGetValue(fileId, out var known) && known.Duration > 0 ? known.Duration : 1;
                return file;
            default:
                if (call.DocumentName is { } name) file["file_name"] = name;
                return file;
        }
    }
}
