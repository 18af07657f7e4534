using LiteDB;

namespace BennBot.Worker.Storage;

/// <summary>Online compaction: the data file is rewritten by copying every document into a fresh file, which then
/// replaces it. LiteDB never shrinks a file, and its own Rebuild() loops on our data in 5.0.21 (shared/notes/
/// litedb-delivery-security.md §0 item 4), so this is the way to a file that holds only live documents.
/// Measured on 5.0.21 (CompactionTests): a deleted document's bytes stay in the data file, and earlier page versions
/// in the -log.db, only until the next checkpoint; LiteDB zeroes deleted segments, so after a checkpoint neither file
/// holds them. Compact is the stronger guarantee (a new file, only what a copy of the live documents contains) and
/// gives freed pages back. Backups taken before a deletion still hold the deleted data until they are rotated out.</summary>
public sealed partial class Database
{
    private const int CopyBatch = 5_000;
    private const string CompactingTag = ".compacting";
    private const string KeptTag = ".before-compact";

    /// <summary>How long the swap waits for running reads before it gives up (and leaves the database as it was).
    /// Writes wait meanwhile, so this is part of how long a compaction can hold up updates.</summary>
    public TimeSpan SwapWait { get; internal set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long copying the documents may take before the compaction gives up (and leaves the database as it
    /// was). Writes wait while the copy runs (issue 19: updates must never wait for more than a bounded time); a file
    /// too large to copy in time stays uncompacted, and erased data is still wiped by every checkpoint.</summary>
    public TimeSpan CopyBudget { get; internal set; } = TimeSpan.FromSeconds(20);

    /// <summary>Test hook, called on the writer thread at "copied" (the new file is complete, nothing swapped yet) and
    /// at "replaced" (the new file is in place, not opened yet); throwing there simulates a failure.</summary>
    internal Action<string>? CompactionStep { get; set; }

    /// <summary>Reads waiting for a swap to finish, plus swaps waiting for reads: for tests.</summary>
    internal int WaitingOnSwapLock => _swap.WaitingWriteCount + _swap.WaitingReadCount;

    /// <summary>Rewrites the data file so that it holds only the live documents: no bytes of deleted or overwritten
    /// ones, in the file or in its log, and no free pages. Runs on the writer thread (writes wait; reads go on
    /// against the old file until the short swap). Every collection with a document and every index (as listed
    /// in <c>$indexes</c>, plus <see cref="Mappings.EnsureIndexes"/>) is kept, as are the pragmas and the password;
    /// an empty collection with no index but <c>_id</c> is not recreated (LiteDB creates it again on first insert).
    /// On any failure the original file stays in place and open.</summary>
    public Task Compact() => RunOnWriter(CompactNow);

    private void CompactNow()
    {
        var temp = Sibling(_path, CompactingTag);
        try
        {
            Current.Checkpoint();
            DeleteWithLog(temp);
            CopyInto(temp);
            CompactionStep?.Invoke("copied");
            Swap(temp);
            CompactionCutShort = false;
        }
        finally
        {
            TryDeleteWithLog(temp); // already renamed after a swap; a half-written copy after a failure
        }
    }

    private void CopyInto(string temp)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        void CheckBudget()
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > CopyBudget)
                throw new TimeoutException($"Copying the documents took longer than {CopyBudget.TotalSeconds:0.#} s; the database was not compacted.");
        }
        var connection = new ConnectionString
        {
            Filename = temp, Connection = ConnectionType.Direct, Password = _connection.Password, Collation = _db.Collation,
        };
        using (var copy = new LiteDatabase(connection, _mapper))
        {
            copy.UserVersion = _db.UserVersion;
            copy.Timeout = _db.Timeout;
            copy.UtcDate = _db.UtcDate;
            copy.LimitSize = _db.LimitSize;
            copy.CheckpointSize = _db.CheckpointSize;
            foreach (var name in _db.GetCollectionNames())
            {
                var target = copy.GetCollection(name);
                var copied = 0;
                foreach (var batch in _db.GetCollection(name).FindAll().Chunk(CopyBatch))
                {
                    CheckBudget();
                    target.InsertBulk(batch, CopyBatch);
                    copied += batch.Length;
                }
                var expected = _db.GetCollection(name).Count();
                if (copied != expected || target.Count() != expected)
                    throw new InvalidDataException($"Compaction copied {copied} of {expected} documents of {name}; nothing was changed.");
            }
            var indexes = Indexes(_db);
            CheckBudget();
            foreach (var index in indexes)
                copy.GetCollection(index.Collection).EnsureIndex(index.Name, BsonExpression.Create(index.Expression), index.Unique);
            Mappings.EnsureIndexes(copy);
            if (indexes.Except(Indexes(copy)).FirstOrDefault() is { } missing)
                throw new InvalidDataException($"Compaction lost the index {missing.Name} of {missing.Collection}; nothing was changed.");
            copy.Checkpoint();
        }
        var log = LogOf(temp);
        if (File.Exists(log) && new FileInfo(log).Length > 0) throw new IOException($"The compacted copy left pages in {log}; nothing was changed.");
        File.Delete(log);
        // LiteDB fsyncs only plain files, at checkpoint; the copy must be on disk before it replaces the original.
        using (var stream = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) stream.Flush(flushToDisk: true);
    }

    private sealed record IndexInfo(string Collection, string Name, string Expression, bool Unique);

    private static List<IndexInfo> Indexes(LiteDatabase db) => db.GetCollection("$indexes").FindAll()
        .Where(i => i["name"].AsString != "_id")
        .Select(i => new IndexInfo(i["collection"].AsString, i["name"].AsString, i["expression"].AsString, i["unique"].AsBoolean))
        .ToList();

    private void Swap(string temp)
    {
        if (!_swap.TryEnterWriteLock(SwapWait))
            throw new TimeoutException($"Reads did not finish within {SwapWait.TotalSeconds:0.#} s; the database was not compacted.");
        var kept = Sibling(_path, KeptTag);
        var keepKept = false;
        try
        {
            var replaced = false;
            try
            {
                _db.Dispose(); // checkpoints (nothing left after the one above) and closes the file
                var log = LogOf(_path);
                if (File.Exists(log) && new FileInfo(log).Length > 0) throw new IOException($"{log} still holds pages after the checkpoint.");
                File.Delete(log); // never let an old log be replayed onto the new file
                // Atomic on the same file system (rename); "kept" is a second name for the original until the copy opens.
                File.Replace(temp, _path, kept);
                replaced = true;
                CompactionStep?.Invoke("replaced");
                _db = Open();
            }
            catch (Exception failure)
            {
                try
                {
                    if (replaced) File.Move(kept, _path, overwrite: true);
                    _db = Open();
                }
                catch (Exception reopen)
                {
                    keepKept = File.Exists(kept); // then it may be the only whole original: the next start decides
                    _broken = true; // and the next write tries to open the file again, as after a failed rollback
                    throw new AggregateException($"Compaction failed and the database {_path} could not be opened again.", failure, reopen);
                }
                throw;
            }
        }
        finally
        {
            if (!keepKept) TryDelete(kept);
            _swap.ExitWriteLock();
        }
    }

    /// <summary>A crash during a compaction can leave its copy or the second name of the original behind; the database
    /// file itself is always complete (the swap is one rename).</summary>
    /// <returns>Whether a compaction was cut short: the freed pages may still hold erased data, so compact again.</returns>
    private static bool CleanUpAfterCompaction(string path)
    {
        var kept = Sibling(path, KeptTag);
        var compacting = Sibling(path, CompactingTag);
        var cutShort = File.Exists(kept) || File.Exists(compacting);
        if (File.Exists(kept))
        {
            if (File.Exists(path)) File.Delete(kept);
            else File.Move(kept, path);
        }
        DeleteWithLog(compacting);
        return cutShort;
    }

    private static string Sibling(string path, string tag) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + tag + Path.GetExtension(path));

    /// <summary>LiteDB's write-ahead log of a data file: "name-log.ext".</summary>
    private static string LogOf(string path) => Sibling(path, "-log");

    private static void DeleteWithLog(string path)
    {
        File.Delete(path);
        File.Delete(LogOf(path));
    }

    private static void TryDeleteWithLog(string path)
    {
        TryDelete(path);
        TryDelete(LogOf(path));
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
