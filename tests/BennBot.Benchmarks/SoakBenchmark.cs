using System.Diagnostics;
using System.Text.Json;
using BennBot.FakeTelegram;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;

/// <summary>Issue 17: does the bot's memory stay flat over a long run? The bot as a process against the fake Bot API
/// (no latency, no limits) with light, realistic traffic for <c>minutes</c>: a resident every few seconds (asks a
/// question, browses the events, asks for a reminder; every 5th shares a topic, every 7th changes the subscription,
/// every 20th asks for their data, every 40th deletes it), a small announcement every 10 minutes (one language's
/// subscribers), reminders coming due all the time, and retention (otherwise hourly) every 3 minutes. Every few minutes
/// it prints what it reads from outside: VmRSS, threads and open files from /proc, the live heap after a full collection
/// and the GC's committed memory over EventPipe (<see cref="GcProbe"/>), and the LiteDB files' sizes; at the end the
/// slope of each per hour, fitted over the samples after the first 10 minutes.</summary>
public static class SoakBenchmark
{
    private static readonly TimeSpan Warmup = TimeSpan.FromMinutes(10);
    private const long StaffChat = -100500;
    private const long NewResidents = 3_000_000;

    public static async Task Run(string token, int minutes, int residents)
    {
        var length = TimeSpan.FromMinutes(minutes);
        var every = TimeSpan.FromMinutes(minutes >= 30 ? 2 : 1);
        await using var api = await new FakeBotApi(token).Start();
        api.RecordCalls = false;
        var dir = Directory.CreateTempSubdirectory("bennbot-soak-").FullName;
        var dbPath = Path.Combine(dir, "b.db");
        var stored = await StoredResidents.Seed(dbPath, residents);
        var events = await SeedEvents(dbPath, length);
        var questions = Questions();

        using var bot = WorkerProcess.Start(api, dbPath, ("BennBot__Staff__ChatId", StaffChat.ToString()), ("BennBot__Staff__UserIds__0", "900"),
            ("BennBot__Privacy__RetentionMinutes", "3"));
        await api.WaitFor(() => { bot.EnsureRunning(); return api.FirstGetUpdates is not null ? api : null; }, TimeSpan.FromMinutes(5), "the first getUpdates");
        Console.WriteLine($"Soak: {minutes} min, the bot as a process (pid {bot.Id}, dotnet {WorkerProcess.Dll}, log level Warning, {Knobs()}) against the fake Bot API; "
            + $"stored: {stored.Describe()}; {events.Count} events starting 3 h 5 min + k × 10 min from now, each announced to one language's subscribers at 2 min + k × 10 min; "
            + "a resident visit every 3 s; retention every 3 min; 1 MB = 2^20 bytes");

        var watch = Stopwatch.StartNew();
        var visits = new List<Task>();
        var samples = new List<(double Minutes, double[] Values)>();
        var nextSample = TimeSpan.Zero;
        var visit = 0;
        while (watch.Elapsed < length)
        {
            if (watch.Elapsed >= nextSample)
            {
                bot.EnsureRunning();
                var s = await Sample(bot, dbPath);
                samples.Add((watch.Elapsed.TotalMinutes, s));
                Console.WriteLine($"  {watch.Elapsed.TotalMinutes,5:0.0} min: VmRSS {s[0]:0.0} MB, heap after full GC {s[1]:0.0} MB, GC committed {s[2]:0.0} MB, "
                    + $"threads {s[3]:0}, open files {s[4]:0}, b.db {s[5]:0.00} MB, b-log.db {s[6]:0.00} MB; VmRSS = anonymous {s[7]:0.0} + files {s[8]:0.0} + JIT code {s[9]:0.0} MB; {visit} visits, {api.Accepted} messages sent by the bot");
                nextSample += every;
            }
            visits.RemoveAll(t => t.IsCompleted);
            visits.Add(Visit(api, visit++, residents, events, questions, watch.Elapsed));
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        await Task.WhenAll(visits);
        var final = await Sample(bot, dbPath);
        samples.Add((watch.Elapsed.TotalMinutes, final));
        var exit = await bot.Stop(TimeSpan.FromMinutes(2));

        string[] names = ["VmRSS", "heap after full GC", "GC committed", "threads", "open files", "b.db", "b-log.db", "anonymous", "files", "JIT code"];
        string[] units = ["MB", "MB", "MB", "", "", "MB", "MB", "MB", "MB", "MB"];
        var late = samples.Where(s => s.Minutes >= Math.Min(Warmup.TotalMinutes, minutes / 3.0)).ToList();
        Console.WriteLine($"  {visit} visits, {api.Accepted} messages sent by the bot; exit code after SIGTERM {exit}");
        Console.WriteLine($"  slope per hour over the {late.Count} samples from {late[0].Minutes:0.0} min to {late[^1].Minutes:0.0} min (least squares):");
        for (var i = 0; i < names.Length; i++)
            Console.WriteLine($"    {names[i]}: {Slope(late.Select(s => (s.Minutes / 60, s.Values[i])).ToList()):+0.00;-0.00} {units[i]}/h"
                + $" ({late[0].Values[i]:0.##} → {late[^1].Values[i]:0.##} {units[i]})");
        Directory.Delete(dir, true);
    }

    /// <summary>One resident's visit, a step every 1–2 s, as a person taps: 5–7 updates (flood control allows 8 in 10 s).</summary>
    private static async Task Visit(FakeBotApi api, int n, int stored, IReadOnlyList<Event> events, IReadOnlyList<(string Q, string Lang)> questions, TimeSpan at)
    {
        var random = new Random(n);
        var (question, lang) = questions[n % questions.Count];
        long who = n % 3 == 0 ? NewResidents + n : StoredResidents.FirstId + n * 7919L % stored; // a third new, the rest come back
        var soon = events[Math.Min(events.Count - 1, (int)(at.TotalMinutes / 10) + 1)]; // a reminder 3 h before it is due within 20 minutes
        var steps = new List<Action>();
        if (n % 5 == 0)
        {
            steps.Add(() => api.SendText(who, "/topic", lang));
            steps.Add(() => api.PressButton(who, "Nc:" + n % 4, lang));
            steps.Add(() => api.SendText(who, question + " — " + n, lang));
            steps.Add(() => api.PressButton(who, "Na:-", lang));
            steps.Add(() => api.PressButton(who, "Np:" + n % 2, lang));
            steps.Add(() => api.PressButton(who, "Ny", lang));
        }
        else
        {
            steps.Add(() => api.SendText(who, "/start", lang));
            steps.Add(() => api.SendText(who, question, lang));
            steps.Add(() => api.SendText(who, "/events", lang));
            steps.Add(() => api.PressButton(who, $"Ev:{soon.Id}", lang));
            steps.Add(() => api.PressButton(who, $"Er:{soon.Id}:3", lang));
            if (n % 7 == 0) steps.Add(() => api.PressButton(who, n % 2 == 0 ? "S+" : "S-", lang));
            if (n % 20 == 0) steps.Add(() => api.PressButton(who, "p:j", lang));
            if (n % 40 == 0) { steps.Add(() => api.SendText(who, "/delete", lang)); steps.Add(() => api.PressButton(who, "p:y", lang)); }
        }
        foreach (var step in steps)
        {
            step();
            await Task.Delay(1000 + random.Next(1000));
        }
    }

    /// <summary>VmRSS, heap after a full GC, GC committed (MB), threads, open files, b.db and b-log.db (MB).</summary>
    // The runtime and allocator settings the bot inherits from this process's environment (the deployed ones, or none).
    private static string Knobs() => string.Join(" ", Environment.GetEnvironmentVariables().Keys.Cast<string>()
        .Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("MALLOC_", StringComparison.Ordinal)).Order()
        .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}")) is { Length: > 0 } knobs ? knobs : "runtime defaults";

    private static async Task<double[]> Sample(WorkerProcess bot, string dbPath)
    {
        var gc = await GcProbe.Read(bot.Id, TimeSpan.FromSeconds(30));
        var log = Path.Combine(Path.GetDirectoryName(dbPath)!, "b-log.db");
        // VmRSS split as /proc reads it (issue 17): anonymous (GC heap, malloc arenas), files (assemblies), shared (JIT code).
        var (anon, file, shared) = (Mb(bot.Status("RssAnon:") * 1024), Mb(bot.Status("RssFile:") * 1024), Mb(bot.Status("RssShmem:") * 1024));
        return [Mb(bot.ResidentBytes), gc is null ? double.NaN : Mb(gc.HeapAfterFullGc), gc is null ? double.NaN : Mb(gc.CommittedBytes),
            bot.Threads, bot.OpenFiles, Mb(new FileInfo(dbPath).Length), File.Exists(log) ? Mb(new FileInfo(log).Length) : 0,
            anon, file, shared];
    }

    /// <summary>Events starting every 10 minutes from 3 h 5 min on (so a "3 hours before" reminder comes due during the
    /// run), each with an announcement to one language's subscribers queued for 2 minutes after the previous one's start.</summary>
    private static async Task<List<Event>> SeedEvents(string dbPath, TimeSpan length)
    {
        string[] languages = ["de", "en", "ar", "fa", "tr", "uk", "ru"];
        var now = DateTime.UtcNow;
        using var db = new Database(dbPath);
        return await db.Write(d => Enumerable.Range(0, (int)(length.TotalMinutes / 10) + 3).Select(k =>
        {
            var start = now.AddHours(3).AddMinutes(5 + k * 10);
            var e = EventStore.Save(d, new Event
            {
                Title = new() { ["de"] = $"Nachbarschaftstreffen {k}", ["en"] = $"Neighbourhood meeting {k}" }, Description = new() { ["de"] = "Für alle." },
                StartUtc = start, EndUtc = start.AddHours(2), Area = "buehring", Kind = EventKind.Cafe, Status = EventStatus.Published, CreatedAt = now,
            });
            EventEffectStore.Apply(d, new QueueAnnouncement(e.Id, new Segment { Languages = [languages[k % languages.Length]] }, now.AddMinutes(2 + k * 10), StaffChat), now);
            return e;
        }).ToList());
    }

    /// <summary>The held-out test questions (tests/BennBot.Tests/QuestionSet), with their language.</summary>
    private static List<(string, string)> Questions()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "BennBot.sln"))) dir = Path.GetDirectoryName(dir)!;
        var all = Directory.GetFiles(Path.Combine(dir, "tests", "BennBot.Tests", "QuestionSet"), "*.json").Order()
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray()
                .Select(e => (e.GetProperty("q").GetString()!, Path.GetFileNameWithoutExtension(f) is "de-simple" ? "de" : Path.GetFileNameWithoutExtension(f))))
            .ToArray();
        new Random(17).Shuffle(all); // languages mixed, the same order every run
        return [.. all];
    }

    private static double Mb(double bytes) => bytes / 1024 / 1024;

    private static double Slope(List<(double X, double Y)> points)
    {
        var valid = points.Where(p => !double.IsNaN(p.Y)).ToList();
        if (valid.Count < 2) return double.NaN;
        double mx = valid.Average(p => p.X), my = valid.Average(p => p.Y);
        return valid.Sum(p => (p.X - mx) * (p.Y - my)) / valid.Sum(p => (p.X - mx) * (p.X - mx));
    }
}
