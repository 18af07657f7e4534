using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

/// <summary>Residents browse events, ask for a reminder, get told of a cancellation; staff import an .ics file.</summary>
public sealed class ResidentEventTests
{
    private const long StaffChat = -100500, Staff = 900;
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];
    private static string T(string language, string key, params (string, object)[] args) => TestContent.Content.T(Languages.Find(language)!, key, args);

    [Fact]
    public async Task A_resident_lists_and_filters_events_asks_for_a_reminder_and_gets_it_in_their_language()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var soon = await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddHours(2), "Spielenachmittag") with { Kind = EventKind.Children, Area = "hansa" });
        await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddDays(5), "Sprachcafé") with { Kind = EventKind.Language });
        await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddDays(6), "Entwurf") with { Status = EventStatus.Draft });

        bot.Api.PressButton(8101, "l:fa", "fa");
        bot.Api.SendText(8101, "/events", "fa");
        var list = await bot.Api.Received(8101, T("fa", "events.title", ("count", 2)));
        Assert.Equal(2, list.ButtonData.Count(d => d.StartsWith("Ev:")));
        Assert.DoesNotContain(list.Buttons, b => b.Label.Contains("Entwurf")); // drafts are for staff only

        await bot.Api.Press(8101, 8101, "Ef:k", language: "fa");
        await bot.Api.Press(8101, 8101, "E:*:", ":" + (int)EventKind.Children, language: "fa");
        var filtered = await bot.Api.WaitFor(() => bot.Api.MessagesTo(8101).LastOrDefault(m => m.Text!.Contains(T("fa", "kind.children"))));
        Assert.Equal([$"Ev:{soon.Id}"], filtered.ButtonData.Where(d => d.StartsWith("Ev:")));

        await bot.Api.Press(8101, 8101, $"Ev:{soon.Id}", language: "fa");
        await bot.Api.Press(8101, 8101, $"Er:{soon.Id}", language: "fa");
        var picker = await bot.Api.WaitFor(() => bot.Api.MessagesTo(8101).LastOrDefault(m => m.ButtonData.Any(d => d.StartsWith($"Er:{soon.Id}:"))));
        Assert.Contains($"Ev:{soon.Id}", picker.ButtonData); // a way back, for someone who changed their mind
        await bot.Api.Press(8101, 8101, $"Er:{soon.Id}:", ":3", language: "fa");
        // It starts in 2 hours, so "3 hours before" is now: the reminder comes at once.
        var reminder = await bot.Api.Received(8101, T("fa", "remind.notice"), TimeSpan.FromSeconds(10));
        Assert.Contains("Spielenachmittag", reminder.Text);
        Assert.Contains(T("fa", "event.german"), reminder.Text);
        Assert.Empty(db.Read(d => ReminderStore.OfResident(d, 8101)));
    }

    [Fact]
    public async Task Cancelling_an_event_tells_those_who_were_told_or_asked_for_a_reminder_in_their_language_and_drops_reminders()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var e = await EventSeeds.Subscribers(db, [8201], EventSeeds.Cafe(DateTime.UtcNow.AddDays(4)), language: "tr");
        await EventSeeds.Announce(db, e, StaffChat);
        await bot.Api.Received(8201, T("tr", "event.new"), TimeSpan.FromSeconds(15));
        bot.Api.PressButton(8202, "l:uk", "uk");
        bot.Api.PressButton(8202, $"Er:{e.Id}:24", "uk"); // not subscribed, but asked for a reminder
        await bot.Api.WaitFor(() => db.Read(d => ReminderStore.OfResident(d, 8202)).SingleOrDefault(), what: "the reminder");
        await bot.Api.Received(StaffChat, T("en", "broadcast.state.done"), TimeSpan.FromSeconds(20));

        bot.Api.SendText(Staff, "/desk", "en");
        await bot.Api.Press(Staff, Staff, $"Xo:{e.Id}");
        await bot.Api.Press(Staff, Staff, $"Xz:{e.Id}");
        await bot.Api.Press(Staff, Staff, $"XZ:{e.Id}");

        var turkish = await bot.Api.Received(8201, T("tr", "event.cancelnotice"), TimeSpan.FromSeconds(20));
        Assert.Contains(T("tr", "event.cancelled"), turkish.Text);
        await bot.Api.Received(8202, T("uk", "event.cancelnotice"), TimeSpan.FromSeconds(20));
        Assert.Empty(db.Read(d => ReminderStore.OfEvent(d, e.Id)));
        Assert.Equal(EventStatus.Cancelled, db.Read(d => EventStore.Find(d, e.Id))!.Status);
        // A cancelled event cannot be announced again, and it is marked in the resident's view.
        bot.Api.PressButton(8201, $"Ev:{e.Id}", "tr");
        await bot.Api.WaitFor(() => bot.Api.MessagesTo(8201).LastOrDefault(m => m.Text!.Contains("❌") && !m.Text.Contains(T("tr", "event.cancelnotice"))));
    }

    [Fact]
    public async Task Staff_send_an_ics_file_in_the_staff_chat_and_a_second_import_updates_instead_of_duplicating()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var day = DateTime.UtcNow.AddDays(10);
        var ics = $"""
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//test//EN
            BEGIN:VEVENT
            UID:cafe-weekly@example.org
            DTSTART;TZID=Europe/Berlin:{day:yyyyMMdd}T180000
            DTEND;TZID=Europe/Berlin:{day:yyyyMMdd}T200000
            RRULE:FREQ=WEEKLY;COUNT=3
            SUMMARY:Kiezcafé
            LOCATION:Stadtteilzentrum
            END:VEVENT
            END:VCALENDAR
            """.Replace("\n", "\r\n");
        bot.Api.AddFile("f1", System.Text.Encoding.UTF8.GetBytes(ics), "cafe.ics");
        bot.Api.SendDocument(StaffChat, Staff, "f1", "cafe.ics");
        // A weekly series is one draft with its three dates (issue 13), not three drafts.
        await bot.Api.Received(StaffChat, T("en", "desk.imported", ("new", 1), ("updated", 0)));
        bot.Api.AddFile("f2", System.Text.Encoding.UTF8.GetBytes(ics.Replace("Kiezcafé", "Kiezcafé mit Musik")), "cafe.ics");
        bot.Api.SendDocument(StaffChat, Staff, "f2", "cafe.ics");
        await bot.Api.Received(StaffChat, T("en", "desk.imported", ("new", 0), ("updated", 1)));
        var e = Assert.Single(db.Read(d => EventStore.Events(d).FindAll().ToList()));
        Assert.Equal(("Kiezcafé mit Musik", EventStatus.Draft, "cafe-weekly@example.org"), (e.Title["de"], e.Status, e.Uid));
        Assert.Equal(3, e.Dates.Count);
        Assert.All(e.Dates, d => Assert.Equal(18, BerlinTime.ToLocal(d.StartUtc).Hour));

        // A resident sending a file gets the usual answer, and nothing is imported.
        bot.Api.AddFile("f3", System.Text.Encoding.UTF8.GetBytes(ics.Replace("cafe-weekly", "other")), "x.ics");
        bot.Api.Push("message", FakeUpdates.Document(8301, 8301, "f3", "x.ics", chatType: "private"));
        await bot.Api.Received(8301, TestContent.Content.T(Languages.German, "unsupported"));
        Assert.Equal(1, db.Read(d => EventStore.Events(d).Count()));
    }

    [Fact]
    public async Task A_resident_sees_their_subscription_and_reminders_under_privacy_and_deleting_erases_them_and_who_received_what()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var e = await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddDays(4)));
        bot.Api.PressButton(8401, "l:ru", "ru");
        bot.Api.PressButton(8401, "Sk:" + (int)EventKind.Cafe, "ru");
        await bot.Api.WaitForMessages(8401, 2);
        await EventSeeds.Announce(db, e, StaffChat);
        await bot.Api.Received(8401, T("ru", "event.new"), TimeSpan.FromSeconds(15));
        bot.Api.PressButton(8401, $"Er:{e.Id}:24", "ru");
        await bot.Api.WaitFor(() => db.Read(d => ReminderStore.OfResident(d, 8401)).SingleOrDefault(), what: "the reminder");

        bot.Api.PressButton(8401, "p:s", "ru");
        var shown = await bot.Api.Received(8401, T("ru", "privacy.events", ("subscription", T("ru", "privacy.yes") + ", " + T("ru", "kind.cafe")), ("reminders", 1)));
        Assert.Contains("8401", shown.Text);

        bot.Api.PressButton(8401, "p:y", "ru");
        await bot.Api.Received(8401, T("ru", "privacy.deleted"));
        Assert.Null(db.Read(d => Worker.Residents.ResidentStore.Find(d, 8401)));
        Assert.Empty(db.Read(d => ReminderStore.OfResident(d, 8401)));
        Assert.Empty(db.Read(d => Worker.Broadcasts.BroadcastStore.Deliveries(d).Find(x => x.ChatId == 8401).ToList()));
    }
}
