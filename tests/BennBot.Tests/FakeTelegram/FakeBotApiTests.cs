using System.Diagnostics;
using System.Net;
using BennBot.FakeTelegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BennBot.Tests.FakeTelegram;

/// <summary>The fake Bot API as the real Telegram.Bot client sees it: flood limits, scripted errors, uploads, downloads, latency.</summary>
public sealed class FakeBotApiTests
{
    private const string Token = "123456:ABC-fake-api-test-token";

    private static TelegramBotClient Client(FakeBotApi api) => new(new TelegramBotClientOptions(Token, api.BaseUrl) { RetryThreshold = 0 });

    /// <summary>Runs <paramref name="send"/> and returns the Bot API error it ends with, or null on success.</summary>
    private static async Task<ApiRequestException?> ErrorOf(Func<Task> send)
    {
        try { await send(); return null; }
        catch (ApiRequestException e) { return e; }
    }

    [Fact]
    public async Task Over_the_per_second_limit_requests_get_a_real_429_and_are_not_delivered()
    {
        await using var api = await new FakeBotApi(Token).Start();
        var client = Client(api);
        await client.GetMe(); // warm up, so that all sends fall into the same second
        api.Limits = new RateLimits(PerSecond: 5);

        var errors = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => ErrorOf(() => client.SendMessage(1000 + i, "hello"))));

        Assert.Equal(5, api.Accepted);
        Assert.Equal(5, errors.Count(e => e is null));
        Assert.All(errors.OfType<ApiRequestException>(), e =>
        {
            Assert.Equal(429, e.ErrorCode);
            Assert.StartsWith("Too Many Requests: retry after ", e.Message);
            Assert.InRange(e.Parameters?.RetryAfter ?? 0, 1, 1);
        });
        Assert.Equal(7, api.TooManyRequestsAnswered);
        Assert.Equal(5, api.Deliveries.Values.Sum());
    }

    [Fact]
    public async Task A_group_takes_20_messages_a_minute_while_other_chats_still_get_theirs()
    {
        const long group = -100555, otherGroup = -100556;
        await using var api = await new FakeBotApi(Token).Start();
        api.Limits = new RateLimits(PerSecond: 1000, PerGroupPerMinute: 20);
        var client = Client(api);

        for (var i = 0; i < 20; i++) await client.SendMessage(group, $"news {i}");
        var refused = await ErrorOf(() => client.SendMessage(group, "one too many"));
        var sent = await client.SendMessage(otherGroup, "news");
        await client.SendMessage(42, "private");

        Assert.Equal(429, refused?.ErrorCode);
        Assert.InRange(refused?.Parameters?.RetryAfter ?? 0, 50, 60);
        Assert.Equal(20, api.DeliveredTo(group));
        Assert.Equal(1, api.DeliveredTo(otherGroup));
        Assert.Equal(ChatType.Supergroup, sent.Chat.Type);
        Assert.Equal(22, api.Accepted);
    }

    [Fact]
    public async Task A_private_chat_limit_applies_per_chat_when_set()
    {
        await using var api = await new FakeBotApi(Token).Start();
        api.Limits = new RateLimits(PerPrivateChatPerSecond: 1);
        var client = Client(api);

        await client.SendMessage(7, "first");
        var refused = await ErrorOf(() => client.SendMessage(7, "second"));
        await client.SendMessage(8, "to someone else");

        Assert.Equal(429, refused?.ErrorCode);
        Assert.Equal(1, api.DeliveredTo(7));
        Assert.Equal(1, api.DeliveredTo(8));
    }

    [Fact]
    public async Task A_chat_that_blocked_the_bot_fails_every_time_and_other_chats_are_unaffected()
    {
        await using var api = await new FakeBotApi(Token).Start();
        api.FailChat(42, 403, "Forbidden: bot was blocked by the user");
        var client = Client(api);

        var blocked = await ErrorOf(() => client.SendMessage(42, "hello"));
        await client.SendMessage(43, "hello");
        var again = await ErrorOf(() => client.SendDocument(42, InputFile.FromStream(new MemoryStream([1, 2, 3]), "a.ics")));

        Assert.Equal(403, blocked?.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", blocked?.Message);
        Assert.Equal(403, again?.ErrorCode);
        Assert.Equal(0, api.DeliveredTo(42));
        Assert.Equal(1, api.DeliveredTo(43));
        Assert.Equal(1, api.Accepted);
    }

    [Fact]
    public async Task Scripted_errors_run_out_and_5xx_reach_the_client_as_bot_api_errors()
    {
        await using var api = await new FakeBotApi(Token).Start();
        api.FailChat(-100777, 502, "Bad Gateway", times: 2);
        api.FailMatching(c => c.Text?.Contains("<broken") == true, 400, "Bad Request: can't parse entities");
        var client = Client(api);

        var first = await ErrorOf(() => client.SendMessage(-100777, "hi"));
        var second = await ErrorOf(() => client.SendMessage(-100777, "hi"));
        var third = await ErrorOf(() => client.SendMessage(-100777, "hi"));
        var unparsable = await ErrorOf(() => client.SendMessage(5, "a <broken tag", ParseMode.Html));
        var fine = await ErrorOf(() => client.SendMessage(5, "a fine text", ParseMode.Html));

        Assert.Equal(502, first?.ErrorCode);
        Assert.Equal(502, second?.ErrorCode);
        Assert.Null(third);
        Assert.Equal(400, unparsable?.ErrorCode);
        Assert.Equal("Bad Request: can't parse entities", unparsable?.Message);
        Assert.Null(fine);
        Assert.Equal(1, api.DeliveredTo(-100777));
    }

    [Fact]
    public async Task An_uploaded_document_is_recorded_with_its_bytes_name_caption_and_buttons()
    {
        byte[] bytes = [.. "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8, 0, 255];
        await using var api = await new FakeBotApi(Token).Start();
        var client = Client(api);

        var sent = await client.SendDocument(-100123, InputFile.FromStream(new MemoryStream(bytes), "event.ics"),
            caption: "Your <b>event</b>", parseMode: ParseMode.Html, replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Add", "cal:1")));

        var call = Assert.Single(api.CallsOf("sendDocument"));
        Assert.Equal(bytes, call.Document);
        Assert.Equal("event.ics", call.DocumentName);
        Assert.Equal("Your <b>event</b>", call.Text);
        Assert.Equal("html", call.ParseMode, ignoreCase: true); // Telegram.Bot sends "Html"; Telegram does not mind the case
        Assert.Equal(-100123, call.ChatId);
        Assert.Equal([("Add", "cal:1")], call.Buttons);
        Assert.Equal("event.ics", sent.Document?.FileName);
        Assert.Equal(bytes.Length, sent.Document?.FileSize);
        Assert.Equal(ChatType.Supergroup, sent.Chat.Type);
        Assert.Equal(1, api.DeliveredTo(-100123));
    }

    [Fact]
    public async Task An_added_file_can_be_looked_up_and_downloaded()
    {
        byte[] bytes = [.. "BEGIN:VCALENDAR\r\nSUMMARY:Fest\r\nEND:VCALENDAR\r\n"u8];
        await using var api = await new FakeBotApi(Token).Start();
        api.AddFile("file-abc", bytes, "fest.ics");
        var client = Client(api);

        using var first = new MemoryStream();
        var info = await client.GetInfoAndDownloadFile("file-abc", first);
        var file = await client.GetFile("file-abc");
        using var second = new MemoryStream();
        await client.DownloadFile(file, second);
        var unknown = await ErrorOf(() => client.GetFile("no-such-file"));
        using var http = new HttpClient();
        var missing = await http.GetAsync($"{api.BaseUrl}/file/bot{Token}/documents/nothing.ics");

        Assert.Equal(bytes, first.ToArray());
        Assert.Equal(bytes, second.ToArray());
        Assert.Equal(bytes.Length, info.FileSize);
        Assert.EndsWith(".ics", info.FilePath);
        Assert.Equal(400, unknown?.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Pushed_documents_and_voice_messages_are_updates_the_real_client_reads()
    {
        await using var api = await new FakeBotApi(Token).Start();
        api.SendDocument(-100123, 77, "doc-1", "event.ics", caption: "import please");
        api.SendVoice(78, "voice-1", "uk", duration: 9);

        var updates = await Client(api).GetUpdates(timeout: 1);

        Assert.Equal(2, updates.Length);
        var document = updates[0].Message!;
        Assert.Equal(("doc-1", "event.ics", "text/calendar"), (document.Document?.FileId, document.Document?.FileName, document.Document?.MimeType));
        Assert.Equal("import please", document.Caption);
        Assert.Equal((-100123L, ChatType.Supergroup), (document.Chat.Id, document.Chat.Type));
        var voice = updates[1].Message!;
        Assert.Equal(("voice-1", 9), (voice.Voice?.FileId, voice.Voice?.Duration));
        Assert.Equal((78L, ChatType.Private, "uk"), (voice.Chat.Id, voice.Chat.Type, voice.From?.LanguageCode));
    }

    [Fact]
    public async Task SendVoice_takes_only_file_ids_Telegram_knows_and_getFile_serves_a_users_voice_message_unless_it_is_too_big()
    {
        await using var api = await new FakeBotApi(Token).Start();
        var client = Client(api);
        api.SendVoice(78, "users-voice", "uk", duration: 9, fileSize: 12_000);
        api.SendVoice(78, "huge-voice", "uk", duration: 60, fileSize: 25L * 1024 * 1024);

        var sent = await client.SendVoice(-100500, InputFile.FromFileId("users-voice"), "caption");
        var forged = await Assert.ThrowsAsync<ApiRequestException>(() => client.SendVoice(-100500, InputFile.FromFileId("never-seen")));
        var file = await client.GetFile("users-voice");
        var tooBig = await Assert.ThrowsAsync<ApiRequestException>(() => client.GetFile("huge-voice"));

        Assert.Equal(("users-voice", 9), (sent.Voice?.FileId, sent.Voice?.Duration));
        Assert.Equal((400, "Bad Request: wrong file identifier/HTTP URL specified"), (forged.ErrorCode, forged.Message));
        Assert.Equal(12_000, file.FileSize);
        Assert.StartsWith("voice/", file.FilePath);
        Assert.Equal((400, "Bad Request: file is too big"), (tooBig.ErrorCode, tooBig.Message));
    }

    [Fact]
    public async Task Editing_a_message_in_a_group_returns_the_edited_message()
    {
        await using var api = await new FakeBotApi(Token).Start();
        var client = Client(api);
        var sent = await client.SendMessage(-100900, "before");

        var edited = await client.EditMessageText(-100900, sent.Id, "after");

        Assert.Equal((sent.Id, "after", ChatType.Supergroup, -100900L), (edited.Id, edited.Text, edited.Chat.Type, edited.Chat.Id));
        Assert.NotNull(edited.EditDate);
        Assert.Equal(2, api.Accepted);
        Assert.Equal(1, api.DeliveredTo(-100900)); // an edit delivers nothing new
    }

    [Fact]
    public async Task Latency_applies_to_each_call_and_calls_wait_concurrently()
    {
        await using var api = await new FakeBotApi(Token).Start();
        var client = Client(api);
        await client.GetMe();
        api.SendLatency = TimeSpan.FromMilliseconds(100);

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => client.SendMessage(i, "hello")));
        var elapsed = watch.Elapsed;

        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(95), TimeSpan.FromSeconds(1));
        Assert.Equal(20, api.Accepted);
    }

    [Fact]
    public async Task Without_recording_calls_the_counters_still_count()
    {
        await using var api = await new FakeBotApi(Token).Start();
        api.RecordCalls = false;
        var client = Client(api);

        for (var i = 0; i < 3; i++) await client.SendMessage(11, $"message {i}");
        await client.SendDocument(11, InputFile.FromStream(new MemoryStream([1]), "x.txt"));

        Assert.Empty(api.Calls);
        Assert.Equal(4, api.DeliveredTo(11));
        Assert.Equal(new Dictionary<long, int> { [11] = 4 }, api.Deliveries);
    }
}
