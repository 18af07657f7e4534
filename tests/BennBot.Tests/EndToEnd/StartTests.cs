using BennBot.FakeTelegram;
using BennBot.Tests.Content;
using BennBot.Worker;
using BennBot.Worker.Storage;

namespace BennBot.Tests.EndToEnd;

/// <summary>The bot's own start reads the seeds and opens the database side by side (cold start, issue 11); what an
/// operator is told when a start cannot go on stays one clear sentence, in the same order as before: the seeds first,
/// then the token, then the database.</summary>
public sealed class StartTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-start-").FullName;
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await new FakeBotApi(BotUnderTest.Token).Start();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string DbPath => Path.Combine(_dir, "bennbot.db");

    private Dictionary<string, string> Settings(bool token = true)
    {
        var settings = new Dictionary<string, string>
        {
            ["BennBot__Telegram__ApiBaseUrl"] = _api.BaseUrl,
            ["BennBot__Storage__DatabasePath"] = DbPath,
        };
        if (token) settings["BennBot__Telegram__Token"] = BotUnderTest.Token;
        return settings;
    }

    [Fact]
    public async Task Without_a_token_the_operator_is_told_which_setting_to_give_and_nothing_is_written()
    {
        using var bot = new BotProcess(Settings(token: false));
        Assert.Equal(ExitCodes.NotConfigured, await bot.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains("set BennBot__Telegram__Token", bot.Output);
        Assert.DoesNotContain("   at ", bot.Output);
        Assert.False(File.Exists(DbPath));
        Assert.Equal(0, _api.GetUpdatesCalls);
    }

    [Fact]
    public async Task A_second_bot_on_a_database_in_use_is_told_so_and_leaves_the_file_to_the_first()
    {
        using (var first = new Database(DbPath)) // holds the instance lock, as a running bot does
        {
            using var second = new BotProcess(Settings());
            Assert.Equal(ExitCodes.AlreadyRunning, await second.WaitForExit(TimeSpan.FromSeconds(60)));
            Assert.Contains("Another BennBot is already using the database", second.Output);
            Assert.DoesNotContain("   at ", second.Output);
            Assert.Equal(0, _api.GetUpdatesCalls);
        }
        // The second start gave up cleanly: the file opens as before.
        using var again = new Database(DbPath);
    }

    [Fact]
    public async Task Broken_seeds_are_what_the_operator_is_told_even_when_the_database_is_also_in_use()
    {
        using var seeds = new SeedsCopy();
        File.WriteAllText(Path.Combine(seeds.Dir, "texts", "en.json"), "{ \"language\": \"en\", \"entries\": ");
        using var first = new Database(DbPath);
        var settings = Settings();
        settings["BennBot__Content__SeedsPath"] = seeds.Dir;
        using var bot = new BotProcess(settings);
        Assert.Equal(ExitCodes.Failed, await bot.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains("has problems", bot.Output);
        Assert.Contains("en.json", bot.Output);
        Assert.DoesNotContain("Another BennBot", bot.Output);
        Assert.DoesNotContain("   at ", bot.Output);
    }
}
