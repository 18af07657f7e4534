using BennBot.FakeTelegram;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;
using Xunit.Abstractions;

namespace BennBot.Tests.EndToEnd;

/// <summary>The bot process is killed (SIGKILL, not stopped) several times during a broadcast to a few thousand
/// residents; after each restart it resumes by itself. Every resident gets the announcement, nobody three times,
/// and the second copies are at most the sends in flight at each kill. (A send in flight at two kills is not sent a
/// third time; only if neither of the two reached Telegram does that resident miss it.)</summary>
public sealed class BroadcastCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 3000, Kills = 3;
    private readonly string _dataDir = Directory.CreateTempSubdirectory("bennbot-crash-").FullName;
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await new FakeBotApi(BotUnderTest.Token).Start();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Killed_three_times_during_a_broadcast_every_recipient_gets_it_and_nobody_three_times()
    {
        var dbPath = Path.Combine(_dataDir, "bennbot.db");
        var residents = Enumerable.Range(1, Recipients).Select(i => 100_000L + i).ToList();
        using (var db = new Database(dbPath))
        {
            var e = await EventSeeds.Subscribers(db, residents, EventSeeds.Cafe(DateTime.UtcNow.AddDays(2)));
            await EventSeeds.Announce(db, e, -100500);
        }
        _api.RecordCalls = false;
        _api.SendLatency = TimeSpan.FromMilliseconds(20);
        var settings = new Dictionary<string, string>
        {
            ["BennBot__Telegram__Token"] = BotUnderTest.Token,
            ["BennBot__Telegram__ApiBaseUrl"] = _api.BaseUrl,
            ["BennBot__Storage__DatabasePath"] = dbPath,
            ["BennBot__Broadcast__MessagesPerSecond"] = "300",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        for (var kill = 1; kill <= Kills; kill++)
        {
            var target = kill * Recipients / (Kills + 1);
            using var bot = new BotProcess(settings);
            await _api.WaitFor(() => Delivered() >= target ? _api : null, TimeSpan.FromSeconds(90), $"{target} deliveries before kill {kill}");
            bot.Kill();
            output.WriteLine($"kill {kill} after {Delivered()} residents had it");
            Print(bot, $"start {kill}");
        }
        Assert.True(Delivered() < Recipients, "the broadcast finished before the last kill: nothing was tested");

        using (var last = new BotProcess(settings))
        {
            await Settled();
            await Task.Delay(2000); // a resend would show up now
            Print(last, "last start");
        }
        var copies = residents.Select(_api.DeliveredTo).ToList();
        var twice = copies.Count(c => c == 2);
        output.WriteLine($"{Recipients} recipients, {Kills} kills: {copies.Count(c => c == 1)} got it once, {twice} twice, {copies.Count(c => c > 2)} three times or more");
        output.WriteLine("more than once (recipient number: copies): " + string.Join(", ", residents.Select((r, i) => (n: i + 1, c: copies[i])).Where(x => x.c > 1).Select(x => $"{x.n}: {x.c}")));
        using var reopened = new Database(dbPath);
        var b = reopened.Read(d => BroadcastStore.Broadcasts(d).FindAll().Single());
        Assert.Equal(BroadcastStatus.Done, b.Status);
        Assert.Equal(Recipients, reopened.Read(d => BroadcastStore.Count(d, b.Id, DeliveryStatus.Sent)));
        // The one way to get none: both sends cut off by a kill before they reached the fake, and not sent a third time.
        var cutTwice = reopened.Read(d => BroadcastStore.Deliveries(d).FindAll().Where(x => x.CutOff == 2).Select(x => x.ChatId).ToHashSet());
        output.WriteLine($"cut off by two kills: {cutTwice.Count}");
        Assert.All(residents.Zip(copies), x => Assert.InRange(x.Second, cutTwice.Contains(x.First) ? 0 : 1, 2));
        Assert.InRange(twice, 0, Kills * Broadcaster.Concurrency);
    }

    /// <summary>Until every resident has it, or nothing more arrives for 20 s (then the database says why).</summary>
    private async Task Settled()
    {
        var (seen, since) = (-1, DateTime.UtcNow);
        while (Delivered() < Recipients && DateTime.UtcNow - since < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(250);
            if (Delivered() != seen) (seen, since) = (Delivered(), DateTime.UtcNow);
        }
    }

    /// <summary>What a start logged (warnings and errors only, see the settings), shown when the test fails.</summary>
    private void Print(BotProcess bot, string which)
    {
        var lines = bot.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        output.WriteLine($"{which}: {lines.Length} log lines");
        foreach (var line in lines.TakeLast(30)) output.WriteLine("  " + line.TrimEnd());
    }

    private int Delivered() => _api.Deliveries.Count(kv => kv.Key > 0);
}
