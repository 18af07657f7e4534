using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BennBot.FakeTelegram;

public sealed record ApiCall(string Method, JsonObject Body, DateTimeOffset At)
{
    public long? ChatId => Body["chat_id"] is { } c ? long.Parse(c.ToString()) : null;
    public string? Text => Body["text"]?.GetValue<string>();
    public string? ParseMode => Body["parse_mode"]?.GetValue<string>();

    /// <summary>The callback_data of every inline button, row by row.</summary>
    public IReadOnlyList<string> ButtonData => Buttons.Select(b => b.Data).ToList();
    public IReadOnlyList<(string Label, string Data)> Buttons =>
        (Body["reply_markup"]?["inline_keyboard"]?.AsArray() ?? [])
        .SelectMany(row => row!.AsArray()).Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>())).ToList();
}

public sealed partial class FakeBotApi
{
    private async Task<IResult> Handle(string token, string method, HttpRequest request)
    {
        if (token != Token) return Error(401, "Unauthorized");
        var body = await ReadBody(request);
        Calls.Enqueue(new ApiCall(method, body, DateTimeOffset.UtcNow));
        if (method != "getUpdates" && NextFault(method) is { } f) return Error(f.Code, f.Description, f.RetryAfter);
        switch (method)
        {
            case "getMe": return Ok(FakeUpdates.Bot());
            case "deleteWebhook" or "setMyCommands" or "setMyShortDescription" or "setMyDescription" or "answerCallbackQuery":
                return Ok(JsonValue.Create(true));
            case "getUpdates": return await GetUpdates(body, request.HttpContext.RequestAborted);
            case "sendMessage" or "editMessageText":
                if (SendLatency > TimeSpan.Zero) await Task.Delay(SendLatency);
                if (body["text"]?.GetValue<string>() is not { Length: > 0 and <= 4096 }) return Error(400, "Bad Request: message text is empty or too long");
                return Ok(new JsonObject
                {
                    ["message_id"] = Interlocked.Increment(ref _nextMessageId), ["date"] = FakeUpdates.Now(),
                    ["chat"] = FakeUpdates.PrivateChat(long.Parse(body["chat_id"]!.ToString())), ["text"] = body["text"]!.GetValue<string>(),
                });
            default: return Error(404, "Not Found: method not found");
        }
    }

    private async Task<IResult> GetUpdates(JsonObject body, CancellationToken aborted)
    {
        Interlocked.Increment(ref GetUpdatesCalls);
        FirstGetUpdates ??= DateTimeOffset.UtcNow;
        if (NextFault("getUpdates") is { } f) return Error(f.Code, f.Description, f.RetryAfter);
        var offset = body["offset"]?.GetValue<long>() ?? 0;
        var limit = body["limit"]?.GetValue<int>() ?? 100;
        var timeout = Math.Min(body["timeout"]?.GetValue<int>() ?? 0, 10);
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            lock (_pending)
            {
                _pending.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset); // confirmed
                if (_pending.Count > 0 || DateTime.UtcNow >= deadline)
                    return Ok(new JsonArray(_pending.Take(limit).Select(u => (JsonNode)u.DeepClone()).ToArray()));
            }
            try { await _arrived.WaitAsync(deadline - DateTime.UtcNow, aborted); }
            catch (OperationCanceledException) { return Results.Empty; }
        }
    }

    private (string Method, int Code, int? RetryAfter, string Description)? NextFault(string method)
    {
        if (_faults.TryPeek(out var f) && f.Method == method && _faults.TryDequeue(out f)) return f;
        return null;
    }

    private static async Task<JsonObject> ReadBody(HttpRequest request)
    {
        if (request.ContentLength is 0 || request.ContentType is null) return [];
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return new JsonObject(form.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value.ToString()))));
        }
        return await JsonSerializer.DeserializeAsync<JsonObject>(request.Body) ?? [];
    }

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    private static IResult Error(int code, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } r) error["parameters"] = new JsonObject { ["retry_after"] = r };
        return Results.Json(error, statusCode: code);
    }
}
