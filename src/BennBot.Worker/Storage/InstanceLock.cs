namespace BennBot.Worker.Storage;

/// <summary>LiteDB's direct mode does not stop a second process on Linux (it opens with FileShare.Read and the
/// two processes then checkpoint over each other; see shared/notes/litedb-delivery-security.md §1.2), so the
/// process holds "{database}.lock" exclusively for as long as it runs.</summary>
public sealed class InstanceLock : IDisposable
{
    private readonly FileStream _stream;

    private InstanceLock(FileStream stream) => _stream = stream;

    public static InstanceLock Acquire(string databasePath)
    {
        var path = databasePath + ".lock";
        try
        {
            return new InstanceLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new StartupException(
                $"Another BennBot is already using the database {databasePath}. Stop it first, or set BennBot__Storage__DatabasePath to another file.",
                ExitCodes.AlreadyRunning);
        }
    }

    public void Dispose() => _stream.Dispose();
}
