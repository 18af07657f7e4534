using System.Diagnostics;
using System.Text;
using BennBot.FakeTelegram;
using BennBot.Worker.Events;

/// <summary>The .ics case of issue 19 (item 5): one event with RRULE:FREQ=DAILY;COUNT=1 and 59,000 EXDATE values, just
/// under 1 MB. Measures (1) how long EventCalendar.Read takes on it in process, and (2) with the bot as a real process
/// (default 8 workers), staff sending it to the staff chat while a resident whose chat falls in the staff chat's worker
/// partition asks /help every 2 s: how long that resident waits, and how long until staff hear about their file.</summary>
public static class CalendarAttackBenchmark
{
    private const long StaffChat = -100500, Staff = 900;

    public static string Build(int exdates)
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\nUID:bench-1\r\n");
        var start = DateTime.UtcNow.Date.AddDays(2).AddHours(10);
        text.Append($"DTSTAMP:{start:yyyyMMdd'T'HHmmss'Z'}\r\nDTSTART:{start:yyyyMMdd'T'HHmmss'Z'}\r\nDTEND:{start.AddHours(1):yyyyMMdd'T'HHmmss'Z'}\r\n");
        text.Append("SUMMARY:Kiezcafé\r\nRRULE:FREQ=DAILY;COUNT=1\r\n");
        var line = new StringBuilder("EXDATE:");
        for (var i = 0; i < exdates; i++) line.Append(i == 0 ? "" : ",").Append(start.AddDays(1).AddMinutes(i).ToString("yyyyMMdd'T'HHmmss'Z'"));
        // Folded at 75 octets (RFC 5545 §3.1), as calendar programs write it.
        var unfolded = line.ToString();
        text.Append(unfolded[..75]).Append("\r\n");
        for (var i = 75; i < unfolded.Length; i += 74) text.Append(' ').Append(unfolded.AsSpan(i, Math.Min(74, unfolded.Length - i))).Append("\r\n");
        text.Append("END:VEVENT\r\nEND:VCALENDAR\r\n");
        return text.ToString();
    }

    public static async Task Run(string token, int exdates, TimeSpan watchFor)
    {
        var ics = Build(exdates);
        Console.WriteLine($".ics attack: one event, RRULE:FREQ=DAILY;COUNT=1, {exdates:N0} EXDATE values, {Encoding.UTF8.GetByteCount(ics):N0} bytes");

        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        string result;
        try { result = $"{EventCalendar.Read(ics, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(366)).Count} occurrence(s)"; }
        catch (CalendarFormatException e) { result = "refused: " + e.Message; }
        Console.WriteLine($"  EventCalendar.Read in process: {watch.Elapsed.TotalSeconds:0.00} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s CPU; {result}");

        await using var api = await new FakeBotApi(token).Start();
        api.AddFile("ics-1", Encoding.UTF8.GetBytes(ics), "kalender.ics");
        var dir = Directory.CreateTempSubdirectory("bennbot-bench-").FullName;
        using var bot = WorkerProcess.Start(api, Path.Combine(dir, "b.db"), ("BennBot__Staff__ChatId", StaffChat.ToString()), ("BennBot__Staff__UserIds__0", Staff.ToString()));
        // A resident whose chat the 8 workers put in the same partition as the staff chat.
        var resident = Enumerable.Range(8_000_000, 8).First(id => (ulong)id % 8 == unchecked((ulong)StaffChat) % 8);
        api.SendText(resident, "/start", "en");
        await api.WaitFor(() => { bot.EnsureRunning(); return api.DeliveredTo(resident) > 0 ? api : null; }, TimeSpan.FromMinutes(2), "the first answer");

        watch.Restart();
        api.SendDocument(StaffChat, Staff, "ics-1", "kalender.ics");
        var asked = new List<TimeSpan>();
        var waits = new List<double>();
        var answered = api.DeliveredTo(resident);
        TimeSpan? staffHeard = null;
        var next = TimeSpan.Zero;
        while (watch.Elapsed < watchFor && (staffHeard is null || waits.Count < asked.Count))
        {
            if (watch.Elapsed >= next && staffHeard is null)
            {
                api.SendText(resident, "/help", "en");
                asked.Add(watch.Elapsed);
                next += TimeSpan.FromSeconds(2); // under the flood limit (8 updates in 10 s), so none is dropped
            }
            for (var now = api.DeliveredTo(resident); answered < now; answered++)
                if (waits.Count < asked.Count) waits.Add((watch.Elapsed - asked[waits.Count]).TotalSeconds);
            if (staffHeard is null && api.DeliveredTo(StaffChat) > 0) staffHeard = watch.Elapsed;
            bot.EnsureRunning();
            await Task.Delay(10);
        }
        var reply = api.MessagesTo(StaffChat).FirstOrDefault()?.Text;
        await bot.Stop(TimeSpan.FromMinutes(2));
        Directory.Delete(dir, true);
        waits.Sort();
        Console.WriteLine($"  bot as a process: staff heard back after {(staffHeard is { } h ? $"{h.TotalSeconds:0.0} s" : $"more than {watchFor.TotalSeconds:0} s")}: \"{reply}\"");
        Console.WriteLine($"  a resident in the staff chat's worker partition, /help every 2 s meanwhile: {asked.Count} asked, {waits.Count} answered; "
            + $"wait p50 {(waits.Count > 0 ? waits[waits.Count / 2] : double.NaN):0.00} s, max {(waits.Count > 0 ? waits[^1] : double.NaN):0.00} s");
    }
}
