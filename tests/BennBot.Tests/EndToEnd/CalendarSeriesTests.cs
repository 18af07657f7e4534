using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

/// <summary>An .ics file as calendars export them (issue 13): a weekly series is one draft that shows its rule and
/// dates, what the file never said (area, kind, cost) is not claimed to residents and is flagged to staff, and single
/// dates can be cancelled.</summary>
public sealed class CalendarSeriesTests
{
    private const long StaffChat = -100500, Staff = 900;
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];
    private static readonly ContentSet C = TestContent.Content;
    private static string T(string language, string key, params (string, object)[] args) => C.T(Languages.Find(language)!, key, args);

    [Fact]
    public async Task A_weekly_series_is_one_draft_with_its_rule_claims_nothing_the_file_did_not_say_and_single_dates_can_be_cancelled()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        var db = bot.Services.GetRequiredService<Database>();
        // Four Tuesdays at 15:00 Berlin time, starting in two to eight days.
        var first = BerlinTime.ToLocal(DateTime.UtcNow).Date.AddDays(2);
        while (first.DayOfWeek != DayOfWeek.Tuesday) first = first.AddDays(1);
        var ics = $"""
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//test//EN
            BEGIN:VEVENT
            UID:sprachcafe@example.org
            DTSTART;TZID=Europe/Berlin:{first:yyyyMMdd}T150000
            DTEND;TZID=Europe/Berlin:{first:yyyyMMdd}T170000
            RRULE:FREQ=WEEKLY;COUNT=4
            SUMMARY:Sprachcafé
            DESCRIPTION:Deutsch üben bei Kaffee.
            LOCATION:Stadtteilzentrum
            END:VEVENT
            END:VCALENDAR
            """.Replace("\n", "\r\n");
        api.AddFile("f1", System.Text.Encoding.UTF8.GetBytes(ics), "cafe.ics");
        api.SendDocument(StaffChat, Staff, "f1", "cafe.ics");
        await api.Received(StaffChat, T("en", "desk.imported", ("new", 1), ("updated", 0)));
        var e = Assert.Single(db.Read(d => EventStore.Events(d).FindAll().ToList()));
        Assert.Equal(4, e.Dates.Count);

        // Staff see the rule once, and what is not set yet, before they send.
        api.PressButton(Staff, $"Xo:{e.Id}", "en");
        var weekly = T("en", "event.series.weekly", ("day", T("en", "day.2")), ("time", "15:00–17:00"),
            ("from", first.ToString("dd.MM.yyyy")), ("until", first.AddDays(21).ToString("dd.MM.yyyy")));
        var review = await api.Received(Staff, weekly);
        Assert.Contains(Html.Escape(T("en", "desk.unset", ("fields", "Area, Kind, Cost"))), review.Text);

        // Residents are not told "free of charge", "elsewhere" or "other": nobody said so.
        api.PressButton(Staff, $"Xp:{e.Id}", "en");
        await api.Press(Staff, Staff, "Xp:", ":uk", language: "en");
        var preview = await api.Received(Staff, T("uk", "event.new"));
        Assert.Contains(T("uk", "event.series.weekly", ("day", T("uk", "day.2")), ("time", "15:00–17:00"),
            ("from", first.ToString("dd.MM.yyyy")), ("until", first.AddDays(21).ToString("dd.MM.yyyy"))), preview.Text);
        Assert.Contains("📍 Stadtteilzentrum", preview.Text);
        foreach (var claim in new[] { "event.free", "kind.other", "area.other" }) Assert.DoesNotContain(T("uk", claim), preview.Text);

        // One date is cancelled; the others stay, and residents see which one does not take place.
        api.PressButton(Staff, $"XD:{e.Id}", "en");
        await api.Received(Staff, T("en", "desk.datesof", ("when", weekly)));
        await api.Press(Staff, Staff, $"Xy:{e.Id}:", ":1", language: "en");
        await api.WaitFor(() => db.Read(d => EventStore.Find(d, e.Id))!.Dates[1].Cancelled ? api : null, what: "the second date cancelled");
        var before = api.MessagesTo(Staff).Count;
        api.PressButton(Staff, $"Xp:{e.Id}:de", "en");
        var german = await api.WaitFor(() => api.MessagesTo(Staff).Skip(before).FirstOrDefault(m => m.Text!.Contains(T("de", "event.new"))));
        Assert.Contains(T("de", "event.series.cancelled", ("dates", first.AddDays(7).ToString("dd.MM.yyyy"))), german.Text);

        // Setting the kind takes it off the list of what is not set; reading the file again keeps the cancelled date.
        api.PressButton(Staff, $"Xe:{e.Id}:Kind", "en");
        await api.Press(Staff, Staff, "Xk:", ":Language", language: "en");
        await api.Received(Staff, Html.Escape(T("en", "desk.unset", ("fields", "Area, Cost"))));
        api.AddFile("f2", System.Text.Encoding.UTF8.GetBytes(ics), "cafe.ics");
        api.SendDocument(StaffChat, Staff, "f2", "cafe.ics");
        await api.Received(StaffChat, T("en", "desk.imported", ("new", 0), ("updated", 1)));
        var again = Assert.Single(db.Read(d => EventStore.Events(d).FindAll().ToList()));
        Assert.Equal([false, true, false, false], again.Dates.Select(d => d.Cancelled));
        Assert.Equal(EventKind.Language, again.Kind);
    }

    [Fact]
    public async Task Add_to_calendar_for_a_series_gives_every_date_still_to_come_and_leaves_out_the_cancelled_and_the_past()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var first = DateTime.UtcNow.Date.AddDays(-7).AddHours(14);
        var dates = Enumerable.Range(0, 4).Select(w => new EventDate { StartUtc = first.AddDays(7 * w), EndUtc = first.AddDays(7 * w).AddHours(2), Cancelled = w == 1 }).ToList();
        var e = await db.Write(d => EventStore.Save(d, EventSeeds.Cafe(first, "Sprachcafé") with { Dates = dates, UntilUtc = dates[^1].EndUtc }));
        const long resident = 6_400_001;

        bot.Api.PressButton(resident, $"Ec:{e.Id}", "en");
        var file = await bot.Api.WaitFor(() => bot.Api.CallsOf("sendDocument").FirstOrDefault(c => c.ChatId == resident), what: "the calendar file");
        var added = EventCalendar.Read(System.Text.Encoding.UTF8.GetString(file.Document!), first.AddDays(-1), first.AddDays(60));
        // The first date is over and the second cancelled: a calendar gets the third and the fourth, not a past date.
        Assert.Equal([dates[2].StartUtc, dates[3].StartUtc], added.Select(a => a.StartUtc));
        Assert.All(added, a => Assert.Equal("Sprachcafé", a.Title));
    }
}
