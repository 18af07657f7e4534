namespace BennBot.Worker.Hosting;

/// <summary>Liveness for an orchestrator: the running bot touches "{database}.health" whenever the database took a
/// checkpoint and polling has answered recently; <c>health</c> (the Docker HEALTHCHECK) says whether that is fresh.
/// A file, so the check needs neither the database lock nor a network port.</summary>
public static class Health
{
    public static readonly TimeSpan PollingStale = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan HeartbeatStale = TimeSpan.FromSeconds(90);

    public static string FileFor(string databasePath) => Path.GetFullPath(databasePath) + ".health";

    public static void Beat(string databasePath, DateTime now) =>
        Storage.OwnerOnly.WriteAllText(FileFor(databasePath), now.ToString("O"));

    public static int Check(BennBotOptions options, TextWriter output, DateTime now)
    {
        var file = FileFor(options.DatabasePath);
        if (!File.Exists(file)) { output.WriteLine("unhealthy: no heartbeat yet"); return ExitCodes.Failed; }
        var age = now - File.GetLastWriteTimeUtc(file);
        if (age > HeartbeatStale) { output.WriteLine($"unhealthy: last heartbeat {age.TotalSeconds:0} s ago"); return ExitCodes.Failed; }
        output.WriteLine($"healthy: last heartbeat {age.TotalSeconds:0} s ago");
        return ExitCodes.Ok;
    }
}
