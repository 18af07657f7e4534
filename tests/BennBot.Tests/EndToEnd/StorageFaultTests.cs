using System.Diagnostics;
using BennBot.FakeTelegram;
using BennBot.Worker;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Telegram;
using Xunit.Abstractions;

namespace BennBot.Tests.EndToEnd;

/// <summary>The database on a disk that runs full or is read-only (a 16 MB tmpfs of the test's own): the bot says so
/// clearly, corrupts nothing, and recovers by itself once space is back.</summary>
public sealed class StorageFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _mount = Directory.CreateTempSubdirectory("bennbot-full-").FullName;
    private FakeBotApi _api = null!;

    public async Task InitializeAsync()
    {
        // Needs root (as on this project's machines and CI): a small file system of its own that can really run full.
        Assert.True(Run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", _mount) == 0, "mounting a 16 MB tmpfs failed; the test needs root");
        _api = await new FakeBotApi(BotUnderTest.Token).Start();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Run("umount", "-l", _mount);
        try { Directory.Delete(_mount, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task When_the_disk_is_full_the_bot_says_so_keeps_running_and_answers_everyone_once_space_is_back()
    {
        var dbPath = Path.Combine(_mount, "bennbot.db");
        var settings = Settings(dbPath);
        List<long> updates;
        var bot = new BotProcess(settings);
        try
        {
            _api.SendText(7101, "/start", "en");
            await _api.WaitFor(() => _api.DeliveredTo(7101) >= 1 ? _api : null, TimeSpan.FromSeconds(30), "the first answer");

            var filler = Fill(Path.Combine(_mount, "filler"));
            long[] residents = [7201, 7202, 7203, 7204, 7205];
            updates = residents.Select(r => _api.SendText(r, "/help", "en")).ToList();
            await _api.WaitFor(() => bot.Output.Contains("Could not save") ? _api : null, TimeSpan.FromSeconds(30), "the log saying the updates cannot be saved");
            await Task.Delay(TimeSpan.FromSeconds(10)); // the bot stays up, and answers nobody it could not record
            Assert.False(bot.HasExited, bot.Output);
            Assert.All(residents, r => Assert.Equal(0, _api.DeliveredTo(r)));

            File.Delete(filler);
            await _api.WaitFor(() => residents.All(r => _api.DeliveredTo(r) >= 1) ? _api : null, TimeSpan.FromSeconds(90), "every answer once space is back");
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.All(residents, r => Assert.Equal(1, _api.DeliveredTo(r)));
            Assert.Contains("No space left on device", bot.Output);
            Assert.DoesNotContain("Unhandled exception", bot.Output);
        }
        finally
        {
            output.WriteLine(bot.Output);
            bot.Dispose(); // killed, not stopped
        }

        // Killed above (no clean stop): the file opens, the first resident is there, every update written while the
        // disk was full was saved once and handled.
        using (var db = new Database(dbPath))
        {
            Assert.NotNull(db.Read(d => d.GetCollection<Resident>(Resident.Collection).FindById(7101)));
            Assert.All(updates, id => Assert.Equal(InboxStatus.Done, db.Read(d => Inbox.Find(d, id))?.Status));
        }
    }

    [Fact]
    public async Task A_database_on_a_read_only_disk_stops_the_start_with_one_clear_sentence()
    {
        Assert.Equal(0, Run("mount", "-o", "remount,ro", _mount));
        using var bot = new BotProcess(Settings(Path.Combine(_mount, "bennbot.db")));
        Assert.Equal(ExitCodes.StorageUnavailable, await bot.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Contains($"Cannot open the database {Path.Combine(_mount, "bennbot.db")}", bot.Output);
        Assert.DoesNotContain("   at ", bot.Output);
        Assert.Equal(0, _api.GetUpdatesCalls);
    }

    private Dictionary<string, string> Settings(string dbPath) => new()
    {
        ["BennBot__Telegram__Token"] = BotUnderTest.Token,
        ["BennBot__Telegram__ApiBaseUrl"] = _api.BaseUrl,
        ["BennBot__Storage__DatabasePath"] = dbPath,
        ["BennBot__DefaultLanguage"] = "en",
    };

    /// <summary>Writes zeros until the file system refuses; returns the file to delete to make room again.</summary>
    private static string Fill(string path)
    {
        using var file = new FileStream(path, FileMode.Create);
        var block = new byte[64 * 1024];
        try { while (true) file.Write(block); }
        catch (IOException) { }
        return path;
    }

    private static int Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        p.WaitForExit();
        return p.ExitCode;
    }
}
