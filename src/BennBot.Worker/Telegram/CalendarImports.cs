using BennBot.Worker.Events;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace BennBot.Worker.Telegram;

/// <summary>Downloads and reads the .ics files staff send, one at a time, on a thread of their own and within
/// <see cref="CalendarLimits.Budget"/>, instead of on an update worker: a large calendar held a worker partition, and
/// every chat in it, for 140 s (issue 19). The update stays saved and unhandled meanwhile; once its file is read it
/// goes back to its chat's worker, which hands the result to the conversation like any other update.</summary>
public sealed partial class CalendarImports(ITelegramBotClient bot, TimeProvider time, ILogger<CalendarImports> log)
{
    private readonly Dictionary<long, Task<CalendarRead>> _reads = [];
    private readonly SemaphoreSlim _one = new(1, 1); // one file at a time: at most one core, whatever staff send
    private Func<long, long, CancellationToken, ValueTask>? _requeue;

    /// <summary>Set once by <see cref="UpdateWorkers"/>, which owns the queues (it depends on the processor, so it
    /// cannot be injected here).</summary>
    public void Attach(Func<long, long, CancellationToken, ValueTask> requeue) => _requeue = requeue;

    /// <summary>The read calendar of this update once it is ready (the result is handed out once; a failed download
    /// throws when awaited, so the update's usual retries apply); null while it is being read, and the first time,
    /// when the read starts. The update is queued again for its chat when the read ends.</summary>
    public Task<CalendarRead>? Take(long updateId, long chatKey, string fileId)
    {
        lock (_reads)
        {
            if (_reads.TryGetValue(updateId, out var read))
            {
                if (!read.IsCompleted) return null;
                _reads.Remove(updateId);
                return read;
            }
            read = Read(fileId);
            _reads[updateId] = read;
            _ = read.ContinueWith(async _ =>
            {
                try { if (_requeue is { } requeue) await requeue(updateId, chatKey, CancellationToken.None); }
                catch (Exception e) { LogRequeueFailed(e, updateId); } // the housekeeping sweep queues it again
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return null;
        }
    }

    private async Task<CalendarRead> Read(string fileId)
    {
        await _one.WaitAsync();
        var released = false;
        try
        {
            using var file = new MemoryStream();
            await bot.GetInfoAndDownloadFile(fileId, file);
            if (file.Length > CalendarLimits.MaxBytes) return CalendarRead.Failed(new CalendarFormatException($"The calendar file is larger than {CalendarLimits.MaxBytes / 1024 / 1024} MB, BennBot's limit.").Message);
            var text = System.Text.Encoding.UTF8.GetString(file.GetBuffer(), 0, (int)file.Length);
            var now = time.GetUtcNow().UtcDateTime;
            // Ical.Net's parse cannot be interrupted: the limits keep it short, and the staff member hears when the
            // budget is spent even if the parse is still running; the next file waits until it has ended.
            var reading = Task.Factory.StartNew(() => CalendarRead.Of(text, now), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            _ = reading.ContinueWith(_ => _one.Release(), TaskScheduler.Default);
            released = true;
            try { return await reading.WaitAsync(CalendarLimits.Budget + TimeSpan.FromSeconds(1)); }
            catch (TimeoutException)
            {
                LogTooSlow(CalendarLimits.Budget.TotalSeconds);
                return CalendarRead.Failed(CalendarLimits.TooSlow().Message);
            }
        }
        finally
        {
            if (!released) _one.Release();
        }
    }

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Reading a calendar file took longer than {Seconds} s; staff were told")]
    private partial void LogTooSlow(double seconds);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Update {UpdateId} could not be queued again after its calendar file was read; the sweep will")]
    private partial void LogRequeueFailed(Exception e, long updateId);
}
