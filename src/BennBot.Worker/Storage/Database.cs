using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BennBot.Worker.Storage;

/// <summary>The one LiteDB file of the process. LiteDB 5.0.21 corrupts data when two threads write at once and
/// binds transactions to the OS thread, so every write runs on one dedicated writer thread inside one
/// transaction; reads run on the caller's thread (shared/notes/litedb-delivery-security.md §1.4).</summary>
/// <remarks><see cref="Compact"/> replaces the open <see cref="LiteDatabase"/>. It runs on the writer thread, so no
/// write runs meanwhile, and it swaps the instance under the write side of a reader/writer lock whose read side
/// every <see cref="Read{T}"/> holds while its callback runs: no read ever sees a disposed instance.</remarks>
public sealed partial class Database : IDisposable
{
    private readonly InstanceLock _lock;
    private readonly ConnectionString _connection;
    private readonly BsonMapper _mapper = Mappings.Create();
    // Assigned only on the writer thread (constructor aside), and only while _swap is held for writing.
    private LiteDatabase _db;
    // Recursive: a read may run inside another read on the same thread without deadlocking against a waiting swap.
    private readonly ReaderWriterLockSlim _swap = new(LockRecursionPolicy.SupportsRecursion);
    private bool _disposed;
    private ILogger _log = NullLogger.Instance;
    private volatile bool _broken; // a write failed in a way LiteDB could not roll back, or LiteDB closed itself: reopen
    private int _reopenQueued; // 1 while a read has queued a reopen on the writer thread
    private readonly BlockingCollection<Action> _writes = new();
    private readonly Thread _writer;
    private readonly string _path;

    public Database(string path, string? password = null)
    {
        var full = _path = Path.GetFullPath(path);
        OwnerOnly.ForNewFiles(); // LiteDB creates the -log and -tmp files itself, with the process umask
        CreateFolder(full);
        _lock = InstanceLock.Acquire(full);
        _connection = new ConnectionString { Filename = full, Connection = ConnectionType.Direct, Password = password };
        try
        {
            CompactionCutShort = CleanUpAfterCompaction(full);
            _db = Open();
            OwnerOnly.Restrict(full); // a file written by an older version, or under a looser umask
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

    // A path under a file (/etc/hostname/x.db) or in a folder the service user may not write: one sentence and exit 4
    // for the operator, not a stack trace (issue 13).
    private static void CreateFolder(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        try { OwnerOnly.CreateFolder(folder); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"Cannot create the folder {folder} for the database ({e.Message}); set BennBot__Storage__DatabasePath to a file in a folder BennBot may write.",
                ExitCodes.StorageUnavailable);
        }
    }

    /// <summary>The last run stopped during a compaction (its copy was left behind): the housekeeping compacts again.</summary>
    public bool CompactionCutShort { get; private set; }

    /// <summary>The database is opened before the host's logging exists; the host hands it a logger once it does.</summary>
    public void UseLogger(ILogger log) => _log = log;

    /// <summary>Runs <paramref name="read"/> on the calling thread. Return materialised results (lists, records, counts),
    /// never the <see cref="LiteDatabase"/> or a lazy query: the instance is only guaranteed open while the callback
    /// runs (<see cref="Compact"/> replaces it). Reads may nest.</summary>
    public T Read<T>(Func<LiteDatabase, T> read)
    {
        _swap.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return read(Current);
        }
        catch (Exception e) when (!_disposed && e is IOException or LiteException or ObjectDisposedException && !Usable())
        {
            // LiteDB 5.0.21 closes its engine for good after an I/O error or a data page it finds inconsistent
            // (EngineState.Handle), and every later call fails. A write reopens the file (InTransaction), but every path of
            // the bot reads first — an update, the housekeeping, the delivery tick — so without this it would stay stuck
            // until a resident's next message is saved. This read fails; the writer thread opens the file again.
            _broken = true;
            if (Interlocked.Exchange(ref _reopenQueued, 1) == 0)
            {
                LogEngineClosed(e.Message);
                _ = RunOnWriter(() =>
                {
                    Volatile.Write(ref _reopenQueued, 0);
                    if (_broken && !_disposed) TryReopen();
                });
            }
            throw;
        }
        finally
        {
            _swap.ExitReadLock();
        }
    }

    // Whether the open instance still answers (the read lock is held).
    private bool Usable()
    {
        try { return _db?.GetCollectionNames() is not null; }
        catch (Exception) { return false; }
    }

    public Task Write(Action<LiteDatabase> write) => Write(db => { write(db); return true; });

    public Task<T> Write<T>(Func<LiteDatabase, T> write)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // _db is read when the write runs, on the writer thread: the instance current then (see Compact).
            _writes.Add(() =>
            {
                try { done.SetResult(InTransaction(write)); }
                catch (Exception e) { done.SetException(e); }
            });
        }
        catch (InvalidOperationException)
        {
            done.SetException(new ObjectDisposedException(nameof(Database)));
        }
        return done.Task;
    }

    private T InTransaction<T>(Func<LiteDatabase, T> write)
    {
        if (_broken) Reopen(); // throws while the file still cannot be opened
        _db.BeginTrans();
        try
        {
            var result = write(_db);
            _db.Commit();
            return result;
        }
        catch
        {
            RollBack();
            throw;
        }
    }

    // LiteDB 5.0.21 cannot roll back a transaction whose pages it failed to write (a full disk): Rollback throws
    // "discarded page must be writable" and the instance is unusable. The file is not harmed (the log counts only
    // confirmed transactions), so the instance is closed and the file opened again; if that fails, the next write tries.
    private void RollBack()
    {
        try { _db.Rollback(); }
        catch (Exception e)
        {
            _broken = true;
            LogReopening(e.Message);
            TryReopen();
        }
    }

    // On the writer thread; if the file cannot be opened yet, the next write (or failing read) tries again.
    private void TryReopen()
    {
        try { Reopen(); }
        catch (Exception reopen) { LogReopenFailed(reopen.Message); }
    }

    private void Reopen()
    {
        _swap.EnterWriteLock();
        try
        {
            CloseBroken();
            // On a full disk LiteDB 5.0.21 can leave file streams open: when closing a broken instance throws, and when
            // opening fails (litedb-org/LiteDB#2614). Their locks keep every new instance out ("being used by another
            // process") until finalizers close them, which in a bot that allocates little can take minutes. Nothing
            // refers to the broken instance any more, and this runs only while the database is broken: a full
            // collection here is cheap.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            _db = Open();
            _broken = false;
        }
        finally
        {
            _swap.ExitWriteLock();
        }
    }

    // Its own method, so that no local of Reopen keeps the broken instance alive through the collection.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CloseBroken()
    {
        var broken = _db;
        _db = null!; // until Open succeeds, reads get Current's exception and writes try Reopen again
        try { broken?.Dispose(); }
        catch (Exception) { } // closing a broken instance may fail as well; the file is what counts
    }

    /// <summary>The open instance; while a reopen after a full disk has not succeeded yet, an exception that says so.</summary>
    private LiteDatabase Current => _db ?? throw new IOException("The database could not be opened again yet (is the disk full?); the next write tries again");

    /// <summary>A consistent copy of the data file: taken on the writer thread, so no write runs meanwhile, right
    /// after a checkpoint has moved everything from the log into the data file.</summary>
    public Task CopyTo(string target) => RunOnWriter(() =>
    {
        Current.Checkpoint();
        File.Copy(_path, target, overwrite: false);
    });

    /// <summary>Copies the log into the data file (the only fsync LiteDB 5 does); run when idle and on shutdown.</summary>
    public Task Checkpoint() => RunOnWriter(() => Current.Checkpoint());

    // Not inside Write: LiteDB refuses to checkpoint within a transaction.
    private Task RunOnWriter(Action action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try { _writes.Add(() => { try { action(); done.SetResult(); } catch (Exception e) { done.SetException(e); } }); }
        catch (InvalidOperationException) { done.SetException(new ObjectDisposedException(nameof(Database))); }
        return done.Task;
    }

    private LiteDatabase Open()
    {
        var db = new LiteDatabase(_connection, _mapper);
        try
        {
            Mappings.EnsureIndexes(db);
            Conversations.DialogueStore.Upgrade(db); // issue 14: dialogues of the previous version move to their one store
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private void WriteLoop()
    {
        foreach (var write in _writes.GetConsumingEnumerable()) write();
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "A database write failed and LiteDB could not roll it back ({Problem}); reopening the file")]
    private partial void LogReopening(string problem);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Reopening the database failed ({Problem}); the next write tries again")]
    private partial void LogReopenFailed(string problem);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "LiteDB closed the database after an error ({Problem}); opening the file again")]
    private partial void LogEngineClosed(string problem);

    public void Dispose()
    {
        _writes.CompleteAdding();
        _writer.Join();
        // Waits for running reads; later reads get an ObjectDisposedException instead of a disposed LiteDatabase.
        _swap.EnterWriteLock();
        try
        {
            if (_disposed) return;
            _disposed = true;
            _db?.Dispose(); // null when the last reopen after a full disk failed
        }
        finally
        {
            _swap.ExitWriteLock();
        }
        _lock.Dispose();
    }
}
