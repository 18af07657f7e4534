using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BennBot.FakeTelegram;

/// <summary>A stand-in for the Telegram Bot API on 127.0.0.1: serves POST /bot{token}/{method} with Bot API JSON,
/// long-polls getUpdates with real offset semantics (an update is confirmed by a later call with a higher
/// offset), records every call, and can be told to fail (429 with retry_after, 403, 400, 500) or to be slow. Optionally it
/// enforces Telegram's flood limits, fails chosen chats, takes uploads (multipart) and serves files for download
/// (GET /file/bot{token}/{file_path}); it counts deliveries cheaply enough for runs of 100,000 messages.</summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    public const long BotId = 123456;
    public const string BotUsername = "BennTestBot";

    private readonly WebApplication _app;
    private readonly List<JsonObject> _pending = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private long _nextUpdateId = 1000;

    public FakeBotApi(string token)
    {
        Token = token;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/bot{token}/{method}", Handle);
        _app.MapGet("/file/bot{token}/{**path}", Download);
    }

    public string Token { get; }
    public string BaseUrl => _app.Urls.First();

    /// <summary>Every call received, in order of arrival (empty while <see cref="RecordCalls"/> is false).</summary>
    public ConcurrentQueue<ApiCall> Calls { get; } = new();

    /// <summary>False: calls are not kept in <see cref="Calls"/> (for long runs); the counters still count.</summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>How long every call but getUpdates and getMe (and every file download) takes to be answered;
    /// calls wait concurrently.</summary>
    public TimeSpan SendLatency { get; set; } = TimeSpan.Zero;
    public int GetUpdatesCalls;
    public DateTimeOffset? FirstGetUpdates { get; private set; }

    public async Task<FakeBotApi> Start() { await _app.StartAsync(); return this; }

    public async ValueTask DisposeAsync() { await _app.StopAsync(); await _app.DisposeAsync(); }

    /// <summary>Queues an update (e.g. "message" → {...}) for getUpdates; returns its update_id.</summary>
    public long Push(string type, JsonObject payload)
    {
        lock (_pending)
        {
            var id = ++_nextUpdateId;
            LearnFiles(payload);
            _pending.Add(new JsonObject { ["update_id"] = id, [type] = payload });
            _arrived.Release();
            return id;
        }
    }

    /// <summary>Moves the next update ids on: a fake started for a restarted bot must not repeat ids its database has seen.</summary>
    public void SkipUpdateIds(long count)
    {
        lock (_pending) _nextUpdateId += count;
    }

    public long SendText(long userId, string text, string? languageCode = "de") => Push("message", FakeUpdates.Message(userId, languageCode, text));

    /// <summary>A user sends a document (by default an .ics file to a group) that getFile knows if it was added with <see cref="AddFile"/>.</summary>
    public long SendDocument(long chatId, long userId, string fileId, string fileName, string mimeType = "text/calendar",
        string chatType = "supergroup", string? caption = null) =>
        Push("message", FakeUpdates.Document(chatId, userId, fileId, fileName, mimeType, chatType, caption));

    /// <summary>A user sends a voice message to the bot in private.</summary>
    public long SendVoice(long userId, string fileId, string? languageCode = "de", int duration = 5, long? fileSize = null) =>
        Push("message", FakeUpdates.Voice(userId, languageCode, fileId, duration, fileSize));

    public long PressButton(long userId, string data, string? languageCode = "de") => Push("callback_query", FakeUpdates.CallbackQuery(userId, languageCode, data));

    public int UnconfirmedUpdates { get { lock (_pending) return _pending.Count; } }

    public IReadOnlyList<ApiCall> CallsOf(string method) => Calls.Where(c => c.Method == method).ToList();

    public IReadOnlyList<ApiCall> MessagesTo(long chatId) =>
        Calls.Where(c => c.Method == "sendMessage" && c.ChatId == chatId).ToList();

    /// <summary>The sendMessage calls to the chat that the fake answered with success (a message the chat really got);
    /// unlike <see cref="MessagesTo"/>, a call refused with 429 and sent again counts once.</summary>
    public IReadOnlyList<ApiCall> DeliveredMessagesTo(long chatId) => MessagesTo(chatId).Where(c => c.MessageId is not null).ToList();

    public async Task<T> WaitFor<T>(Func<T?> probe, TimeSpan? timeout = null, string? what = null) where T : class
    {
        // A monotonic clock: a jump of the wall clock must not end (or stretch) a wait. 30 s by default: on a 2-core CI
        // machine, while the first tests each load the answer model, one reply once took longer than 15 s.
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            if (probe() is { } found) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException("Timed out waiting for " + (what ?? "the bot"));
    }

    public Task<IReadOnlyList<ApiCall>> WaitForMessages(long chatId, int count, TimeSpan? timeout = null) =>
        WaitFor(() => MessagesTo(chatId) is { } m && m.Count >= count ? m : null, timeout, $"{count} message(s) to {chatId}");
}
