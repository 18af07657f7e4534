using System.Diagnostics;
using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BennBot.Tests.EndToEnd;

/// <summary>Issue 19, item 1: every confirmed /delete rewrote the whole database file on the single writer, so a few
/// accounts repeating /start → /delete → confirm stalled everyone (with 10,000 residents another resident's /help went
/// from 0.4 s to 37 s). Deletion must stay immediate and wipe the bytes soon, while the file is rewritten at most once
/// per interval (BennBot__Privacy__CompactMinutes, 10 by default).</summary>
public sealed class DeleteFloodTests(ITestOutputHelper output)
{
    private const long FirstAttacker = 5_551_234_567_001, Asker = 5_559_876_543_210;
    private const int Accounts = 3, Rounds = 3;
    private static string T(string key) => TestContent.Content.T(Languages.English, key);

    [Fact]
    public async Task Repeated_deletions_take_effect_at_once_but_rewrite_the_file_at_most_once_per_interval()
    {
        await using var bot = await BotUnderTest.Start();
        var api = bot.Api;
        var db = bot.Services.GetRequiredService<Database>();
        var rewrites = 0;
        using var watcher = new FileSystemWatcher(bot.DataDir, "bennbot.compacting.db") { EnableRaisingEvents = true };
        watcher.Created += (_, _) => Interlocked.Increment(ref rewrites);

        using var stop = new CancellationTokenSource();
        var asking = Ask(api, stop.Token);
        await Task.WhenAll(Enumerable.Range(0, Accounts).Select(i => Attack(api, db, FirstAttacker + i)));
        stop.Cancel();
        var waits = await asking;

        // The erased ids leave the files of the running bot (read as anyone with access to the disk could) soon: at the
        // checkpoint after the deletion, or for a goodbye still waiting to be sent then, at the housekeeping's (30 s).
        var ids = Enumerable.Range(0, Accounts).Select(i => FirstAttacker + i).ToList();
        var watch = Stopwatch.StartNew();
        await api.WaitFor(() => ids.All(id => !InFiles(bot.DataDir, id)) ? api : null, TimeSpan.FromSeconds(45), "the erased ids to leave the files");
        output.WriteLine($"{Accounts * Rounds} deletions; the file was rewritten {rewrites} time(s); the ids were gone from the files {watch.Elapsed.TotalSeconds:0.0} s after the last one; "
            + $"/help of another resident meanwhile: {waits.Count} answered, max {(waits.Count > 0 ? waits.Max() : 0):0.00} s");
        Assert.True(InFiles(bot.DataDir, Asker), "the search does not find ids that are there");
        Assert.InRange(rewrites, 0, 1);
        Assert.Single(bot.Logs.Lines, l => l.Contains("[4004]"));
    }

    /// <summary>/start, /delete, confirm, again, at a person's pace under the flood limit (8 updates in 10 s); after
    /// each confirmation the resident is gone from the database at once.</summary>
    private static async Task Attack(FakeBotApi api, Database db, long user)
    {
        for (var round = 1; round <= Rounds; round++)
        {
            api.SendText(user, "/start", "en");
            await api.WaitFor(() => db.Read(d => ResidentStore.Find(d, user)) is not null ? api : null, what: "the resident to be stored");
            await Task.Delay(1300);
            api.SendText(user, "/delete", "en");
            await Task.Delay(1300);
            api.PressButton(user, "p:y", "en");
            await api.WaitFor(() => api.MessagesTo(user).Count(m => m.Text?.Contains(T("privacy.deleted")) == true) >= round ? api : null,
                TimeSpan.FromSeconds(30), $"deletion {round} of {user}");
            Assert.Null(db.Read(d => ResidentStore.Find(d, user)));
            await Task.Delay(1300);
        }
    }

    /// <summary>Another resident asks /help every 1.5 s until stopped; returns how long each answer took.</summary>
    private static async Task<List<double>> Ask(FakeBotApi api, CancellationToken ct)
    {
        var waits = new List<double>();
        api.SendText(Asker, "/start", "en");
        await api.WaitFor(() => api.DeliveredTo(Asker) > 0 ? api : null, what: "the answer to /start");
        while (!ct.IsCancellationRequested)
        {
            var before = api.DeliveredTo(Asker);
            var watch = Stopwatch.StartNew();
            api.SendText(Asker, "/help", "en");
            await api.WaitFor(() => api.DeliveredTo(Asker) > before ? api : null, TimeSpan.FromSeconds(60), "the answer to /help");
            waits.Add(watch.Elapsed.TotalSeconds);
            try { await Task.Delay(1500, ct); } // under the flood limit of 8 updates in 10 s
            catch (OperationCanceledException) { }
        }
        return waits;
    }

    private static bool InFiles(string dir, long id)
    {
        var text = System.Text.Encoding.ASCII.GetBytes(id.ToString());
        var binary = BitConverter.GetBytes(id);
        foreach (var file in Directory.GetFiles(dir, "bennbot*.db"))
        {
            byte[] bytes;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
            catch (IOException) { continue; } // a compaction's copy, gone between listing and reading
            if (bytes.AsSpan().IndexOf(text) >= 0 || bytes.AsSpan().IndexOf(binary) >= 0) return true;
        }
        return false;
    }
}
