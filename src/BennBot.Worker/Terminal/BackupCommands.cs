using BennBot.Worker.Hosting;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Terminal;

/// <summary><c>backup</c> and <c>restore FILE</c>, for a stopped bot (a running bot takes its own daily backup).</summary>
public static class BackupCommands
{
    public static async Task<int> Backup(BennBotOptions options, TextWriter output)
    {
        using var db = StoppedDatabase.Open(options, $"A running BennBot writes a daily backup to {options.Backups} by itself.");
        var path = await Backups.Take(db, options.Backups, options.BackupsKept, DateTime.UtcNow);
        output.WriteLine($"Backup written to {path}");
        return ExitCodes.Ok;
    }

    public static int Restore(BennBotOptions options, string file, TextWriter output)
    {
        var kept = Backups.Restore(file, options.DatabasePath, options.DatabasePassword, DateTime.UtcNow, options.BackupsKept);
        output.WriteLine($"Restored {file} to {Path.GetFullPath(options.DatabasePath)}; the previous file is kept as {kept}");
        return ExitCodes.Ok;
    }
}
