using System.Threading.Channels;
using BennBot.Worker.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BennBot.Worker.Privacy;

/// <summary>Makes erased data unreadable in the file soon, without letting erasures stall the bot (issue 19: every
/// confirmed /delete rewrote the whole file on the single writer, so ten accounts repeating /delete pushed another
/// resident's /help from 0.4 s to 37 s). The erasure itself is committed at once, in the update's own transaction.
/// Then, off the update workers: a checkpoint within <see cref="CheckpointGap"/> (LiteDB 5.0.21 zeroes a deleted
/// document's bytes in its pages, and the checkpoint puts those pages into the data file and empties the log; measured in
/// CompactionTests), and a compaction, which also gives the freed pages back, at most once per
/// <c>BennBot__Privacy__CompactMinutes</c> however many erasures there were; each compaction holds the writer for at
/// most <see cref="Database.CopyBudget"/> plus <see cref="Database.SwapWait"/>.</summary>
public sealed partial class ErasureService(Database db, TimeSpan compactEvery, TimeProvider time, ILogger<ErasureService> log) : BackgroundService
{
    /// <summary>Checkpoints after erasures are at least this far apart (a burst of erasures shares one).</summary>
    public static readonly TimeSpan CheckpointGap = TimeSpan.FromSeconds(2);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile bool _compactionDue;
    private DateTimeOffset _lastCompaction = DateTimeOffset.MinValue;

    /// <summary>Data was erased and the erasure committed: wipe it from the file soon, compact when the interval allows.</summary>
    public void Erased()
    {
        _compactionDue = true;
        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await NextWake(ct);
            try
            {
                await db.Checkpoint();
                if (_compactionDue && time.GetUtcNow() - _lastCompaction >= compactEvery)
                {
                    _compactionDue = false;
                    _lastCompaction = time.GetUtcNow();
                    var started = time.GetTimestamp();
                    try { await db.Compact(); }
                    catch { _compactionDue = true; throw; } // tried again after the next interval
                    LogCompacted(time.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The erasure is committed either way; the checkpoint of the next wake or of the housekeeping wipes it.
                LogFailed(e, compactEvery.TotalMinutes);
            }
            await Task.Delay(CheckpointGap, time, ct);
        }
    }

    // Woken by an erasure, or when a compaction that had to wait for its interval is due.
    private async Task NextWake(CancellationToken ct)
    {
        var reader = _wake.Reader.WaitToReadAsync(ct).AsTask();
        if (_compactionDue && _lastCompaction + compactEvery - time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
            await Task.WhenAny(reader, Task.Delay(wait, time, ct));
        else if (!_compactionDue) await reader;
        ct.ThrowIfCancellationRequested();
        _wake.Reader.TryRead(out _);
    }

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Database file rewritten after erasures in {Milliseconds:0} ms")]
    private partial void LogCompacted(double milliseconds);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "Wiping erased data from the database file failed; the erasure stands, the next checkpoint wipes it and the file is rewritten in {Minutes} minutes")]
    private partial void LogFailed(Exception e, double minutes);
}
