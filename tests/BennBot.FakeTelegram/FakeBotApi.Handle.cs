using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BennBot.FakeTelegram;

/// <summary>POST /bot{token}/{method}: reads the call (JSON or multipart), records it, waits out the latency, applies
/// scripted errors, then answers like the Bot API.</summary>
public sealed partial class FakeBotApi
{
    /// <summary>Multipart form fields whose value is JSON (Telegram.Bot serialises them into the form as strings).</summary>
    private static readonly HashSet<string> JsonFormFields = ["reply_markup", "reply_parameters", "entities", "caption_entities", "link_preview_options"];

    private async Task<IResult> Handle(string token, string method, HttpRequest request)
    {
        if (token != Token) return Error(401, "Unauthorized");
        if (OutageFor(method) is { } outage)
        {
            if (outage.Code is { } code) return Error(code, outage.Description);
            request.HttpContext.Abort(); // no answer at all: the client sees the connection drop
            return Results.Empty;
        }
        var call = await ReadCall(method, request);
        if (RecordCalls) Calls.Enqueue(call);
        if (method == "getUpdates") return await GetUpdates(call.Body, request.HttpContext.RequestAborted);
        if (method != "getMe" && SendLatency > TimeSpan.Zero) await Task.Delay(SendLatency, request.HttpContext.RequestAborted);
        if (NextFault(method) is { } f) return Error(f.Code, f.Description, f.RetryAfter);
        if (ScriptedErrorFor(call) is { } scripted) return Error(scripted.Code, scripted.Description);
        return method switch
        {
            "getMe" => Ok(FakeUpdates.Bot()),
            "deleteWebhook" or "setMyCommands" or "setMyShortDescription" or "setMyDescription" or "answerCallbackQuery" => Ok(JsonValue.Create(true)),
            "getFile" => GetFile(call),
            _ when IsMessageMethod(method) => SendOrEdit(call),
            _ => Error(404, "Not Found: method not found"),
        };
    }

    private async Task<IResult> GetUpdates(JsonObject body, CancellationToken aborted)
    {
        Interlocked.Increment(ref GetUpdatesCalls);
        FirstGetUpdates ??= DateTimeOffset.UtcNow;
        if (NextFault("getUpdates") is { } f) return Error(f.Code, f.Description, f.RetryAfter);
        var offset = body["offset"]?.GetValue<long>() ?? 0;
        var limit = body["limit"]?.GetValue<int>() ?? 100;
        var timeout = Math.Min(body["timeout"]?.GetValue<int>() ?? 0, 10);
        // Monotonic, and never a negative wait: the deadline can pass between the check and the wait.
        var patience = TimeSpan.FromSeconds(timeout);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            lock (_pending)
            {
                _pending.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset); // confirmed
                if (_pending.Count > 0 || waited.Elapsed >= patience)
                    return Ok(new JsonArray(_pending.Take(limit).Select(u => (JsonNode)u.DeepClone()).ToArray()));
            }
            try { await _arrived.WaitAsync(TimeSpan.FromTicks(Math.Max(0, (patience - waited.Elapsed).Ticks)), aborted); }
            catch (OperationCanceledException) { return Results.Empty; }
        }
    }

    /// <summary>A JSON body as it is; a multipart body as form fields (JSON-valued ones parsed) plus its uploaded file.</summary>
    private static async Task<ApiCall> ReadCall(string method, HttpRequest request)
    {
        var at = DateTimeOffset.UtcNow;
        if (request.ContentLength is 0 || request.ContentType is null) return new ApiCall(method, [], at);
        if (!request.HasFormContentType)
            return new ApiCall(method, await JsonSerializer.DeserializeAsync<JsonObject>(request.Body) ?? [], at);

        var form = await request.ReadFormAsync();
        var body = new JsonObject();
        foreach (var (key, value) in form) body[key] = JsonFormFields.Contains(key) ? JsonOrString(value.ToString()) : JsonValue.Create(value.ToString());
        if (UploadedFile(form, method) is not { } file) return new ApiCall(method, body, at);
        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        return new ApiCall(method, body, at) { DocumentName = file.FileName, Document = content.ToArray() };
    }

    /// <summary>The file part named by the method's media field ("attach://name" or the field itself), else the first one.</summary>
    private static IFormFile? UploadedFile(IFormCollection form, string method)
    {
        const string attach = "attach://";
        var field = MediaField(method);
        var name = form[field].ToString() is var v && v.StartsWith(attach, StringComparison.Ordinal) ? v[attach.Length..] : field;
        return form.Files.GetFile(name) ?? form.Files.FirstOrDefault();
    }

    private static JsonNode? JsonOrString(string value)
    {
        try { return JsonNode.Parse(value); }
        catch (JsonException) { return JsonValue.Create(value); }
    }

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    private static IResult Error(int code, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } r) error["parameters"] = new JsonObject { ["retry_after"] = r };
        return Results.Json(error, statusCode: code);
    }
}
