using BennBot.FakeTelegram;

/// <summary>The bot's footprint as a real process against the fake Bot API (no latency, no limits): resident memory
/// (VmRSS, and the peak VmHWM) after the first getUpdates and after sitting idle, on an empty database, on 10,000 and on
/// N stored residents (<see cref="StoredResidents"/>); cold start (process start → first getUpdates) on an empty database
/// and on the N-resident one; and the database file's size per 10,000 residents at 10,000 and at N, read after the bot
/// was stopped with SIGTERM (the graceful stop checkpoints LiteDB's log into the data file).</summary>
public static class FootprintBenchmark
{
    private const int Starts = 5;

    /// <summary>One start of the bot: time to its first getUpdates, memory then and when it was stopped (after sitting
    /// idle for Idled), its exit code.</summary>
    private sealed record Start(TimeSpan ToFirstGetUpdates, long ResidentAtFirstPoll, TimeSpan Idled, long ResidentAtStop, long PeakAtStop, int ExitCode);

    /// <param name="idle">How long the bot sits idle before its memory is read.</param>
    public static async Task Run(string token, int residents, TimeSpan idle)
    {
        Console.WriteLine($"Footprint: the bot as a process (dotnet BennBot.Worker.dll, log level Warning, workstation GC) against the fake Bot API; "
            + $"\"idle\" = {idle.TotalSeconds:0} s after the first getUpdates, long-polling with nothing to do; every start is stopped with SIGTERM; 1 MB = 2^20 bytes");

        var empty = new List<Start>();
        for (var run = 0; run < Starts; run++)
        {
            var dir = Directory.CreateTempSubdirectory("bennbot-bench-").FullName;
            var db = Path.Combine(dir, "b.db");
            empty.Add(await StartAndStop(token, db, run == 0 ? idle : TimeSpan.Zero));
            if (run == 0)
            {
                Console.WriteLine($"  empty database: {Memory(empty[0])}");
                Console.WriteLine($"    files after the stop: {Files(db)}");
            }
            Directory.Delete(dir, true);
        }
        Console.WriteLine($"  cold start, empty database (a fresh file each time): {ColdStarts(empty)}");

        if (residents != 10_000) await Stored(token, 10_000, 1, idle);
        var big = await Stored(token, residents, Starts, idle);
        Console.WriteLine($"  cold start, {residents} residents (the first start is on the freshly written file and also takes the day's backup): {ColdStarts(big)}");
    }

    /// <summary>Stores <paramref name="residents"/>, starts the bot on them (idle the first time), and starts it again
    /// until it has started <paramref name="starts"/> times; sizes are read after the first stop.</summary>
    private static async Task<List<Start>> Stored(string token, int residents, int starts, TimeSpan idle)
    {
        var dir = Directory.CreateTempSubdirectory("bennbot-bench-").FullName;
        var db = Path.Combine(dir, "b.db");
        try
        {
            var stored = await StoredResidents.Seed(db, residents);
            Console.WriteLine($"  {residents} residents: stored {stored.Describe()}");
            Console.WriteLine($"    files after storing (database closed, bot not yet started): {Files(db)}");
            var runs = new List<Start> { await StartAndStop(token, db, idle) };
            Console.WriteLine($"    {Memory(runs[0])}");
            Console.WriteLine($"    files after the stop: {Files(db)}; per 10,000 residents: {PerTenThousand(db, residents)}");
            while (runs.Count < starts) runs.Add(await StartAndStop(token, db, TimeSpan.Zero));
            return runs;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static async Task<Start> StartAndStop(string token, string databasePath, TimeSpan idle)
    {
        await using var api = await new FakeBotApi(token).Start();
        api.RecordCalls = false;
        var started = DateTimeOffset.UtcNow;
        using var bot = WorkerProcess.Start(api, databasePath);
        await api.WaitFor(() => { bot.EnsureRunning(); return api.FirstGetUpdates is not null ? api : null; }, TimeSpan.FromMinutes(5), "the first getUpdates");
        var toFirstPoll = api.FirstGetUpdates!.Value - started;
        var atFirstPoll = bot.ResidentBytes;
        await Task.Delay(idle);
        bot.EnsureRunning();
        var resident = bot.ResidentBytes;
        var peak = bot.PeakBytes;
        var exit = await bot.Stop(TimeSpan.FromMinutes(2));
        return new Start(toFirstPoll, atFirstPoll, idle, resident, peak, exit);
    }

    private static string Memory(Start s) =>
        $"VmRSS {Mb(s.ResidentAtFirstPoll)} at the first getUpdates ({s.ToFirstGetUpdates.TotalMilliseconds:0} ms after the process start), "
        + $"{Mb(s.ResidentAtStop)} after {s.Idled.TotalSeconds:0} s idle; VmHWM {Mb(s.PeakAtStop)}; exit code after SIGTERM {s.ExitCode}";

    private static string ColdStarts(List<Start> runs)
    {
        var ms = runs.Select(r => r.ToFirstGetUpdates.TotalMilliseconds).ToList();
        var sorted = ms.Order().ToList();
        return $"{runs.Count} runs: median {sorted[sorted.Count / 2]:0} ms ({sorted[0]:0}–{sorted[^1]:0} ms); in order: {string.Join(", ", ms.Select(m => $"{m:0}"))} ms; "
            + $"exit codes {string.Join(", ", runs.Select(r => r.ExitCode).Distinct())}";
    }

    private static string Files(string databasePath)
    {
        var backups = Path.Combine(Path.GetDirectoryName(databasePath)!, "backups");
        var backupFiles = Directory.Exists(backups) ? Directory.GetFiles(backups) : [];
        var log = LogFile(databasePath);
        return $"b.db {Mb(Size(databasePath))}, b-log.db {(File.Exists(log) ? Mb(Size(log)) : "absent")}, "
            + $"backups/ {backupFiles.Length} file(s) {Mb(backupFiles.Sum(Size))}";
    }

    private static string PerTenThousand(string databasePath, int residents)
    {
        var bytes = Size(databasePath) + (File.Exists(LogFile(databasePath)) ? Size(LogFile(databasePath)) : 0);
        return $"{Mb(bytes * 10_000.0 / residents)} (b.db + b-log.db)";
    }

    private static string LogFile(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(databasePath)!, Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));

    private static long Size(string path) => new FileInfo(path).Length;

    private static string Mb(double bytes) => $"{bytes / 1024 / 1024:0.00} MB";
}

/// <summary>What an idle bot's memory is made of (issue 17): one start on an empty database (or N stored residents),
/// idle for a while, then VmRSS split into anonymous memory (GC heap, native heaps, stacks), file-backed pages
/// (assemblies, native libraries) and shared memory (on Linux the JIT's code lives in a shared double mapping), and
/// the managed side over EventPipe: the live heap after an induced full collection and the GC's committed memory.
/// Runtime knobs (DOTNET_TieredPGO, DOTNET_GCgen0size, …) set in the environment reach the bot, so each can be priced alone.</summary>
public static class IdleBreakdown
{
    public static async Task Run(string token, int residents, TimeSpan idle)
    {
        await using var api = await new FakeBotApi(token).Start();
        api.RecordCalls = false;
        var dir = Directory.CreateTempSubdirectory("bennbot-bench-").FullName;
        var db = Path.Combine(dir, "b.db");
        if (residents > 0) await StoredResidents.Seed(db, residents);
        var knobs = string.Join(" ", Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("MALLOC_", StringComparison.Ordinal))
            .Order().Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}"));
        using var bot = WorkerProcess.Start(api, db);
        await api.WaitFor(() => { bot.EnsureRunning(); return api.FirstGetUpdates is not null ? api : null; }, TimeSpan.FromMinutes(5), "the first getUpdates");
        var atFirstPoll = bot.ResidentBytes;
        await Task.Delay(idle);
        var (rss, anon, file, shmem) = (bot.ResidentBytes, bot.Status("RssAnon:") * 1024, bot.Status("RssFile:") * 1024, bot.Status("RssShmem:") * 1024);
        var gc = await GcProbe.Read(bot.Id, TimeSpan.FromSeconds(30));
        Console.WriteLine($"Idle: {(residents > 0 ? $"{residents} residents" : "empty database")}, {(knobs.Length > 0 ? knobs : "no DOTNET_ settings")}, {WorkerProcess.Dll}: "
            + $"VmRSS {Mb(atFirstPoll)} at the first getUpdates, {Mb(rss)} after {idle.TotalSeconds:0} s idle = anonymous {Mb(anon)} + files {Mb(file)} + shared (JIT code) {Mb(shmem)}; "
            + $"then heap after a full GC {(gc is null ? "?" : Mb(gc.HeapAfterFullGc))}, GC committed {(gc is null ? "?" : Mb(gc.CommittedBytes))}; threads {bot.Threads}");
        await bot.Stop(TimeSpan.FromMinutes(1));
        Directory.Delete(dir, true);
        Console.WriteLine($"  of the live heap, measured in this process: {ContentAndIndex()}");
    }

    /// <summary>Live managed bytes that the seeds (texts, entries) and the answer index hold, measured here after full
    /// collections (the bot builds the same two objects at start).</summary>
    private static string ContentAndIndex()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var content = BennBot.Worker.Hosting.App.LoadContent(Path.Combine(AppContext.BaseDirectory, "seeds"));
        var withContent = GC.GetTotalMemory(forceFullCollection: true);
        var index = new BennBot.Content.QuestionIndex(content);
        var withIndex = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(content);
        GC.KeepAlive(index);
        return $"seeds {Mb(withContent - before)}, answer index {Mb(withIndex - withContent)} (with the Lucene analyzers it loads)";
    }

    private static string Mb(double bytes) => $"{bytes / 1024 / 1024:0.0} MB";
}
