using System.Globalization;
using LiteDB;

namespace BennBot.Worker.Storage;

/// <summary>Backups are the recovery path: LiteDB's rebuild is unreliable in 5.0.21 (shared/notes, §1.3). A backup
/// is a copy of the data file taken on the writer thread right after a checkpoint, so it is consistent; the newest
/// <c>kept</c> backups are kept.</summary>
public static class Backups
{
    private const string Prefix = "bennbot-";

    public static string DefaultDirectory(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "backups");

    public static async Task<string> Take(Database db, string directory, int kept, DateTime now)
    {
        OwnerOnly.CreateFolder(directory);
        var target = Path.Combine(directory, $"{Prefix}{now:yyyyMMdd-HHmmss}.db");
        await db.CopyTo(target);
        OwnerOnly.Restrict(target);
        foreach (var old in List(directory).Skip(kept)) File.Delete(old);
        return target;
    }

    /// <summary>Backups in a directory, newest first.</summary>
    public static IReadOnlyList<string> List(string directory) => Directory.Exists(directory)
        ? Directory.GetFiles(directory, Prefix + "*.db").OrderByDescending(f => f, StringComparer.Ordinal).ToList()
        : [];

    public static DateTime? NewestTime(string directory) => List(directory).FirstOrDefault() is { } newest
        && DateTime.TryParseExact(Path.GetFileNameWithoutExtension(newest)[Prefix.Length..], "yyyyMMdd-HHmmss",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    /// <summary>Replaces the database with a backup. Refused while BennBot runs (the lock file); the current file is
    /// kept beside it as "*.before-restore-…". Those copies hold personal data like backups do, so only the newest
    /// <paramref name="kept"/> of them are kept, as with backups (issue 19).</summary>
    public static string Restore(string backup, string databasePath, string? password, DateTime now, int kept)
    {
        var full = Path.GetFullPath(databasePath);
        if (!File.Exists(backup)) throw new StartupException($"There is no backup file {backup}.", ExitCodes.Failed);
        OwnerOnly.ForNewFiles(); // the scratch copy CheckOpens opens, too
        CheckOpens(backup, password);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(full)!);
        using var _ = InstanceLock.Acquire(full);
        var copy = $"{full}{BeforeRestore}{now:yyyyMMdd-HHmmss}";
        if (File.Exists(full)) File.Move(full, copy);
        var log = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full));
        if (File.Exists(log)) File.Move(log, copy + "-log");
        File.Copy(backup, full);
        OwnerOnly.Restrict(full);
        foreach (var old in KeptBeforeRestore(full).Skip(kept))
        {
            File.Delete(old);
            File.Delete(old + "-log");
        }
        return copy;
    }

    private const string BeforeRestore = ".before-restore-";

    /// <summary>The copies earlier restores kept of the database at <paramref name="full"/>, newest first.</summary>
    public static IReadOnlyList<string> KeptBeforeRestore(string full) =>
        Directory.GetFiles(Path.GetDirectoryName(full)!, Path.GetFileName(full) + BeforeRestore + "*")
            .Where(f => !f.EndsWith("-log", StringComparison.Ordinal))
            .OrderByDescending(f => f, StringComparer.Ordinal).ToList();

    // Opens a scratch copy (opening may write to a file), so a broken backup never replaces a working database.
    private static void CheckOpens(string backup, string? password)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"bennbot-restore-check-{Guid.NewGuid():N}.db");
        File.Copy(backup, scratch);
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = scratch, Password = password });
            if (!db.GetCollectionNames().Any()) throw new InvalidDataException("it holds no data");
        }
        catch (Exception e)
        {
            throw new StartupException($"The backup {backup} cannot be opened ({e.Message}); nothing was changed.", ExitCodes.Failed);
        }
        finally
        {
            File.Delete(scratch);
        }
    }
}
