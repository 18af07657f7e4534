using BennBot.Worker.Events;
using BennBot.Worker.Hosting;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Terminal;

/// <summary><c>events import FILE.ics</c>, for a stopped bot: the file's events (recurrences expanded for the
/// next year) become drafts that staff review, set area and kind, and send from /desk; a re-import with the same
/// UID updates them instead of adding duplicates. (A running bot takes the same file sent to it in the staff chat.)</summary>
public static class EventsCommand
{
    public static async Task<int> Import(BennBotOptions options, string file, TextWriter output, DateTime now)
    {
        if (!File.Exists(file)) throw new StartupException($"There is no file {Path.GetFullPath(file)} (with dotnet run --project, relative paths start in the project folder; give the full path).", ExitCodes.NotConfigured);
        if (new FileInfo(file).Length > CalendarLimits.MaxBytes)
            throw new StartupException($"{file} is larger than {CalendarLimits.MaxBytes / 1024 / 1024} MB; that is not a calendar of neighbourhood events.", ExitCodes.NotConfigured);
        IReadOnlyList<ImportedEvent> events;
        try { events = EventCalendar.Read(await File.ReadAllTextAsync(file), now.AddDays(-1), now.AddDays(366)); }
        catch (CalendarFormatException e) { throw new StartupException($"{file}: {e.Message}", ExitCodes.NotConfigured); }
        using var db = StoppedDatabase.Open(options, "While it runs, send the .ics file to the bot in the staff chat instead.");
        var series = EventSeries.Group(events); // a repeating event is one draft with its dates
        var known = db.Read(d => series.Count(x => EventStore.FindByUid(d, x.Uid) is not null));
        await db.Write(d => EventEffectStore.Apply(d, new ImportEvents(events, 0, 0), now));
        output.WriteLine($"{events.Count} date(s) of {series.Count} event(s) read from {file}: {series.Count - known} new draft(s), {known} updated. Staff open them with /desk.");
        return ExitCodes.Ok;
    }
}
