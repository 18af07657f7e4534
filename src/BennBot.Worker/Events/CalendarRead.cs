namespace BennBot.Worker.Events;

/// <summary>A staff member's .ics file as read off the update workers: its events, or the one sentence that says why it
/// could not be read (a limit of <see cref="CalendarLimits"/>, or what is wrong with the file).</summary>
public sealed record CalendarRead(IReadOnlyList<ImportedEvent> Events, string? Problem = null)
{
    public static CalendarRead Failed(string problem) => new([], problem);

    /// <summary>Reads <paramref name="icsText"/> for the window from a day ago to a year ahead, on the calling thread;
    /// the caller decides which thread that is and how long it waits (see CalendarImports).</summary>
    public static CalendarRead Of(string icsText, DateTime nowUtc)
    {
        try { return new(EventCalendar.Read(icsText, nowUtc.AddDays(-1), nowUtc.AddDays(366))); }
        catch (CalendarFormatException e) { return Failed(e.Message); }
    }
}
