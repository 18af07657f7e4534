using BennBot.Worker.Events;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace BennBot.Worker.Telegram;

/// <summary>Downloads and reads the .ics files staff send, one at a time, on a thread of their own and within
/// <see cref="CalendarLimits.Budget"/>, instead of on an update worker: a large calendar held a worker partition, and
/// every chat in it, for 140 s (issue 19). The update stays saved and unhandled meanwhile; once its file is read it
/// goes back to its chat's worker (which queues it again when the read it was handed ends: <see cref="Calendar.Started"/>),
/// which hands the result to the conversation like any other update.</summary>
public sealed partial class CalendarImports(ITelegramBotClient bot, TimeProvider time, ILogger<CalendarImports> log)
{
    private readonly Dictionary<long, Task<CalendarRead>> _reads = [];
    private readonly SemaphoreSlim _one = new(1, 1); // one file at a time: at most one core, whatever staff send

    /// <summary>This update's calendar: <c>Ready</c> once it is read (handed out once; a failed download throws when
    /// awaited, so the update's usual retries apply). While it is being read, <c>Ready</c> is null; the first time, when
    /// the read starts, <c>Started</c> is the read, for the caller to queue the update again when it ends (issue 14: this
    /// was a callback set on this class at run time by the worker queues, which depend on it).</summary>
    public Calendar Take(long updateId, string fileId)
    {
        lock (_reads)
        {
            if (_reads.TryGetValue(updateId, out var read))
            {
                if (!read.IsCompleted) return new(null, null);
                _reads.Remove(updateId);
                return new(read, null);
            }
            read = Read(fileId);
            _reads[updateId] = read;
            return new(null, read);
        }
    }

    public readonly record struct Calendar(Task<CalendarRead>? Ready, Task? Started);

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
}
