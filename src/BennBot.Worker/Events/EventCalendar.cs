using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using Ical.Net.Serialization;
using Calendar = Ical.Net.Calendar;

namespace BennBot.Worker.Events;

/// <summary>One event occurrence read from an .ics file. Times in UTC (<see cref="DateTimeKind.Utc"/>). Series: the UID
/// of the repeating event it is a date of (its occurrences are one event with dates: <see cref="EventSeries"/>).</summary>
public sealed record ImportedEvent(string Uid, DateTime StartUtc, DateTime EndUtc, string Title, string? Description, string? Place, string? Link, string? Series = null);

/// <summary>An .ics text that cannot be read; the message is one plain sentence for the staff member who sent it.</summary>
public sealed class CalendarFormatException(string message) : Exception(message);

/// <summary>Reading event calendars (.ics) and writing one event as an .ics for "add to calendar", with Ical.Net 5
/// (shared/notes/libraries.md, §3).</summary>
public static class EventCalendar
{
    internal const int MaxOccurrences = 500;

    private const string ProductId = "-//BENN Weißensee//BennBot//DE";
    private const string MissingUidMarker = "bennbot-missing-uid-";

    // Expansion is open-ended: a day of slack either side covers floating and all-day times, which Ical.Net orders
    // as if they were UTC; occurrences looked at (also skipped ones) are capped so a per-second rule cannot stall us.
    private static readonly TimeSpan Slack = TimeSpan.FromDays(1);
    private const int MaxExamined = 10 * MaxOccurrences;
    private const int MaxUnmatchedIncrements = 100_000;

    /// <summary>Reads the VEVENTs of an iCalendar text. Recurring events (RRULE, RDATE) are expanded into one event
    /// per occurrence that starts in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>); EXDATEs and
    /// RECURRENCE-ID overrides are applied. The Uid of an occurrence of a recurring event is
    /// "{UID}#{yyyyMMddTHHmm}" of its original Europe/Berlin start (for an override, its RECURRENCE-ID, so a moved
    /// occurrence keeps its identity); a non-recurring event keeps its UID, and one without a UID gets a stable one
    /// from a hash of summary and start. TZID times are resolved by Ical.Net (tzdb or Windows ids); floating times
    /// (no TZID, no Z) are Berlin time; all-day events start at 00:00 Berlin and end at DTEND (else one day later).
    /// Without DTEND the end is start + DURATION, else start + 1 hour. Link is the URL when it is an absolute http(s)
    /// URI. Skipped: cancelled events (STATUS:CANCELLED, also a cancelled single occurrence), events without SUMMARY
    /// or DTSTART. Throws
    /// <see cref="CalendarFormatException"/> when the text is not an iCalendar file, cannot be parsed, exceeds one of
    /// <see cref="CalendarLimits"/> (checked before Ical.Net sees the text; the expansion stops once the time budget
    /// is spent) or has more than <see cref="MaxOccurrences"/> occurrences in the window.</summary>
    /// <summary>Neighbourhood events repeat at most daily; rules that repeat by the hour, minute or second, or that start
    /// years back, would make the library walk through millions of dates before the first one we want.</summary>
    private static void CheckRepeats(Calendar calendar, DateTime from)
    {
        foreach (var e in calendar.Events)
        {
            if (e.RecurrenceRule is not { } rule) continue;
            if (rule.Frequency is FrequencyType.Secondly or FrequencyType.Minutely or FrequencyType.Hourly)
                throw new CalendarFormatException($"The event \"{e.Summary}\" repeats more often than daily; BennBot takes events that repeat daily, weekly, monthly or yearly.");
            if (e.DtStart is { } start && start.AsUtc < from.AddYears(-MaxYearsBack))
                throw new CalendarFormatException($"The repeating event \"{e.Summary}\" starts more than {MaxYearsBack} years ago; please export only current events.");
        }
    }

    private const int MaxYearsBack = 5;

    public static IReadOnlyList<ImportedEvent> Read(string icsText, DateTime fromUtc, DateTime untilUtc)
    {
        var started = Stopwatch.GetTimestamp();
        var (from, until) = (BerlinTime.AsUtc(fromUtc), BerlinTime.AsUtc(untilUtc));
        CalendarLimits.Check(icsText);
        var calendar = Load(icsText);
        CalendarLimits.CheckTime(started);
        if (until <= from) return [];
        CheckTimeZones(calendar);
        CheckEnds(calendar);
        CheckRepeats(calendar, from);
        var options = new EvaluationOptions { MaxUnmatchedIncrementsLimit = MaxUnmatchedIncrements };
        var result = new List<ImportedEvent>();
        var examined = 0;
        try
        {
            var occurrences = calendar.GetOccurrences<CalendarEvent>(Bound(from, -Slack), options)
                .TakeWhileBefore(Bound(until, Slack));
            foreach (var occurrence in occurrences)
            {
                if (++examined > MaxExamined) throw TooMany();
                CalendarLimits.CheckTime(started);
                if (ToEvent(occurrence) is not { } e || e.StartUtc < from || e.StartUtc >= until) continue;
                if (result.Count == MaxOccurrences) throw TooMany();
                result.Add(e);
            }
        }
        catch (EvaluationLimitExceededException)
        {
            throw new CalendarFormatException("The calendar has a repeat rule (RRULE) that never produces a date.");
        }
        catch (Exception e) when (e is not CalendarFormatException)
        {
            throw new CalendarFormatException($"The events of the calendar cannot be worked out ({e.Message}).");
        }
        return result.OrderBy(e => e.StartUtc).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
    }

    /// <summary>One event as an .ics file (UTF-8 bytes, no BOM), for "add to calendar": METHOD:PUBLISH, a
    /// Europe/Berlin VTIMEZONE and one VEVENT with its times in that zone. The URL is written only when it is an
    /// absolute http(s) URI; a cancelled event gets STATUS:CANCELLED.</summary>
    public static byte[] Write(string uid, DateTime startUtc, DateTime endUtc, string title, string? description, string? place, string? link, bool cancelled = false) =>
        Write(uid, [(startUtc, endUtc)], title, description, place, link, cancelled);

    /// <summary>A series' dates as one .ics file: a VEVENT per date, each with its own UID (the series' UID and the
    /// date), so a calendar app adds every date and a later file for the same series updates them.</summary>
    public static byte[] Write(string uid, IReadOnlyList<(DateTime StartUtc, DateTime EndUtc)> dates, string title, string? description, string? place,
        string? link, bool cancelled = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uid);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentOutOfRangeException.ThrowIfZero(dates.Count, nameof(dates));
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddTimeZone(BerlinTime.ZoneId, BerlinTime.ToLocal(dates[0].StartUtc), includeHistoricalData: false);
        var now = DateTime.UtcNow;
        foreach (var (startUtc, endUtc) in dates)
        {
            var (startLocal, endLocal) = (BerlinTime.ToLocal(startUtc), BerlinTime.ToLocal(endUtc));
            ArgumentOutOfRangeException.ThrowIfLessThan(BerlinTime.AsUtc(endUtc), BerlinTime.AsUtc(startUtc), nameof(dates));
            var e = new CalendarEvent
            {
                Uid = dates.Count == 1 ? uid : $"{uid}-{startLocal:yyyyMMdd}",
                DtStamp = new CalDateTime(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), CalDateTime.UtcTzId),
                DtStart = new CalDateTime(startLocal, BerlinTime.ZoneId),
                DtEnd = new CalDateTime(endLocal, BerlinTime.ZoneId),
                Summary = title.Trim(),
                Description = Blank(description),
                Location = Blank(place),
                Url = WebLink(link),
            };
            if (cancelled) e.Status = Ical.Net.EventStatus.Cancelled;
            calendar.Events.Add(e);
        }
        var text = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no calendar text.");
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
    }

    private static Calendar Load(string icsText)
    {
        var text = icsText.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!text.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
            throw new CalendarFormatException("This is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR.");
        IList<Calendar> calendars;
        try
        {
            calendars = CalendarCollection.Load(new StringReader(MarkMissingUids(text)));
        }
        catch (Exception e)
        {
            throw new CalendarFormatException($"The iCalendar file cannot be read ({e.Message.TrimEnd('.')}).");
        }
        return calendars.Count == 1
            ? calendars[0]
            : throw new CalendarFormatException("The iCalendar file must hold exactly one calendar (one BEGIN:VCALENDAR).");
    }

    // Ical.Net gives a VEVENT without UID a random one on every load, which would break re-import identity, so such
    // VEVENTs get a marker UID here and a hash of summary and start later (StableUid).
    private static string MarkMissingUids(string text)
    {
        var lines = text.Split('\n');
        var output = new StringBuilder(text.Length + 64);
        var (depth, eventDepth, hasUid, missing) = (0, -1, false, 0);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase))
            {
                depth++;
                if (line.Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase)) (eventDepth, hasUid) = (depth, false);
            }
            else if (line.StartsWith("END:", StringComparison.OrdinalIgnoreCase))
            {
                if (depth == eventDepth)
                {
                    if (!hasUid) output.Append("UID:").Append(MissingUidMarker).Append(missing++).Append("\r\n");
                    eventDepth = -1;
                }
                depth--;
            }
            else if (depth == eventDepth && (line.StartsWith("UID:", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("UID;", StringComparison.OrdinalIgnoreCase)))
            {
                hasUid = true;
            }
            output.Append(raw).Append('\n');
        }
        return output.ToString(0, output.Length - 1);
    }

    // A TZID that neither tzdb nor the Windows names know fails deep inside the expansion; name it instead.
    private static void CheckTimeZones(Calendar calendar)
    {
        var ids = calendar.Events
            .SelectMany(e => new[] { e.DtStart, e.DtEnd, e.RecurrenceIdentifier?.StartTime })
            .Select(t => t?.TzId).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            try
            {
                TimeZoneResolvers.TimeZoneResolver(id);
            }
            catch (Exception)
            {
                throw new CalendarFormatException($"The calendar uses the time zone \"{id}\", which is not known.");
            }
        }
    }

    // Ical.Net refuses the whole calendar over one negative duration; say which event it is.
    private static void CheckEnds(Calendar calendar)
    {
        foreach (var e in calendar.Events)
            if (e is { DtStart: { } start, DtEnd: { } end } && Utc(end) < Utc(start))
                throw new CalendarFormatException($"The event \"{e.Summary?.Trim()}\" ends before it starts.");
    }

    private static ImportedEvent? ToEvent(Occurrence occurrence)
    {
        if (occurrence.Source is not CalendarEvent e || occurrence.Period.StartTime is not { } start) return null;
        if (string.Equals(e.Status, Ical.Net.EventStatus.Cancelled, StringComparison.OrdinalIgnoreCase)) return null;
        if (e.Summary?.Trim() is not { Length: > 0 } title || e.DtStart is null) return null;

        var startUtc = Utc(start);
        var endUtc = start.HasTime && e.DtEnd is null && e.Duration is null
            ? startUtc.AddHours(1)
            : occurrence.Period.EffectiveEndTime is { } end ? Utc(end) : startUtc.AddHours(1);
        if (endUtc < startUtc) endUtc = startUtc;

        var uid = e.Uid is { } u && !u.StartsWith(MissingUidMarker, StringComparison.Ordinal) ? u : StableUid(title, e.DtStart);
        string? series = null;
        if (IsRecurring(e))
        {
            series = uid;
            var original = e.RecurrenceIdentifier?.StartTime is { } recurrenceId ? Utc(recurrenceId) : startUtc;
            uid += "#" + BerlinTime.ToLocal(original).ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);
        }
        return new ImportedEvent(uid, startUtc, endUtc, title, Blank(e.Description), Blank(e.Location), WebLink(e.Url?.OriginalString)?.OriginalString, series);
    }

    private static bool IsRecurring(CalendarEvent e) =>
        e.RecurrenceRule is not null || e.RecurrenceDates.GetAllPeriods().Any() || e.RecurrenceIdentifier is not null;

    /// <summary>UTC of an iCalendar time: zoned and UTC times as Ical.Net resolves them; floating times and dates
    /// (00:00) as Berlin wall-clock time (Ical.Net's AsUtc would take a floating time as UTC).</summary>
    private static DateTime Utc(CalDateTime t) => t.IsFloating || !t.HasTime
        ? BerlinTime.ToUtc(t.HasTime ? t.Value : t.Date.ToDateTime(default))
        : DateTime.SpecifyKind(t.AsUtc, DateTimeKind.Utc);

    private static CalDateTime Bound(DateTime utc, TimeSpan slack) => new(
        utc.Ticks + slack.Ticks is var ticks && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : utc,
        CalDateTime.UtcTzId);

    private static string StableUid(string title, CalDateTime start)
    {
        var key = $"{title}\n{start.Value:yyyyMMdd'T'HHmmss}\n{start.TzId}\n{start.HasTime}";
        return "bennbot-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Uri? WebLink(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    private static CalendarFormatException TooMany() =>
        new($"The calendar has more than {MaxOccurrences} events in this period; please send a shorter one.");
}
