using System.Diagnostics;
using System.Text.RegularExpressions;
using BennBot.FakeTelegram;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;
using Xunit.Abstractions;

namespace BennBot.Tests.EndToEnd;

/// <summary>The bot process is killed (SIGKILL) three times during the retention run it starts with — twice while
/// it erases, once while it rewrites the file — and then left to finish. Exactly the inactive residents and the
/// expired topic links are gone, every topic's content and every active resident is still there, the file opens,
/// no half-written copy is left beside it, and the bot answers.</summary>
/// <remarks>How the kills are timed: the retention run starts with the process (the housekeeping's first pass) and
/// runs on the thread "litedb-writer", which does nothing else at start; the first two kills come once that thread
/// has used 0.8 s and 2 s of CPU (of about 5 s) (read from /proc, so a busy machine does not move them); inactive
/// residents are erased 50 per transaction, so a copy of the files taken after each kill shows some of them erased. The third comes while the compaction's copy
/// (bennbot.compacting.db) is being written, and the copy must still be there after the kill.</remarks>
public sealed class RetentionCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Inactive = 1_200, Active = 50_000, Topics = 1_000;
    private static readonly double[] KillAtWriterSeconds = [0.8, 2.0]; // of about 5 s the erasing takes here
    private readonly string _dataDir = Directory.CreateTempSubdirectory("bennbot-retention-").FullName;
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await new FakeBotApi(BotUnderTest.Token).Start();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    private string DbPath => Path.Combine(_dataDir, "bennbot.db");
    private string Copy => Path.Combine(_dataDir, "bennbot.compacting.db");
    private string[] Leftovers() => Directory.GetFiles(_dataDir).Select(Path.GetFileName).Where(f => f!.Contains("compact", StringComparison.Ordinal)).ToArray()!;

    private Dictionary<string, string> Settings() => new()
    {
        ["BennBot__Telegram__Token"] = BotUnderTest.Token,
        ["BennBot__Telegram__ApiBaseUrl"] = _api.BaseUrl,
        ["BennBot__Storage__DatabasePath"] = DbPath,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__BennBot.Worker.Hosting.Housekeeping"] = "Information", // 4003 Retention, 4002 Backup
        ["Logging__LogLevel__BennBot.Worker.Privacy.ErasureService"] = "Information", // 4004 file rewritten
    };

    [Fact]
    public async Task Killed_three_times_during_the_retention_run_exactly_the_inactive_residents_and_expired_links_are_gone_and_the_bot_answers()
    {
        var seeds = new RetentionSeeds(Inactive, Active, Topics, DateTime.UtcNow);
        var watch = Stopwatch.StartNew();
        using (var db = new Database(DbPath)) await seeds.Write(db);
        output.WriteLine($"seeded {seeds.Residents.Count:N0} residents ({seeds.Erased.Count:N0} inactive), {Topics:N0} topics ({seeds.LinkExpired.Count} closed long ago) "
            + $"in {watch.Elapsed.TotalSeconds:0.0} s; file {new FileInfo(DbPath).Length:N0} B");

        foreach (var (kill, cpu) in KillAtWriterSeconds.Select((s, i) => (i + 1, s)))
        {
            using var bot = new BotProcess(Settings());
            watch.Restart();
            await WaitUntil(() => WriterSeconds(bot) >= cpu, bot, $"the writer to use {cpu} s of CPU");
            var used = WriterSeconds(bot);
            var copying = File.Exists(Copy);
            bot.Kill();
            output.WriteLine($"kill {kill}: {watch.Elapsed.TotalSeconds:0.0} s after the start, the writer had used {used:0.00} s of CPU");
            Assert.False(copying || bot.Output.Contains("[4003]"), $"kill {kill} came after the erasing: the retention run is too short to test anything");
            // Inactive residents are erased 50 per transaction: the kill keeps what was committed and loses the batch it cut.
            var committed = CommittedResidents();
            output.WriteLine($"  residents in the file after kill {kill}: {committed:N0}");
            Assert.InRange(committed, seeds.Residents.Count - seeds.Erased.Count, seeds.Residents.Count);
        }

        using (var bot = new BotProcess(Settings()))
        {
            watch.Restart();
            await WaitUntil(() => File.Exists(Copy), bot, "the compaction's copy");
            var writer = WriterSeconds(bot);
            output.WriteLine($"kill 3: retention run erased for {watch.Elapsed.TotalSeconds:0.0} s after the start ({writer:0.00} s CPU on the writer); compaction under way");
            await Task.Delay(100);
            bot.Kill();
            Assert.True(File.Exists(Copy), "kill 3 came after the compaction: nothing was tested");
            // The retention run reports (4003) before the erasure service rewrites the file (issue 19); the rewrite had not ended (4004).
            Assert.DoesNotContain("[4004]", bot.Output);
        }
        output.WriteLine($"beside the database after kill 3: {string.Join(", ", Leftovers())}");

        var active = RetentionSeeds.FirstResident + 3;
        var rewritten = false;
        // The last start's first pass ends with the daily backup (4002), the one sign that it ended. A start before it may
        // have taken today's backup already (the third one, when its pass outran the compaction that kill 3 cut): then no
        // backup is due and the wait below never ends (twice in CI, 60 s and 180 s, with only 4004 logged).
        var backups = Backups.DefaultDirectory(DbPath);
        output.WriteLine($"backups taken by the starts before the last: {Backups.List(backups).Count}");
        if (Directory.Exists(backups)) Directory.Delete(backups, recursive: true);
        using (var bot = new BotProcess(Settings()))
        {
            watch.Restart();
            // The compaction done again runs off the housekeeping (issue 19), so it may end after the first pass; it ends
            // rewritten (4004) or, on a machine too slow for its copy budget, given up until the next interval (4005).
            await WaitUntil(() => bot.Output.Contains("[4002]") && (bot.Output.Contains("[4004]") || bot.Output.Contains("[4005]")), bot,
                "the first pass to finish (the daily backup) and the file's rewrite to end");
            rewritten = bot.Output.Contains("[4004]");
            output.WriteLine($"last start: first pass and rewrite done {watch.Elapsed.TotalSeconds:0.0} s after the start; "
                + (rewritten ? "the file was rewritten (4004)" : "the rewrite gave up within its budget (4005)"));
            Assert.Empty(Leftovers());
            _api.SendText(active, "/help", "en");
            await _api.Received(active, T("help").Split('\n')[0], TimeSpan.FromSeconds(30));
        }

        // The compaction cut short was done again at the last start, and the erased ids are gone from the bytes.
        var files = Directory.GetFiles(_dataDir, "bennbot*.db").Select(File.ReadAllBytes).ToList();
        bool InFiles(long id) => files.Any(f => f.AsSpan().IndexOf(BitConverter.GetBytes(id)) >= 0);
        Assert.DoesNotContain(seeds.Erased, InFiles);
        Assert.All(seeds.Residents.Take(100).Where(r => !seeds.Erased.Contains(r.Id)), r => Assert.True(InFiles(r.Id))); // the search finds ids that are there

        using var reopened = new Database(DbPath);
        Assert.Empty(Leftovers());
        var residents = reopened.Read(d => d.GetCollection<Resident>(Resident.Collection).FindAll().OrderBy(r => r.Id).ToList());
        var kept = seeds.Residents.Where(r => !seeds.Erased.Contains(r.Id)).Select(r => r.Id == active ? r with { LastSeen = DateTime.UtcNow.Date } : r); // wrote just now
        Assert.True(kept.SequenceEqual(residents), "exactly the inactive residents are gone, the others as they were");
        var topics = reopened.Read(d => TopicStore.Topics(d).FindAll().OrderBy(t => t.Id).Select(RetentionSeeds.Show).ToList());
        Assert.Equal(seeds.Topics.Select(seeds.Expected).Select(RetentionSeeds.Show), topics);
        var supports = reopened.Read(d => TopicStore.Supports(d).FindAll().Select(s => s.Id).Order().ToList());
        Assert.Equal(seeds.ExpectedSupports.Select(s => s.Id).Order(), supports);
        var size = new FileInfo(DbPath).Length;
        watch.Restart();
        await reopened.Compact(); // a file compacted already hardly shrinks
        var compacted = new FileInfo(DbPath).Length;
        output.WriteLine($"after the last start: {residents.Count:N0} residents, {topics.Count:N0} topics, {supports.Count} supports; "
            + $"file {size:N0} B, {compacted:N0} B after another compaction of {watch.Elapsed.TotalSeconds:0.0} s");
        if (rewritten) Assert.True(size <= compacted * 1.01, $"the last start did not compact again: {size:N0} B, {compacted:N0} B compacted");
    }

    private static string T(string key) => TestContent.Content.T(BennBot.Content.Languages.Find("en")!, key);

    /// <summary>Residents in a copy of the files as the kill left them (the copy is opened, recovered, thrown away).</summary>
    private int CommittedResidents()
    {
        var dir = Directory.CreateTempSubdirectory("bennbot-retention-copy-").FullName;
        try
        {
            foreach (var f in Directory.GetFiles(_dataDir, "bennbot*.db")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            using var db = new Database(Path.Combine(dir, "bennbot.db"));
            return db.Read(d => d.GetCollection<Resident>(Resident.Collection).Count());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Polls every millisecond or so (a kill must land inside a window of about a second); fails at once if the bot exits.</summary>
    private static async Task WaitUntil(Func<bool> done, BotProcess bot, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (done()) return;
            Assert.False(bot.HasExited, $"the bot exited while waiting for {what}: {bot.Output}");
            await Task.Delay(1);
        }
        throw new TimeoutException($"Timed out waiting for {what}; the bot logged: {string.Join(" ", Regex.Matches(bot.Output, @"\[\d{4}\]").Select(m => m.Value).Distinct())}");
    }

    /// <summary>CPU seconds the bot's LiteDB writer thread has used (Linux: /proc/{pid}/task/*/stat, utime + stime in ticks of 1/100 s).</summary>
    private static double? WriterSeconds(BotProcess bot)
    {
        try
        {
            foreach (var task in Directory.GetDirectories($"/proc/{bot.Id}/task"))
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                if (!stat.Contains("(litedb-writer)", StringComparison.Ordinal)) continue;
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
            }
        }
        catch (IOException) { } // the thread or process just went away
        return null;
    }
}
