using System.Collections.Concurrent;
using System.Diagnostics;
using BennBot.FakeTelegram;
using BennBot.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>The update path as residents use it: N residents, each writing its next message only after the bot
/// answered the previous one (a text, a button, a question, a button), through the fake Bot API with a latency on every
/// call. Prints updates per second and the time from an update becoming available to its reply reaching the server
/// (p50/p95/p99). With <c>broadcastRecipients</c> &gt; 0 the database already holds that many subscribers and a queued
/// announcement when the bot starts, Telegram's limit (30 messages/s, real 429s) is enforced, and the residents start
/// after the first broadcast delivery: it also prints how many broadcast messages went out while they chatted.</summary>
public static class UpdatePathBenchmark
{
    public static async Task Run(string token, int residents, int rate, TimeSpan latency, int workers, int broadcastRecipients = 0)
    {
        await using var api = await new FakeBotApi(token).Start();
        api.SendLatency = latency;
        api.RecordCalls = false; // counters only: the harness must not be the bottleneck
        var dir = Directory.CreateTempSubdirectory("bennbot-bench-").FullName;
        var dbPath = Path.Combine(dir, "b.db");
        if (broadcastRecipients > 0)
        {
            api.Limits = new RateLimits(PerSecond: 30);
            // Recipients 1,000,001…; the residents below are 200,001…, so the two never share a chat.
            await QueuedAnnouncement.Seed(dbPath, Enumerable.Range(1, broadcastRecipients).Select(i => BroadcastChats + i).ToList());
        }
        string[] settings = [$"--BennBot:Telegram:Token={token}", $"--BennBot:Telegram:ApiBaseUrl={api.BaseUrl}", $"--BennBot:Storage:DatabasePath={dbPath}",
            $"--BennBot:Broadcast:MessagesPerSecond={rate}", $"--BennBot:Telegram:Workers={workers}"];
        using var host = BotHost.Build(App.Load(settings), settings, l => l.SetMinimumLevel(LogLevel.Warning));
        await host.StartAsync();
        await api.WaitFor(() => api.GetUpdatesCalls > 0 ? api : null);
        if (broadcastRecipients > 0) await api.WaitFor(() => BroadcastDelivered(api) > 0 ? api : null, TimeSpan.FromMinutes(1), "the first broadcast delivery");
        var broadcastBefore = BroadcastDelivered(api);

        string[] script = ["/start", "l:en", "can I sign a petition?", "t"];
        var waits = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, residents).Select(async r =>
        {
            long chat = 200_000 + r;
            for (var step = 0; step < script.Length; step++)
            {
                var before = api.DeliveredTo(chat);
                var sent = Stopwatch.GetTimestamp();
                if (script[step].StartsWith('/') || script[step].Contains(' ')) api.SendText(chat, script[step], "en");
                else api.PressButton(chat, script[step], "en");
                while (api.DeliveredTo(chat) <= before) await Task.Delay(2);
                waits.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }));
        var total = residents * script.Length;
        var seconds = watch.Elapsed.TotalSeconds;
        var broadcastAfter = BroadcastDelivered(api);
        var sorted = waits.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * q))];
        Console.WriteLine($"Update path, {residents} residents × {script.Length} updates (each waits for the previous reply), {latency.TotalMilliseconds:0} ms per Bot API call, send gate {rate} msg/s, {workers} workers:");
        Console.WriteLine($"  {total} updates in {seconds:0.0} s = {total / seconds:0.0} updates/s; update available → reply at the server: p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, p99 {P(0.99):0} ms");
        if (broadcastRecipients > 0)
        {
            Console.WriteLine($"  meanwhile a broadcast to {broadcastRecipients} subscribers (queued before the start; the residents began after its first delivery; the server enforces 30 msg/s):");
            Console.WriteLine($"  {broadcastAfter - broadcastBefore} recipients reached during those {seconds:0.0} s ({broadcastAfter} of {broadcastRecipients} by their end); 429s answered by the server: {api.TooManyRequestsAnswered}");
        }
        await host.StopAsync();
        Directory.Delete(dir, true);
    }

    private const long BroadcastChats = 1_000_000;

    private static int BroadcastDelivered(FakeBotApi api) => api.ChatsDeliveredTo(BroadcastChats, 2 * BroadcastChats);
}
