using System.Collections.Concurrent;
using System.Diagnostics;
using BennBot.FakeTelegram;
using BennBot.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>The update path as residents use it: N residents, each writing its next message only after the bot
/// answered the previous one (a text, a button, a question, a button), through the fake Bot API with a latency on every
/// call. Prints updates per second and the time from an update becoming available to its reply reaching the server
/// (p50/p95/p99).</summary>
public static class UpdatePathBenchmark
{
    public static async Task Run(string token, int residents, int rate, TimeSpan latency, int workers)
    {
        await using var api = await new FakeBotApi(token).Start();
        api.SendLatency = latency;
        api.RecordCalls = false; // counters only: the harness must not be the bottleneck
        var dir = Directory.CreateTempSubdirectory("bennbot-bench-").FullName;
        string[] settings = [$"--BennBot:Telegram:Token={token}", $"--BennBot:Telegram:ApiBaseUrl={api.BaseUrl}", $"--BennBot:Storage:DatabasePath={Path.Combine(dir, "b.db")}",
            $"--BennBot:Broadcast:MessagesPerSecond={rate}", $"--BennBot:Telegram:Workers={workers}"];
        using var host = BotHost.Build(App.Load(settings), settings, l => l.SetMinimumLevel(LogLevel.Warning));
        await host.StartAsync();
        await api.WaitFor(() => api.GetUpdatesCalls > 0 ? api : null);

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
        var sorted = waits.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * q))];
        Console.WriteLine($"Update path, {residents} residents × {script.Length} updates (each waits for the previous reply), {latency.TotalMilliseconds:0} ms per Bot API call, send gate {rate} msg/s, {workers} workers:");
        Console.WriteLine($"  {total} updates in {seconds:0.0} s = {total / seconds:0.0} updates/s; update available → reply at the server: p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, p99 {P(0.99):0} ms");
        await host.StopAsync();
        Directory.Delete(dir, true);
    }
}
