using System.Runtime.InteropServices;

namespace BennBot.Worker.Storage;

/// <summary>The database, its log, the backups, the copies a restore keeps, the health file and the files the terminal saves hold or reveal residents'
/// data, so BennBot creates them readable by its own user only (folders 0700, files 0600), whatever umask the service
/// was started with (issue 19: a umask of 022 left the database world-readable). Explicit modes for what BennBot
/// creates itself; a 077 umask for the files LiteDB creates on its own (the -log and -tmp files). No-ops on Windows.</summary>
public static class OwnerOnly
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Sets the process umask to 077 (octal), so that every file the process creates from now on is 0600 at most.</summary>
    public static void ForNewFiles()
    {
        if (!OperatingSystem.IsWindows()) _ = Umask(0b000_111_111);
    }

    /// <summary>Creates the folder and any missing parents as 0700 (a folder that exists already keeps its mode: the
    /// operator may have chosen it).</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>Makes an existing file 0600 if group or others may read it.</summary>
    public static void Restrict(string file)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(file)) return;
        if ((File.GetUnixFileMode(file) & ~FileMode) != 0) File.SetUnixFileMode(file, FileMode);
    }

    /// <summary>Writes a small file that is 0600 from the moment it exists.</summary>
    public static void WriteAllText(string path, string text)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        using (var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options)) writer.Write(text);
        Restrict(path); // a file left by an older version keeps its mode on rewrite
    }

    /// <summary>Writes a new file that is 0600 from the moment it exists (a file of that name is never overwritten).</summary>
    public static void WriteNewFile(string path, byte[] bytes)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        using var stream = new FileStream(path, options);
        stream.Write(bytes);
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
