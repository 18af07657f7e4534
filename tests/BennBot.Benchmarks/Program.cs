using System.Diagnostics;
using BennBot.FakeTelegram;
using BennBot.Worker.Hosting;
using BennBot.Worker.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Figures for the README: answering latency over the test question set, cold start to first getUpdates (a real
// process), and the update path with
// 200 simulated residents through the fake Bot API over loopback HTTP (in process).
// Run: dotnet run -c Release --project tests/BennBot.Benchmarks [-- residents messagesEach]
// The broadcast benchmark (minutes: recipients ÷ rate): dotnet run -c Release --project tests/BennBot.Benchmarks -- broadcast [recipients] [rate]
// Residents in a closed loop with Bot API latency, optionally while a broadcast to N subscribers runs:
//   dotnet run -c Release --project tests/BennBot.Benchmarks -- updates [residents] [rate] [latency ms] [workers] [broadcast recipients]
// Memory, cold start and file size of the bot as a process, empty and with N stored residents:
//   dotnet run -c Release --project tests/BennBot.Benchmarks -- footprint [residents] [idle seconds]
// Answering in process (with no learned examples, then with N, default 5,000: issue 16) and the cold start alone:
//   dotnet run -c Release --project tests/BennBot.Benchmarks -- answering [learned examples]
// The cold start alone (set BENNBOT_BENCH_WORKER=…/BennBot.Worker.dll to start another build):
//   dotnet run -c Release --project tests/BennBot.Benchmarks -- coldstart
// The /delete attack of issue 19: N stored residents, ten accounts looping /start → /delete → confirm, a resident asking /help every second:
//   dotnet run -c Release --project tests/BennBot.Benchmarks -- delete-attack [residents] [seconds]
// The .ics case of issue 19: one event with N EXDATE values (59,000 = 1 MB), read in process and sent by staff to the bot:
//   dotnet run -c Release --project tests/BennBot.Benchmarks -- ics-attack [exdates] [seconds to watch]
// What an idle bot's memory is made of (set DOTNET_ runtime settings in the environment to price each):
//   dotnet run -c Release --project tests/BennBot.Benchmarks -- idle [residents] [idle seconds]
// Memory over a long run with light traffic (issue 17), sampled every few minutes, slopes per hour at the end:
//   dotnet run -c Release --project tests/BennBot.Benchmarks -- soak [minutes] [residents]
// Every figure of the README in one run (about 90 minutes, most of it the 100,000-recipient broadcast):
//   dotnet run -c Release --project tests/BennBot.Benchmarks -- all     (add --quick for every mode at small sizes, in minutes)
const string token = "123456:BENCH-TOKEN";
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
if (args.FirstOrDefault() == "all")
{
    var quick = args.Length > 1 && args[1] == "--quick"; // a smoke run of every mode at small sizes (minutes)
    await Defaults(200, 5);
    await UpdatePathBenchmark.Run(token, quick ? 100 : 1000, 25, TimeSpan.FromMilliseconds(75), 8, 0);
    await UpdatePathBenchmark.Run(token, quick ? 100 : 1000, 25, TimeSpan.FromMilliseconds(75), 8, quick ? 1000 : 10_000);
    await FootprintBenchmark.Run(token, quick ? 20_000 : 100_000, TimeSpan.FromSeconds(20));
    await BroadcastBenchmark.Run(token, quick ? 1000 : 10_000, 25);
    await DeleteAttackBenchmark.Run(token, quick ? 2000 : 10_000, TimeSpan.FromSeconds(quick ? 30 : 180));
    await CalendarAttackBenchmark.Run(token, quick ? 5_000 : 59_000, TimeSpan.FromSeconds(quick ? 60 : 300));
    if (!quick) await BroadcastBenchmark.Run(token, 100_000, 25);
    return;
}
if (args.FirstOrDefault() == "updates")
{
    var latency = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3]) : 75);
    await UpdatePathBenchmark.Run(token, args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? int.Parse(args[2]) : 25, latency, args.Length > 4 ? int.Parse(args[4]) : 8,
        args.Length > 5 ? int.Parse(args[5]) : 0);
    return;
}
if (args.FirstOrDefault() == "delete-attack")
{
    await DeleteAttackBenchmark.Run(token, args.Length > 1 ? int.Parse(args[1]) : 10_000, TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2]) : 180));
    return;
}
if (args.FirstOrDefault() == "ics-attack")
{
    await CalendarAttackBenchmark.Run(token, args.Length > 1 ? int.Parse(args[1]) : 59_000, TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2]) : 300));
    return;
}
if (args.FirstOrDefault() == "footprint")
{
    await FootprintBenchmark.Run(token, args.Length > 1 ? int.Parse(args[1]) : 100_000, TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2]) : 20));
    return;
}
if (args.FirstOrDefault() == "answering")
{
    Answering();
    Answering(args.Length > 1 ? int.Parse(args[1]) : 5000); // issue 16: with examples the team confirmed
    await ColdStart();
    return;
}
if (args.FirstOrDefault() == "coldstart")
{
    await ColdStart();
    return;
}
if (args.FirstOrDefault() == "idle")
{
    await IdleBreakdown.Run(token, args.Length > 1 ? int.Parse(args[1]) : 0, TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2]) : 120));
    return;
}
if (args.FirstOrDefault() == "soak")
{
    await SoakBenchmark.Run(token, args.Length > 1 ? int.Parse(args[1]) : 60, args.Length > 2 ? int.Parse(args[2]) : 1000);
    return;
}
if (args.FirstOrDefault() == "broadcast")
{
    await BroadcastBenchmark.Run(token, args.Length > 1 ? int.Parse(args[1]) : 10_000, args.Length > 2 ? int.Parse(args[2]) : 25);
    return;
}
await Defaults(args.Length > 0 ? int.Parse(args[0]) : 200, args.Length > 1 ? int.Parse(args[1]) : 5);

async Task Defaults(int residents, int each)
{
    Answering();
    await ColdStart();
    await UpdatePath(25, residents, each);
    await UpdatePath(1000, residents, each);
}

// `ask` in process, after warm-up, over the whole question set of tests/BennBot.Tests/QuestionSet; with `learned` examples
// confirmed by the team first (issue 16), learned one by one as the bot does, each timed.
void Answering(int learned = 0)
{
    var app = App.Load([]);
    if (learned > 0) LearnedExamples.Learn(app.Index, app.Content, learned);
    var dir = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(dir, "BennBot.sln"))) dir = Path.GetDirectoryName(dir)!;
    var questions = new[] { "QuestionSet", "DevQuestions", "DevPhone" }.Where(f => Directory.Exists(Path.Combine(dir, "tests", "BennBot.Tests", f)))
        .SelectMany(f => Directory.GetFiles(Path.Combine(dir, "tests", "BennBot.Tests", f), "*.json"))
        .SelectMany(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray().Select(e => e.GetProperty("q").GetString()!))
        .ToList();
    foreach (var q in questions) app.Index.Ask(q); // warm-up
    var times = new List<double>();
    var total = Stopwatch.StartNew();
    for (var round = 0; round < 5; round++)
        foreach (var q in questions)
        {
            var t = Stopwatch.GetTimestamp();
            app.Index.Ask(q);
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
    total.Stop();
    times.Sort();
    Console.WriteLine($"Answering{(learned > 0 ? $" with {learned:N0} learned examples" : "")}: {questions.Count} questions × 5 rounds in process: p50 {times[times.Count / 2]:0.00} ms, p99 {times[(int)(times.Count * 0.99)]:0.00} ms, {times.Count / total.Elapsed.TotalSeconds:0} questions/s");
}

// The answer model is kept between starts (BennBot__Content__ModelCache): the first start trains and writes it (as
// after a change to the seeds), the five measured starts load it (as every other restart).
async Task ColdStart()
{
    var samples = new List<(double Poll, double Answer)>();
    var cache = Directory.CreateTempSubdirectory("bennbot-bench-model-").FullName;
    for (var run = -1; run < 5; run++)
    {
        await using var api = await new FakeBotApi(token).Start();
        var dir = Directory.CreateTempSubdirectory("bennbot-bench-").FullName;
        var info = WorkerProcess.StartInfo();
        info.Environment["BennBot__Telegram__Token"] = token;
        info.Environment["BennBot__Telegram__ApiBaseUrl"] = api.BaseUrl;
        info.Environment["BennBot__Storage__DatabasePath"] = Path.Combine(dir, "b.db");
        info.Environment["BennBot__Content__ModelCache"] = cache;
        // A resident's question already waits, as after a restart: the second figure is when its answer is sent.
        api.SendText(4242, "Wo kann ich mich ehrenamtlich engagieren?", "de");
        var started = DateTimeOffset.UtcNow;
        using var p = Process.Start(info)!;
        await api.WaitFor(() => api.FirstGetUpdates is not null ? api : null, TimeSpan.FromSeconds(60));
        var answer = await api.WaitFor(() => api.CallsOf("sendMessage").FirstOrDefault(), TimeSpan.FromSeconds(60));
        var ms = (api.FirstGetUpdates!.Value - started).TotalMilliseconds;
        var answered = (answer.At - started).TotalMilliseconds;
        if (run < 0) Console.WriteLine($"First start, training the answer model (as after a change to the seeds): {ms:0} ms to the first getUpdates, {answered:0} ms to the first answer");
        else samples.Add((ms, answered));
        if (run == 0) Console.WriteLine($"  (the answer begins: {answer.Body["text"]?.ToString()[..40]}…)");
        p.Kill(true);
        await p.WaitForExitAsync();
        Directory.Delete(dir, true);
    }
    Directory.Delete(cache, true);
    var polls = samples.Select(s => s.Poll).Order().ToList();
    var answers = samples.Select(s => s.Answer).Order().ToList();
    Console.WriteLine($"Cold start (process start → first getUpdates), 5 runs: median {polls[2]:0} ms, min {polls[0]:0} ms, max {polls[4]:0} ms");
    Console.WriteLine($"Cold start (process start → the answer to a waiting question sent), 5 runs: median {answers[2]:0} ms, min {answers[0]:0} ms, max {answers[4]:0} ms");
}

async Task UpdatePath(int rate, int residents, int each)
{
    await using var api = await new FakeBotApi(token).Start();
    var dir = Directory.CreateTempSubdirectory("bennbot-bench-").FullName;
    string[] settings = [$"--BennBot:Telegram:Token={token}", $"--BennBot:Telegram:ApiBaseUrl={api.BaseUrl}", $"--BennBot:Storage:DatabasePath={Path.Combine(dir, "b.db")}", $"--BennBot:Broadcast:MessagesPerSecond={rate}"];
    using var host = BotHost.Build(App.Load(settings), settings, l => l.SetMinimumLevel(LogLevel.Warning));
    await host.StartAsync();
    try { await api.WaitFor(() => api.GetUpdatesCalls > 0 ? api : null); }
    catch (TimeoutException) { Console.WriteLine(string.Join(", ", api.Calls.Select(c => c.Method))); throw; }
    var processor = host.Services.GetRequiredService<UpdateProcessor>();

    string[] script = ["/start", "l:en", "can I sign a petition?", "t", "Wo kann ich mich ehrenamtlich engagieren?"];
    var total = residents * each;
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < each; i++)
        for (var r = 1; r <= residents; r++)
        {
            var step = script[i % script.Length];
            if (step.StartsWith('/') || step.Contains(' ')) api.SendText(100_000 + r, step, "ar");
            else api.PressButton(100_000 + r, step, "ar");
        }
    await api.WaitFor(() => processor.Handled >= total ? api : null, TimeSpan.FromMinutes(5));
    var handled = watch.Elapsed;
    await api.WaitFor(() => api.CallsOf("sendMessage").Count >= total ? api : null, TimeSpan.FromMinutes(5));
    var replied = watch.Elapsed;
    Console.WriteLine($"Update path, send gate {rate} msg/s: {residents} residents × {each} updates = {total} updates through the fake Bot API over loopback HTTP");
    Console.WriteLine($"  updates handled (saved, routed, committed, reply sent): {total / handled.TotalSeconds:0.0} updates/s ({handled.TotalSeconds:0.00} s)");
    Console.WriteLine($"  all replies delivered: {total / replied.TotalSeconds:0.0} msg/s ({replied.TotalSeconds:0.00} s)");
    await host.StopAsync();
    Directory.Delete(dir, true);
}
