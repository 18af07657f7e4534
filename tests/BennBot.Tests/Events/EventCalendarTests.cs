using System.Text;
using BennBot.Worker.Events;

namespace BennBot.Tests.Events;

public sealed class EventCalendarTests
{
    private static readonly DateTime From = Utc(2026, 3, 1, 0, 0);
    private static readonly DateTime Until = Utc(2026, 5, 1, 0, 0);

    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    /// <summary>A VCALENDAR around the given VEVENT bodies (lines separated by \n, as some exporters write them).</summary>
    private static string Ics(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n"
        + string.Concat(events.Select(e => "BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\n" + e.Trim().ReplaceLineEndings("\r\n") + "\r\nEND:VEVENT\r\n"))
        + "END:VCALENDAR\r\n";

    private static IReadOnlyList<ImportedEvent> Read(string ics) => EventCalendar.Read(ics, From, Until);

    private const string Weekly = """
        UID:weekly-1
        DTSTART;TZID=Europe/Berlin:20260316T180000
        DTEND;TZID=Europe/Berlin:20260316T193000
        RRULE:FREQ=WEEKLY;COUNT=4
        SUMMARY:Sprachcafé
        LOCATION:Nachbarschaftshaus
        """;

    [Fact]
    public void A_weekly_event_keeps_its_local_time_across_the_March_clock_change()
    {
        var events = Read(Ics(Weekly));

        Assert.Equal(
            [Utc(2026, 3, 16, 17, 0), Utc(2026, 3, 23, 17, 0), Utc(2026, 3, 30, 16, 0), Utc(2026, 4, 6, 16, 0)],
            events.Select(e => e.StartUtc));
        Assert.All(events, e => Assert.Equal(new TimeSpan(18, 0, 0), BerlinTime.ToLocal(e.StartUtc).TimeOfDay));
        Assert.All(events, e => Assert.Equal(TimeSpan.FromMinutes(90), e.EndUtc - e.StartUtc));
        Assert.All(events, e => Assert.Equal(DateTimeKind.Utc, e.StartUtc.Kind));
        Assert.Equal(
            ["weekly-1#20260316T1800", "weekly-1#20260323T1800", "weekly-1#20260330T1800", "weekly-1#20260406T1800"],
            events.Select(e => e.Uid));
        Assert.All(events, e => Assert.Equal(("Sprachcafé", "Nachbarschaftshaus"), (e.Title, e.Place)));
    }

    [Fact]
    public void A_UTC_event_is_read_with_its_fields_and_keeps_its_UID()
    {
        var e = Assert.Single(Read(Ics("""
            UID:utc-1@example.org
            DTSTART:20260401T100000Z
            DTEND:20260401T113000Z
            SUMMARY:  Mieterberatung
            DESCRIPTION:Bitte Unterlagen mitbringen
            LOCATION:Büro\, Raum 2
            URL:https://example.org/beratung
            """)));

        Assert.Equal(new ImportedEvent("utc-1@example.org", Utc(2026, 4, 1, 10, 0), Utc(2026, 4, 1, 11, 30), "Mieterberatung",
            "Bitte Unterlagen mitbringen", "Büro, Raum 2", "https://example.org/beratung"), e);
        Assert.Equal(DateTimeKind.Utc, e.EndUtc.Kind);
    }

    [Fact]
    public void A_floating_time_is_Berlin_time_and_an_event_without_end_lasts_an_hour()
    {
        var events = Read(Ics("""
            UID:floating-summer
            DTSTART:20260401T100000
            SUMMARY:Summer
            """, """
            UID:floating-winter
            DTSTART:20260315T100000
            DURATION:PT2H
            SUMMARY:Winter
            """));

        var winter = events.Single(e => e.Title == "Winter");
        Assert.Equal((Utc(2026, 3, 15, 9, 0), Utc(2026, 3, 15, 11, 0)), (winter.StartUtc, winter.EndUtc));
        var summer = events.Single(e => e.Title == "Summer");
        Assert.Equal((Utc(2026, 4, 1, 8, 0), Utc(2026, 4, 1, 9, 0)), (summer.StartUtc, summer.EndUtc));
        Assert.Equal("floating-summer", summer.Uid);
    }

    [Fact]
    public void A_floating_weekly_event_keeps_its_local_time_across_the_clock_change_and_honours_a_floating_EXDATE()
    {
        var events = Read(Ics("""
            UID:floating-weekly
            DTSTART:20260325T180000
            RRULE:FREQ=WEEKLY;COUNT=3
            EXDATE:20260401T180000
            SUMMARY:Hausaufgabenhilfe
            """));

        Assert.Equal(
            [("floating-weekly#20260325T1800", Utc(2026, 3, 25, 17, 0)), ("floating-weekly#20260408T1800", Utc(2026, 4, 8, 16, 0))],
            events.Select(e => (e.Uid, e.StartUtc)));
    }

    [Fact]
    public void An_all_day_event_starts_at_midnight_in_Berlin_and_ends_at_DTEND_or_a_day_later()
    {
        var events = Read(Ics("""
            UID:day-1
            DTSTART;VALUE=DATE:20260401
            SUMMARY:Kiezfest
            """, """
            UID:days-2
            DTSTART;VALUE=DATE:20260410
            DTEND;VALUE=DATE:20260412
            SUMMARY:Ferienprogramm
            """));

        Assert.Equal(
            [("day-1", Utc(2026, 3, 31, 22, 0), Utc(2026, 4, 1, 22, 0)), ("days-2", Utc(2026, 4, 9, 22, 0), Utc(2026, 4, 11, 22, 0))],
            events.Select(e => (e.Uid, e.StartUtc, e.EndUtc)));
    }

    [Fact]
    public void An_EXDATE_removes_an_occurrence()
    {
        var events = Read(Ics(Weekly + "\nEXDATE;TZID=Europe/Berlin:20260323T180000"));

        Assert.Equal(["weekly-1#20260316T1800", "weekly-1#20260330T1800", "weekly-1#20260406T1800"], events.Select(e => e.Uid));
    }

    [Fact]
    public void A_RECURRENCE_ID_override_moves_one_occurrence_which_keeps_its_identity()
    {
        var events = Read(Ics(Weekly, """
            UID:weekly-1
            RECURRENCE-ID;TZID=Europe/Berlin:20260330T180000
            DTSTART;TZID=Europe/Berlin:20260331T190000
            DTEND;TZID=Europe/Berlin:20260331T200000
            SUMMARY:Sprachcafé (am Dienstag)
            """));

        Assert.Equal(4, events.Count);
        var moved = events.Single(e => e.Uid == "weekly-1#20260330T1800");
        Assert.Equal((Utc(2026, 3, 31, 17, 0), Utc(2026, 3, 31, 18, 0)), (moved.StartUtc, moved.EndUtc));
        Assert.Equal("Sprachcafé (am Dienstag)", moved.Title);
        Assert.Null(moved.Place);  // the override replaces the whole occurrence
        Assert.DoesNotContain(events, e => e.StartUtc == Utc(2026, 3, 30, 16, 0));
    }

    [Fact]
    public void Cancelled_events_and_a_cancelled_occurrence_are_skipped()
    {
        var events = Read(Ics(Weekly, """
            UID:weekly-1
            RECURRENCE-ID;TZID=Europe/Berlin:20260323T180000
            DTSTART;TZID=Europe/Berlin:20260323T180000
            SUMMARY:Sprachcafé
            STATUS:CANCELLED
            """, """
            UID:gone
            DTSTART:20260401T100000Z
            SUMMARY:Abgesagt
            STATUS:CANCELLED
            """));

        Assert.Equal(["weekly-1#20260316T1800", "weekly-1#20260330T1800", "weekly-1#20260406T1800"], events.Select(e => e.Uid));
    }

    [Fact]
    public void Events_outside_the_window_or_without_summary_are_skipped()
    {
        var events = Read(Ics("""
            UID:before
            DTSTART:20260228T230000Z
            DTEND:20260301T020000Z
            SUMMARY:Overlaps the start of the window
            """, """
            UID:first
            DTSTART:20260301T000000Z
            SUMMARY:At the start of the window
            """, """
            UID:after
            DTSTART:20260501T000000Z
            SUMMARY:At the end of the window
            """, """
            UID:later
            DTSTART;TZID=Europe/Berlin:20260601T100000
            SUMMARY:Later
            """, """
            UID:untitled
            DTSTART:20260401T100000Z
            SUMMARY:
            """, """
            UID:no-summary
            DTSTART:20260401T100000Z
            """));

        Assert.Equal("first", Assert.Single(events).Uid);
    }

    [Fact]
    public void Occurrence_ids_are_the_same_on_every_read_also_for_an_event_without_UID()
    {
        var ics = Ics(Weekly, """
            DTSTART:20260401T100000Z
            SUMMARY:Ohne UID
            """, """
            DTSTART:20260402T100000Z
            SUMMARY:Auch ohne UID
            """);

        var first = Read(ics).Select(e => e.Uid).ToList();
        var second = Read(ics).Select(e => e.Uid).ToList();

        Assert.Equal(first, second);
        Assert.Equal(6, first.Distinct().Count());
        Assert.All(first.Where(u => !u.StartsWith("weekly-1#", StringComparison.Ordinal)), u => Assert.StartsWith("bennbot-", u));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("<html><body>BEGIN:VCALENDAR</body></html>")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260401T100000Z\r\nSUMMARY:x\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")]
    public void Text_that_is_no_calendar_is_refused_with_a_sentence(string text)
    {
        var e = Assert.Throws<CalendarFormatException>(() => Read(text));
        Assert.EndsWith(".", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void An_unknown_time_zone_a_rule_that_never_matches_too_many_events_and_a_huge_file_are_refused()
    {
        Assert.Contains("Mars/Olympus", Assert.Throws<CalendarFormatException>(() => Read(Ics("""
            UID:tz
            DTSTART;TZID=Mars/Olympus:20260401T100000
            SUMMARY:x
            """))).Message);
        Assert.Throws<CalendarFormatException>(() => Read(Ics("""
            UID:never
            DTSTART:20260401T100000Z
            RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30
            SUMMARY:x
            """)));
        Assert.Contains("500", Assert.Throws<CalendarFormatException>(() => EventCalendar.Read(Ics("""
            UID:daily
            DTSTART:20260101T100000Z
            RRULE:FREQ=DAILY
            SUMMARY:x
            """), From, From.AddYears(2))).Message);
        Assert.Contains("Kaputt", Assert.Throws<CalendarFormatException>(() => Read(Ics("""
            UID:backwards
            DTSTART:20260401T100000Z
            DTEND:20260301T100000Z
            SUMMARY:Kaputt
            """))).Message);
        Assert.Throws<CalendarFormatException>(() => Read(Ics("UID:big\nDTSTART:20260401T100000Z\nSUMMARY:x\nDESCRIPTION:" + new string('x', 1024 * 1024))));
    }

    [Fact]
    public void A_Windows_time_zone_name_is_understood()
    {
        var e = Assert.Single(Read(Ics("""
            UID:outlook
            DTSTART;TZID=W. Europe Standard Time:20260401T100000
            DTEND;TZID=W. Europe Standard Time:20260401T110000
            SUMMARY:Outlook
            """)));
        Assert.Equal(Utc(2026, 4, 1, 8, 0), e.StartUtc);
    }

    [Fact]
    public void A_written_event_reads_back_the_same_and_the_text_is_escaped()
    {
        const string title = "Kaffee, Kuchen; Gespräch – قهوة وكعك";
        const string place = "Büro Weißensee, Straße 5";
        const string description = "Für alle Nachbarn.\nمرحباً بالجميع";
        var (start, end) = (Utc(2026, 4, 1, 16, 0), Utc(2026, 4, 1, 18, 30));

        var bytes = EventCalendar.Write("evt-42@bennbot", start, end, title, description, place, "https://example.org/kaffee");
        var text = Encoding.UTF8.GetString(bytes);

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.Contains("PRODID:-//BENN Weißensee//BennBot//DE", text);
        Assert.Contains("METHOD:PUBLISH", text);
        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260401T180000", text);
        Assert.Contains("DTEND;TZID=Europe/Berlin:20260401T203000", text);
        Assert.Contains(@"Kaffee\, Kuchen\; Gespräch", Unfold(text));
        Assert.DoesNotContain("STATUS", text);

        var e = Assert.Single(EventCalendar.Read(text, start.AddDays(-1), start.AddDays(1)));
        Assert.Equal(new ImportedEvent("evt-42@bennbot", start, end, title, description, place, "https://example.org/kaffee"), e);
    }

    [Fact]
    public void A_written_event_leaves_out_what_is_missing_and_marks_a_cancellation()
    {
        var start = Utc(2026, 12, 24, 17, 0);
        var text = Encoding.UTF8.GetString(EventCalendar.Write("evt-43", start, start.AddHours(1), "Weihnachtsfeier", null, null, "javascript:alert(1)", cancelled: true));

        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261224T180000", text);
        Assert.Contains("STATUS:CANCELLED", text);
        Assert.DoesNotContain("\r\nURL", text);
        Assert.DoesNotContain("\r\nLOCATION", text);  // X-LIC-LOCATION of the VTIMEZONE is there
        Assert.DoesNotContain("\r\nDESCRIPTION", text);
        Assert.Empty(EventCalendar.Read(text, start.AddDays(-1), start.AddDays(1)));  // cancelled events are not imported
    }

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    /// <summary>One daily event with <paramref name="exdates"/> EXDATE values on one folded line, as in issue 19.</summary>
    private static string WithExdates(int exdates)
    {
        var values = string.Join(",", Enumerable.Range(0, exdates).Select(i => Utc(2026, 4, 2, 10, 0).AddMinutes(i).ToString("yyyyMMdd'T'HHmmss'Z'")));
        var line = "EXDATE:" + values;
        var folded = new StringBuilder(line[..75]);
        for (var i = 75; i < line.Length; i += 74) folded.Append("\r\n ").Append(line.AsSpan(i, Math.Min(74, line.Length - i)));
        return Ics($"UID:exdates\nDTSTART:20260401T100000Z\nRRULE:FREQ=DAILY;COUNT=1\nSUMMARY:Kiezcafé\n{folded}");
    }

    // Issue 19: this file (59,000 EXDATE values, 1 MB) held one core for 140 s inside Ical.Net and stalled a worker.
    [Fact]
    public void A_calendar_with_59000_exdates_is_refused_before_ical_net_reads_it_naming_the_limit()
    {
        var ics = WithExdates(59_000);
        Assert.True(Encoding.UTF8.GetByteCount(ics) is > 1_000_000 and <= CalendarLimits.MaxBytes);

        var e = Assert.Throws<CalendarFormatException>(() => Read(ics)); // Ical.Net took 140 s, then read it
        Assert.Equal("The calendar file has more than 1,000 EXDATE/RDATE dates (exceptions and extra dates of repeating events), BennBot's limit.", e.Message);

        Assert.Single(Read(WithExdates(1_000))); // at the limit the file is read, and its one occurrence found
    }

    [Fact]
    public void Calendars_with_too_many_events_or_lines_are_refused_naming_the_limit()
    {
        var many = Ics([.. Enumerable.Range(0, CalendarLimits.MaxEvents + 1).Select(i => $"UID:e{i}\nDTSTART:20260401T100000Z\nSUMMARY:x")]);
        Assert.Equal("The calendar file has more than 1,000 events, BennBot's limit; please export only current events.",
            Assert.Throws<CalendarFormatException>(() => Read(many)).Message);

        var rdates = Ics("UID:r\nDTSTART:20260401T100000Z\nSUMMARY:x\n" + string.Join("\n", Enumerable.Range(0, 1_001).Select(i => $"RDATE:{Utc(2026, 4, 2, 10, 0).AddHours(i):yyyyMMdd'T'HHmmss'Z'}")));
        Assert.Contains("1,000 EXDATE/RDATE dates", Assert.Throws<CalendarFormatException>(() => Read(rdates)).Message);

        var lines = Ics("UID:l\nDTSTART:20260401T100000Z\nSUMMARY:x\n" + string.Join("\n", Enumerable.Range(0, CalendarLimits.MaxLines).Select(i => $"X-NOTE:{i}")));
        Assert.Contains("more than 20,000 lines", Assert.Throws<CalendarFormatException>(() => Read(lines)).Message);
    }
}
