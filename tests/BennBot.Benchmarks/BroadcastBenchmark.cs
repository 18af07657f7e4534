using System.Diagnostics;
using BennBot.FakeTelegram;

/// <summary>A broadcast to N subscribers by the bot as a real process, against the fake Bot API with 100 ms latency
/// per call that enforces Telegram's limits (30 messages/s in total, real 429s). Prints the achieved rate as a share
/// of the configured one, 429s received, wall time against the minimum (N ÷ rate), duplicates, the bot's peak
/// memory, and how long residents who write during the broadcast wait for their reply.</summary>
public static class BroadcastBenchmark
{
    public static async Task Run(string token, int recipients, int rate)
    {
        await using var api = await new FakeBotApi(token).Start();
        api.RecordCalls = false;
        api.SendLatency = TimeSpan.FromMilliseconds(100);
        api.Limits = new RateLimits(PerSecond: 30);
        var dir = Directory.CreateTempSubdirectory("bennbot-bench-").FullName;
        var dbPath = Path.Combine(dir, "b.db");
        var ids = Enumerable.Range(1, recipients).Select(i => 1_000_000L + i).ToList();
        var seeded = await QueuedAnnouncement.Seed(dbPath, ids);
        Console.WriteLine($"Broadcast: {recipients} subscribers stored in {seeded.TotalSeconds:0.0} s");

        using var bot = WorkerProcess.Start(api, dbPath, ("BennBot__Broadcast__MessagesPerSecond", rate.ToString()));

        await api.WaitFor(() => Delivered(api) > 0 ? api : null, TimeSpan.FromMinutes(1), "the first delivery");
        var watch = Stopwatch.StartNew();
        var finished = Task.Run(async () =>
        {
            while (Delivered(api) < recipients) await Task.Delay(100);
            return watch.Elapsed.TotalSeconds;
        });
        long peak = 0;
        var waits = new List<double>();
        var asker = 9_000_000L;
        var nextReport = TimeSpan.FromSeconds(30);
        while (!finished.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(recipients / (double)rate * 3 + 120))
        {
            // A resident writes while the broadcast runs: how long until their reply reaches Telegram?
            var who = ++asker;
            var asked = Stopwatch.StartNew();
            api.SendText(who, "/help", "ar");
            while (api.DeliveredTo(who) == 0 && asked.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(5);
            waits.Add(asked.Elapsed.TotalMilliseconds);
            peak = Math.Max(peak, bot.PeakBytes);
            if (watch.Elapsed > nextReport)
            {
                Console.WriteLine($"  … {Delivered(api)} of {recipients} after {watch.Elapsed.TotalSeconds:0} s");
                nextReport += TimeSpan.FromSeconds(30);
            }
            await Task.Delay(2000);
        }
        var delivered = Delivered(api);
        var wall = delivered == recipients ? await finished : watch.Elapsed.TotalSeconds;
        var duplicates = api.Deliveries.Where(kv => kv.Key >= 1_000_000 && kv.Key < 9_000_000).Sum(kv => kv.Value - 1);
        peak = Math.Max(peak, bot.PeakBytes);
        bot.Kill();
        Directory.Delete(dir, true);

        // The clock starts at the first delivery, so the first message is not in the measured interval.
        var achieved = (delivered - 1) / wall;
        waits.Sort();
        Console.WriteLine($"Broadcast, {recipients} recipients, configured {rate} msg/s, fake server: 100 ms per call, at most 30 msg/s enforced with real 429s");
        Console.WriteLine($"  delivered {delivered} of {recipients} in {wall:0.0} s (minimum {recipients / (double)rate:0.0} s): {achieved:0.00} msg/s = {achieved / rate:P1} of the configured rate");
        Console.WriteLine($"  429s answered by the server: {api.TooManyRequestsAnswered}; duplicates: {duplicates}; bot peak memory (VmHWM): {peak / 1024.0 / 1024:0} MB");
        Console.WriteLine($"  residents writing during the broadcast ({waits.Count}): reply after p50 {waits[waits.Count / 2]:0} ms, max {waits[^1]:0} ms (each call takes 100 ms at the server)");
    }

    private static int Delivered(FakeBotApi api) => api.ChatsDeliveredTo(1_000_000, 9_000_000);
}
