using System.Diagnostics;
using BennBot.FakeTelegram;

/// <summary>The bot as a real process (<c>dotnet BennBot.Worker.dll</c>, found beside the benchmark) talking to a fake
/// Bot API, at log level Warning. Measures nothing itself: it reads the process's memory from /proc (Linux) and
/// stops it cleanly with SIGTERM, as systemd or docker would, so LiteDB checkpoints its log before the exit.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private const string WorkerEnv = "BENNBOT_BENCH_WORKER_ENV_";

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>The bot that runs: the build beside the benchmark, or another one named in BENNBOT_BENCH_WORKER (issue 17:
    /// e.g. a ReadyToRun publish, to measure what the Docker image runs, or a native executable).</summary>
    public static string Dll { get; } = Environment.GetEnvironmentVariable("BENNBOT_BENCH_WORKER") is { Length: > 0 } dll
        ? Path.GetFullPath(dll) : Path.Combine(AppContext.BaseDirectory, "BennBot.Worker.dll");

    /// <summary>Throws if the bot has exited (a failed start), so a benchmark does not wait for a process that is gone.</summary>
    public void EnsureRunning()
    {
        if (_process.HasExited) throw new InvalidOperationException($"The bot exited with code {_process.ExitCode}");
    }

    /// <summary>How the bot is started: a .dll on dotnet, anything else named in BENNBOT_BENCH_WORKER as it is (a native,
    /// ahead-of-time build).</summary>
    public static ProcessStartInfo StartInfo()
    {
        var native = !Dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(native ? Dll : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!native) info.ArgumentList.Add(Dll);
        return info;
    }

    /// <summary>Starts the bot on the database at <paramref name="databasePath"/>; <paramref name="settings"/> are
    /// further environment variables (e.g. BennBot__Broadcast__MessagesPerSecond).</summary>
    public static WorkerProcess Start(FakeBotApi api, string databasePath, params (string Name, string Value)[] settings)
    {
        var info = StartInfo();
        info.Environment["BennBot__Telegram__Token"] = api.Token;
        info.Environment["BennBot__Telegram__ApiBaseUrl"] = api.BaseUrl;
        info.Environment["BennBot__Storage__DatabasePath"] = databasePath;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings) info.Environment[name] = value;
        // For the bot alone, not the benchmark (e.g. BENNBOT_BENCH_WORKER_ENV_DOTNET_JitStdOutFile=/tmp/jit.txt).
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith(WorkerEnv, StringComparison.Ordinal)))
            info.Environment[name[WorkerEnv.Length..]] = Environment.GetEnvironmentVariable(name);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process);
    }

    /// <summary>Resident memory now (VmRSS), in bytes; 0 once the process is gone.</summary>
    public long ResidentBytes => Status("VmRSS:") * 1024;

    /// <summary>The highest resident memory so far (VmHWM), in bytes; 0 once the process is gone.</summary>
    public long PeakBytes => Status("VmHWM:") * 1024;

    /// <summary>Threads of the process now (from /proc); 0 once the process is gone.</summary>
    public long Threads => Status("Threads:");

    /// <summary>Open file descriptors (files, sockets, pipes) now, counted in /proc/PID/fd; 0 once the process is gone.</summary>
    public int OpenFiles
    {
        get
        {
            try { return Directory.GetFileSystemEntries($"/proc/{_process.Id}/fd").Length; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
        }
    }

    /// <summary>SIGTERM, then waits for the exit (the host's graceful stop: LiteDB checkpoints and closes the file).
    /// Returns the exit code; kills the process if it has not exited within <paramref name="timeout"/>.</summary>
    public async Task<int> Stop(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { Kill(); throw new TimeoutException($"The bot did not stop within {timeout.TotalSeconds:0} s of SIGTERM"); }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no graceful stop, no checkpoint.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public long Status(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1]); // "VmRSS:  1234 kB", "Threads:\t25"
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }
}
