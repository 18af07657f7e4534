using System.Diagnostics;
using System.Text;

namespace BennBot.Worker.Events;

/// <summary>What BennBot reads of an .ics file, checked on the raw text before Ical.Net parses it. Calendar files come
/// from outside programs, and Ical.Net's work grows with them: one event with 59,000 EXDATE values (1 MB) held a core
/// for 140 s (issue 19). A neighbourhood calendar stays far below every limit here; each message names its limit.</summary>
public static class CalendarLimits
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxLines = 20_000;
    public const int MaxEvents = 1_000;
    /// <summary>EXDATE and RDATE values in the whole file (a value list counts each value).</summary>
    public const int MaxDates = 1_000;
    /// <summary>How long reading one file may take, parse and expansion together; the reader stops at the next occurrence.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <exception cref="CalendarFormatException">A limit is exceeded; the message names it.</exception>
    public static void Check(string icsText)
    {
        if (Encoding.UTF8.GetByteCount(icsText) > MaxBytes)
            throw new CalendarFormatException($"The calendar file is larger than {MaxBytes / 1024 / 1024} MB, BennBot's limit.");
        var (lines, events, dates) = (0, 0, 0);
        var current = new StringBuilder();
        foreach (var raw in icsText.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            // RFC 5545 §3.1: a line that starts with a space or tab continues the one before.
            if (line.Length > 0 && line[0] is ' ' or '\t') { current.Append(line, 1, line.Length - 1); continue; }
            dates += Dates(current);
            current.Clear().Append(line);
            if (++lines > MaxLines) throw new CalendarFormatException($"The calendar file has more than {MaxLines:N0} lines, BennBot's limit; please export only current events.");
            if (line.Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase) && ++events > MaxEvents)
                throw new CalendarFormatException($"The calendar file has more than {MaxEvents:N0} events, BennBot's limit; please export only current events.");
            if (dates > MaxDates) break;
        }
        dates += Dates(current);
        if (dates > MaxDates)
            throw new CalendarFormatException($"The calendar file has more than {MaxDates:N0} EXDATE/RDATE dates (exceptions and extra dates of repeating events), BennBot's limit.");
    }

    /// <summary>How many values an EXDATE or RDATE line lists; 0 for any other line.</summary>
    private static int Dates(StringBuilder line)
    {
        var text = line.ToString();
        if (!text.StartsWith("EXDATE", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("RDATE", StringComparison.OrdinalIgnoreCase)) return 0;
        var name = text.IndexOfAny([':', ';']) is var end and > 0 ? text[..end] : text;
        if (!name.Equals("EXDATE", StringComparison.OrdinalIgnoreCase) && !name.Equals("RDATE", StringComparison.OrdinalIgnoreCase)) return 0;
        var colon = text.IndexOf(':'); // parameters (TZID=…) come before it; a quoted parameter with ':' only makes the count higher
        return colon < 0 ? 0 : 1 + text.AsSpan(colon + 1).Count(',');
    }

    /// <summary>Throws once the budget of a read that started at <paramref name="started"/> is spent.</summary>
    internal static void CheckTime(long started)
    {
        if (Stopwatch.GetElapsedTime(started) > Budget) throw TooSlow();
    }

    internal static CalendarFormatException TooSlow() =>
        new($"Reading the calendar file took more than {Budget.TotalSeconds:0} seconds, BennBot's limit; please send a smaller file (fewer events, repeats or exceptions).");
}
