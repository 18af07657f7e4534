using System.Collections.Concurrent;
using LiteDB;

namespace BennBot.Worker.Storage;

/// <summary>The one LiteDB file of the process. LiteDB 5.0.21 corrupts data when two threads write at once and
/// binds transactions to the OS thread, so every write runs on one dedicated writer thread inside one
/// transaction; reads run on the caller's thread (shared/notes/litedb-delivery-security.md §1.4).</summary>
public sealed class Database : IDisposable
{
    private readonly InstanceLock _lock;
    private readonly LiteDatabase _db;
    private readonly BlockingCollection<Action> _writes = new();
    private readonly Thread _writer;
    private readonly string _path;

    public Database(string path, string? password = null)
    {
        var full = _path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _lock = InstanceLock.Acquire(full);
        try
        {
            _db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct, Password = password }, Mappings.Create());
            Mappings.EnsureIndexes(_db);
        }
        catch (Exception e) when (e is LiteException or IOException or UnauthorizedAccessException)
        {
            _lock.Dispose();
            var hint = e is LiteException { ErrorCode: LiteException.INVALID_PASSWORD }
                ? "the password (BennBot__Storage__Password) does not fit this file"
                : e.Message;
            throw new StartupException($"Cannot open the database {full}: {hint}", ExitCodes.StorageUnavailable);
        }
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "litedb-writer" };
        _writer.Start();
    }

    public T Read<T>(Func<LiteDatabase, T> read) => read(_db);

    public Task Write(Action<LiteDatabase> write) => Write(db => { write(db); return true; });

    public Task<T> Write<T>(Func<LiteDatabase, T> write)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _writes.Add(() =>
            {
                _db.BeginTrans();
                try
                {
                    var result = write(_db);
                    _db.Commit();
                    done.SetResult(result);
                }
                catch (Exception e)
                {
                    _db.Rollback();
                    done.SetException(e);
                }
            });
        }
        catch (InvalidOperationException)
        {
            done.SetException(new ObjectDisposedException(nameof(Database)));
        }
        return done.Task;
    }

    /// <summary>Copies the log into the data file (the only fsync LiteDB 5 does); run when idle and on shutdown.</summary>
    /// <summary>A consistent copy of the data file: taken on the writer thread, so no write runs meanwhile, right
    /// after a checkpoint has moved everything from the log into the data file.</summary>
    public Task CopyTo(string target) => RunOnWriter(() =>
    {
        _db.Checkpoint();
        File.Copy(_path, target, overwrite: false);
    });

    public Task Checkpoint() => RunOnWriter(() => _db.Checkpoint());

    // Not inside Write: LiteDB refuses to checkpoint within a transaction.
    private Task RunOnWriter(Action action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try { _writes.Add(() => { try { action(); done.SetResult(); } catch (Exception e) { done.SetException(e); } }); }
        catch (InvalidOperationException) { done.SetException(new ObjectDisposedException(nameof(Database))); }
        return done.Task;
    }

    private void WriteLoop()
    {
        foreach (var write in _writes.GetConsumingEnumerable()) write();
    }

    public void Dispose()
    {
        _writes.CompleteAdding();
        _writer.Join();
        _db.Dispose();
        _lock.Dispose();
    }
}
