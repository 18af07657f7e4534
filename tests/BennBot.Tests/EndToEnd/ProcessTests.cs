using BennBot.FakeTelegram;

namespace BennBot.Tests.EndToEnd;

/// <summary>The worker as an operator runs it: a real process, configured through environment variables.</summary>
public sealed class ProcessTests : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("bennbot-proc-").FullName;
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await new FakeBotApi(BotUnderTest.Token).Start();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    private Dictionary<string, string> Settings(int workers = 4, string logLevel = "Warning") => new()
    {
        ["BennBot__Telegram__Token"] = BotUnderTest.Token,
        ["BennBot__Telegram__ApiBaseUrl"] = _api.BaseUrl,
        ["BennBot__Storage__DatabasePath"] = Path.Combine(_dataDir, "bennbot.db"),
        ["BennBot__Telegram__Workers"] = workers.ToString(),
        ["Logging__LogLevel__Default"] = logLevel,
    };

    [Fact]
    public async Task Killed_in_the_middle_of_a_batch_the_bot_applies_each_update_exactly_once_after_restart()
    {
        const int residents = 20, perResident = 5, workers = 4;
        string[] script = ["/help", "/menu", "can I sign a petition?", "/language", "/help"]; // one reply each
        for (var i = 0; i < perResident; i++)
            for (long r = 1; r <= residents; r++) _api.SendText(7000 + r, script[i], "en");
        _api.SendLatency = TimeSpan.FromMilliseconds(120);

        using (var first = new BotProcess(Settings(workers)))
        {
            await _api.WaitFor(() => _api.CallsOf("sendMessage").Count >= 30 ? _api : null, TimeSpan.FromSeconds(60), "30 replies before the kill");
            first.Kill();
        }
        var beforeRestart = _api.CallsOf("sendMessage").Count;
        Assert.True(beforeRestart < residents * perResident, "the kill came too late to test anything");

        using var second = new BotProcess(Settings(workers));
        await _api.WaitFor(() => Enumerable.Range(1, residents).All(r => _api.MessagesTo(7000 + r).Count >= perResident) ? _api : null,
            TimeSpan.FromSeconds(90), "every resident's replies after the restart");
        await Task.Delay(1500); // anything applied twice would show up now

        var counts = Enumerable.Range(1, residents).Select(r => _api.MessagesTo(7000 + r).Count).ToList();
        var duplicates = counts.Sum(c => c - perResident);
        Assert.All(counts, c => Assert.InRange(c, perResident, perResident + 1));
        Assert.InRange(duplicates, 0, workers); // at most the sends that were in flight at the kill
        Assert.Equal(0, _api.UnconfirmedUpdates);
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_is_refused_and_the_first_keeps_serving()
    {
        using var first = new BotProcess(Settings());
        await _api.WaitFor(() => _api.GetUpdatesCalls > 0 ? _api : null, TimeSpan.FromSeconds(30));

        using var second = new BotProcess(Settings());
        Assert.Equal(3, await second.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Contains("Another BennBot is already using the database", second.Output);
        Assert.DoesNotContain("   at ", second.Output);

        _api.SendText(8001, "/start", "en");
        await _api.WaitForMessages(8001, 1, TimeSpan.FromSeconds(15));
        Assert.False(first.HasExited);
    }

    [Fact]
    public async Task Without_a_token_the_bot_exits_with_code_2_and_one_clear_sentence_pointing_to_chat()
    {
        var settings = Settings();
        settings.Remove("BennBot__Telegram__Token");
        using var bot = new BotProcess(settings);
        Assert.Equal(2, await bot.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Contains("BennBot__Telegram__Token", bot.Output);
        Assert.Contains("-- chat", bot.Output);
        Assert.DoesNotContain("Exception", bot.Output);
    }

    [Fact]
    public async Task A_database_folder_that_cannot_be_created_stops_the_bot_and_the_terminal_with_one_sentence_and_exit_4()
    {
        // A file where the folder should be (like BennBot__Storage__DatabasePath=/etc/hostname/x.db), which fails for root too.
        var blocker = Path.Combine(_dataDir, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        var settings = Settings();
        settings["BennBot__Storage__DatabasePath"] = Path.Combine(blocker, "x.db");

        using var bot = new BotProcess(settings);
        using var chat = new BotProcess(settings, "chat", "--lang", "en");
        foreach (var process in new[] { bot, chat })
        {
            Assert.Equal(4, await process.WaitForExit(TimeSpan.FromSeconds(60)));
            Assert.Contains($"Cannot create the folder {blocker} for the database", process.Output);
            Assert.Contains("BennBot__Storage__DatabasePath", process.Output);
            Assert.DoesNotContain("   at ", process.Output);
            Assert.DoesNotContain("Exception", process.Output);
        }
        Assert.Equal(0, _api.GetUpdatesCalls);
    }

    [Fact]
    public async Task Chat_accepts_a_language_code_in_any_case_as_the_settings_do()
    {
        using var chat = new BotProcess(Settings(), "chat", "--lang", "AR", "--user", "8003"); // was: refused, though DefaultLanguage=AR is accepted
        chat.Type("/quit");
        Assert.Equal(0, await chat.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains(TestContent.Content.T(BennBot.Content.Languages.Arabic, "greeting.new").Split('\n')[0], chat.Output);
    }

    [Fact]
    public async Task The_token_never_appears_in_the_logs_even_at_trace_level_and_on_errors()
    {
        _api.Fail("getUpdates", 500, times: 1);
        _api.Fail("getUpdates", 409, times: 1, description: "Conflict: terminated by other getUpdates request");
        using var bot = new BotProcess(Settings(logLevel: "Trace"));
        await _api.WaitFor(() => _api.GetUpdatesCalls >= 3 ? _api : null, TimeSpan.FromSeconds(30));
        _api.Fail("sendMessage", 429, retryAfter: 1, description: "Too Many Requests: retry after 1");
        _api.SendText(8002, "/start", "en");
        await _api.WaitForMessages(8002, 1, TimeSpan.FromSeconds(20));
        // The console logger writes from its own queue, which lags at Trace level on a busy machine: give it time.
        for (var waited = 0; waited < 100 && !bot.Output.Contains("Telegram asked to slow down"); waited++) await Task.Delay(100);
        bot.Kill();

        Assert.Contains("Telegram asked to slow down", bot.Output); // the run did log, at every level
        Assert.Contains("trying again", bot.Output);
        Assert.DoesNotContain("TEST-TOKEN-secret-part-xyz", bot.Output);
        Assert.DoesNotContain("bot123456:", bot.Output);
    }
}
