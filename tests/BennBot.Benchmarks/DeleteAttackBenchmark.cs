using System.Diagnostics;
using BennBot.FakeTelegram;

/// <summary>The /delete attack of issue 19 (item 1): N stored residents, ten accounts each looping /start → /delete →
/// confirm just under the flood limit (one update every 1.3 s = 7.7 per 10 s; the limit is 8), and a /help every second
/// from two other residents taking turns (each every 2 s, under the flood limit). The bot runs as a real process against the fake Bot API (no latency, no limits). Prints
/// how long the /help resident waited for each answer (p50, p95, max, and p50 per minute, which shows a growing queue),
/// how many deletions were confirmed, and how many times the database file was rewritten (a compaction writes
/// "b.compacting.db" beside the database; a watcher counts those files).</summary>
public static class DeleteAttackBenchmark
{
    private const long Attacker = 7_000_001;
    private const long Asker = 8_000_001;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1300);

    public static async Task Run(string token, int residents, TimeSpan duration, int attackers = 10)
    {
        await using var api = await new FakeBotApi(token).Start();
        api.RecordCalls = false;
        var dir = Directory.CreateTempSubdirectory("bennbot-bench-").FullName;
        var dbPath = Path.Combine(dir, "b.db");
        var stored = await StoredResidents.Seed(dbPath, residents);
        Console.WriteLine($"/delete attack: {stored.Describe()}; file {new FileInfo(dbPath).Length / 1024.0 / 1024:0.00} MB");

        var compactions = 0;
        using var watcher = new FileSystemWatcher(dir, "b.compacting.db") { EnableRaisingEvents = true };
        watcher.Created += (_, _) => Interlocked.Increment(ref compactions);

        using var bot = WorkerProcess.Start(api, dbPath);
        await api.WaitFor(() => { bot.EnsureRunning(); return api.FirstGetUpdates is not null ? api : null; }, TimeSpan.FromMinutes(2), "the first getUpdates");
        // Let the first housekeeping pass (backup, checkpoint) finish before the attack starts.
        api.SendText(Asker, "/start", "en");
        api.SendText(Asker + 1, "/start", "en");
        await api.WaitFor(() => api.DeliveredTo(Asker) > 0 && api.DeliveredTo(Asker + 1) > 0 ? api : null, TimeSpan.FromMinutes(2), "the first answers");
        await Task.Delay(TimeSpan.FromSeconds(5));
        var compactionsBefore = Volatile.Read(ref compactions);

        using var stop = new CancellationTokenSource(duration);
        var watch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, attackers).Select(i => Attack(api, Attacker + i, TimeSpan.FromMilliseconds(130 * i), stop.Token)).ToList();

        // A /help every second, from two residents taking turns: one resident asking every second would pass the flood
        // limit (8 updates in 10 s) and have some of its questions dropped. Each chat's answers come in order, so the
        // n-th answer to a chat belongs to its n-th /help.
        var asked = new List<TimeSpan>[] { [], [] };
        var waits = new List<(TimeSpan At, double Seconds)>();
        var seen = new int[2];
        var answered = new[] { api.DeliveredTo(Asker), api.DeliveredTo(Asker + 1) };
        var next = TimeSpan.Zero;
        var turn = 0;
        while (!stop.IsCancellationRequested || (waits.Count < asked.Sum(a => a.Count) && watch.Elapsed < duration * 2 + TimeSpan.FromMinutes(2)))
        {
            if (!stop.IsCancellationRequested && watch.Elapsed >= next)
            {
                api.SendText(Asker + turn, "/help", "en");
                asked[turn].Add(watch.Elapsed);
                turn = 1 - turn;
                next += TimeSpan.FromSeconds(1);
            }
            for (var a = 0; a < 2; a++)
                for (var now = api.DeliveredTo(Asker + a); answered[a] < now; answered[a]++)
                    if (seen[a] < asked[a].Count) { waits.Add((asked[a][seen[a]], (watch.Elapsed - asked[a][seen[a]]).TotalSeconds)); seen[a]++; }
            bot.EnsureRunning();
            await Task.Delay(10);
        }
        var deletions = (await Task.WhenAll(loops)).Sum();
        var rewrites = Volatile.Read(ref compactions) - compactionsBefore;
        var confirmed = Enumerable.Range(0, attackers).Sum(i => api.DeliveredTo(Attacker + i));
        await bot.Stop(TimeSpan.FromMinutes(2));
        Directory.Delete(dir, true);

        var sorted = waits.Select(w => w.Seconds).Order().ToList();
        Console.WriteLine($"  {attackers} accounts looping /start → /delete → confirm, one update every {Step.TotalSeconds:0.0} s each, for {duration.TotalSeconds:0} s: "
            + $"{deletions} deletions confirmed by the accounts, {confirmed} messages sent to them; the database file was rewritten {rewrites} times");
        Console.WriteLine($"  a /help every second from two other residents taking turns: {asked.Sum(a => a.Count)} asked, {waits.Count} answered; wait p50 {Pct(sorted, 0.50):0.00} s, "
            + $"p95 {Pct(sorted, 0.95):0.00} s, max {(sorted.Count > 0 ? sorted[^1] : double.NaN):0.00} s");
        var perMinute = waits.GroupBy(w => (int)w.At.TotalMinutes).Select(g => $"minute {g.Key + 1}: p50 {Pct(g.Select(w => w.Seconds).Order().ToList(), 0.5):0.00} s");
        Console.WriteLine($"  by the minute the /help was asked in: {string.Join(", ", perMinute)}");
    }

    /// <summary>One account: /start, /delete, confirm, again and again, not waiting for answers (an attacker would not).
    /// Returns how many confirmations it sent.</summary>
    private static async Task<int> Attack(FakeBotApi api, long user, TimeSpan offset, CancellationToken ct)
    {
        var confirmed = 0;
        try
        {
            await Task.Delay(offset, ct);
            while (!ct.IsCancellationRequested)
            {
                api.SendText(user, "/start", "en");
                await Task.Delay(Step, ct);
                api.SendText(user, "/delete", "en");
                await Task.Delay(Step, ct);
                api.PressButton(user, "p:y", "en");
                confirmed++;
                await Task.Delay(Step, ct);
            }
        }
        catch (OperationCanceledException) { }
        return confirmed;
    }

    private static double Pct(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
}
