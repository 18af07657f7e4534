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
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly.FileMode;
            return new InstanceLock(new FileStream(path, options));
        }
        catch (IOException e) when (IsHeldByAnother(e))
        {
            throw new StartupException(
                $"Another BennBot is already using the database {databasePath}. Stop it first, or set BennBot__Storage__DatabasePath to another file.",
                ExitCodes.AlreadyRunning);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only disk, a folder the service user may not write, a full disk: say which, not "another BennBot".
            throw new StartupException($"Cannot open the database {databasePath}: {e.Message}", ExitCodes.StorageUnavailable);
        }
    }

    // .NET reports a lock held elsewhere as a sharing violation: EWOULDBLOCK (11) on Linux, ERROR_SHARING_VIOLATION on Windows.
    private static bool IsHeldByAnother(IOException e) => e.HResult is 11 or unchecked((int)0x80070020);

    public void Dispose() => _stream.Dispose();
}
