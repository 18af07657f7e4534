using System.Globalization;
using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

/// <summary>What a staff member meets in their first minutes on the desk (issue 13): sending to nobody is refused with
/// the reason, the scheduling example lies before the event, a link typed without https:// is completed, /stats of
/// nothing says so, and the export speaks the staff's language with stable ids beside.</summary>
public sealed class StaffDeskTests
{
    private const long StaffChat = -100500, Staff = 900;
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];
    private static readonly ContentSet C = TestContent.Content;
    private static string T(string language, string key, params (string, object)[] args) => C.T(Languages.Find(language)!, key, args);

    [Fact]
    public async Task Staff_who_send_an_event_that_nobody_would_get_hear_why_and_nothing_is_sent()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        var db = bot.Services.GetRequiredService<Database>();
        var e = await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddDays(5)) with { Status = EventStatus.Draft });

        api.PressButton(Staff, $"Xo:{e.Id}", "en");
        await api.Press(Staff, Staff, "Xn:", language: "en");
        await api.Shows(Staff, T("en", "desk.go", ("count", 0)));
        await api.Press(Staff, Staff, "Xg:", language: "en");
        await api.Received(Staff, T("en", "desk.nosubscribers"));

        // Narrowed to a language nobody reads: the reason names the choice.
        await api.Press(Staff, Staff, "XG:", ":fa", language: "en");
        await api.Shows(Staff, "✅ " + T("fa", "language.name"));
        await api.Press(Staff, Staff, "Xg:", language: "en");
        await api.Received(Staff, T("en", "desk.norecipients"));

        Assert.DoesNotContain(api.MessagesTo(Staff), m => m.Text!.Contains(T("en", "desk.sending")));
        Assert.Empty(db.Read(d => BroadcastStore.OfEvent(d, e.Id)));
        Assert.Equal(EventStatus.Draft, db.Read(d => EventStore.Find(d, e.Id))!.Status);
    }

    [Fact]
    public async Task The_scheduling_example_lies_before_the_event_and_typing_it_back_schedules_the_announcement()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        var db = bot.Services.GetRequiredService<Database>();
        // An event in four days at 18:00 Berlin time (the issue's event on 08.12 got the example 20.12).
        var start = BerlinTime.ToUtc(BerlinTime.ToLocal(DateTime.UtcNow).Date.AddDays(4).AddHours(18));
        var e = await EventSeeds.Subscribers(db, [7001], EventSeeds.Cafe(start) with { Status = EventStatus.Draft });

        api.PressButton(Staff, $"Xo:{e.Id}", "en");
        await api.Press(Staff, Staff, "Xn:", language: "en");
        await api.Press(Staff, Staff, "Xw:", language: "en");
        var ask = await api.Received(Staff, BerlinTime.ToLocal(start).ToString("dd.MM.yyyy HH:mm"));
        var example = System.Text.RegularExpressions.Regex.Matches(ask.Text!, @"\d\d\.\d\d\.\d{4} \d\d:\d\d")
            .Select(m => DateTime.ParseExact(m.Value, "dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, example.Count); // the example, then the event's start
        Assert.True(example[0] < BerlinTime.ToLocal(start), $"example {example[0]} is not before the event at {BerlinTime.ToLocal(start)}: {ask.Text}");
        Assert.True(BerlinTime.ToUtc(example[0]) > DateTime.UtcNow, $"example {example[0]} lies in the past");

        api.SendText(Staff, example[0].ToString("dd.MM.yyyy HH:mm"), "en");
        await api.Received(Staff, T("en", "desk.scheduled", ("when", example[0].ToString("dd.MM.yyyy HH:mm"))));
        Assert.Equal(BerlinTime.ToUtc(example[0]), Assert.Single(db.Read(d => BroadcastStore.OfEvent(d, e.Id))).ScheduledFor);
    }

    [Theory]
    [InlineData(2, 18, 0)]    // two days ahead: 10:00 one day before
    [InlineData(0, 23, 0)]    // later today: two hours before, or halfway
    [InlineData(30, 9, 0)]    // far ahead: 10:00 three days before
    public void The_example_time_is_always_between_now_and_the_start(int days, int hour, int minute)
    {
        var now = new DateTime(2026, 12, 5, 20, 0, 0, DateTimeKind.Utc);
        var start = BerlinTime.ToUtc(BerlinTime.ToLocal(now).Date.AddDays(days).AddHours(hour).AddMinutes(minute));
        var example = BerlinTime.ToUtc(EventDesk.ScheduleExample(start, now));
        Assert.InRange(example, now.AddMinutes(1), start.AddMinutes(-1));
    }

    [Fact]
    public async Task A_link_typed_without_https_is_completed_and_a_text_that_is_no_address_is_still_refused()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        var db = bot.Services.GetRequiredService<Database>();
        var e = await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddDays(5)) with { Status = EventStatus.Draft });

        api.PressButton(Staff, $"Xe:{e.Id}:Link", "en");
        await api.Received(Staff, T("en", "desk.ask.link"));
        api.SendText(Staff, "kein link", "en");
        await api.Received(Staff, T("en", "desk.bad.link"));
        api.SendText(Staff, "benn-weissensee.de/x", "en");
        await api.Received(Staff, "🔗 https://benn-weissensee.de/x");
        Assert.Equal("https://benn-weissensee.de/x", db.Read(d => EventStore.Find(d, e.Id))!.Link);
    }

    [Fact]
    public async Task Stats_without_topics_say_there_are_none_yet_instead_of_empty_sections()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        api.Push("message", FakeUpdates.Message(Staff, "en", "/stats", StaffChat, "supergroup"));
        await api.Received(StaffChat, T("en", "staff.stats.none"));
        Assert.DoesNotContain(api.MessagesTo(StaffChat), m => m.Text!.Contains(T("en", "staff.stats.field")));
        Assert.Empty(api.CallsOf("sendPhoto"));
    }

    [Fact]
    public async Task The_export_for_german_staff_has_german_labels_with_a_stable_id_beside_each()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=de");
        var api = bot.Api;
        var db = bot.Services.GetRequiredService<Database>();
        await db.Write(d => TopicEffectStore.Apply(d, new SubmitTopic(new Topic
        {
            Id = 1, SubmitterId = 5550001, Text = "Mehr Bänke", Language = "ar", Area = "hansa", Category = TopicCategory.Housing,
            SubmittedAt = DateTime.UtcNow, StatusChangedAt = DateTime.UtcNow,
        }), DateTime.UtcNow));

        api.Push("message", FakeUpdates.Message(Staff, "de", "/export", StaffChat, "supergroup"));
        var file = await api.WaitFor(() => api.CallsOf("sendDocument").FirstOrDefault(c => c.ChatId == StaffChat));
        var lines = System.Text.Encoding.UTF8.GetString(file.Document!, 3, file.Document!.Length - 3).Split("\r\n");
        var header = lines[0].Split(';');
        var row = lines[1].Split(';');
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal(("housing", T("de", "cat.housing")), (Cell("category_id"), Cell("category")));
        Assert.Equal(("unassigned", T("de", "field.unassigned")), (Cell("field_id"), Cell("field")));
        Assert.Equal(("new", T("de", "status.new")), (Cell("status_id"), Cell("status")));
        Assert.Equal(("ar", T("ar", "language.name")), (Cell("language_id"), Cell("language")));
        Assert.Equal("hansa", Cell("area_id"));
        Assert.Equal(Areas.Name("hansa"), Cell("area"));
        Assert.DoesNotContain("Unassigned", lines[1]);
        Assert.DoesNotContain("Housing", lines[1]);
    }
}
