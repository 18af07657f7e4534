using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

/// <summary>Staff create an event in the dialogue, translate, preview, narrow the recipients and send it; residents
/// get it in their own language; a blocked resident is marked inactive; the report says what happened.</summary>
public sealed class EventBroadcastTests
{
    private const long StaffChat = -100500, Staff = 900;
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];
    private static readonly ContentSet C = TestContent.Content;
    private static string T(string language, string key, params (string, object)[] args) => C.T(Languages.Find(language)!, key, args);

    [Fact]
    public async Task Staff_create_translate_preview_segment_and_send_an_event_and_residents_get_it_in_their_language()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        // Residents: subscribed in Arabic, Ukrainian, Turkish, German (blocked the bot) and Russian (left out by the
        // segment); one only wants events in Hansastraße; one never subscribed.
        var subscribed = new Dictionary<long, string> { [6001] = "ar", [6002] = "uk", [6003] = "tr", [6004] = "de", [6005] = "ru" };
        foreach (var (id, language) in subscribed)
        {
            api.PressButton(id, "l:" + language, language);
            api.SendText(id, "/subscribe", language);
        }
        api.PressButton(6006, "Sa:hansa", "en");
        api.SendText(6007, "/start", "en");
        foreach (var id in subscribed.Keys) await api.Received(id, T(subscribed[id], "subscribe.done"));
        await api.WaitForMessages(6006, 1);
        api.FailChat(6004, 403, "Forbidden: bot was blocked by the user");

        api.SendText(Staff, "/newevent");
        await api.Received(Staff, T("en", "desk.ask.title"));
        api.SendText(Staff, "Nachbarschaftscafé");
        await api.Received(Staff, T("en", "desk.ask.description"));
        api.SendText(Staff, "Kaffee und Kuchen für alle.");
        await api.Received(Staff, T("en", "desk.ask.start"));
        var start = BerlinTime.ToLocal(DateTime.UtcNow).Date.AddDays(10).AddHours(18);
        api.SendText(Staff, start.ToString("dd.MM.yyyy HH:mm"));
        await api.Press(Staff, Staff, "Xh:", ":2");
        await api.Received(Staff, T("en", "desk.ask.place"));
        api.SendText(Staff, "Stadtteilzentrum");
        await api.Press(Staff, Staff, "Xa:", ":buehring");
        await api.Press(Staff, Staff, "Xk:", ":Cafe");
        await api.Press(Staff, Staff, "Xl:", ":ar");
        await api.Shows(Staff, "✅ " + T("ar", "language.name"));
        await api.Press(Staff, Staff, "XL:");
        await api.Press(Staff, Staff, "Xc:");
        await api.Press(Staff, Staff, "Xx:", ":StepFree");
        await api.Received(Staff, T("en", "desk.ask.link"));
        api.SendText(Staff, "https://example.org/cafe");
        var review = await api.Received(Staff, "Event #");
        Assert.Contains("Nachbarschaftscafé", review.Text);

        // An Arabic title; the description stays German (residents see it marked as German).
        await api.Press(Staff, Staff, "Xt:");
        await api.Press(Staff, Staff, "Xt:", ":ar");
        await api.Received(Staff, T("en", "desk.ask.translatetitle", ("language", T("ar", "language.name"))));
        api.SendText(Staff, "مقهى الجيران");
        await api.Received(Staff, T("en", "desk.ask.translatedescription", ("language", T("ar", "language.name"))));
        var before = api.MessagesTo(Staff).Count;
        await api.Press(Staff, Staff, "Xs:");
        await api.WaitFor(() => api.MessagesTo(Staff).Skip(before).FirstOrDefault(m => m.Text!.Contains("Event #")));

        // The Ukrainian preview is exactly what a Ukrainian resident will get.
        await api.Press(Staff, Staff, "Xp:");
        await api.Press(Staff, Staff, "Xp:", ":uk");
        var preview = await api.Received(Staff, T("uk", "event.new"));
        Assert.Contains(T("uk", "event.german"), preview.Text);
        Assert.Contains(T("uk", "kind.cafe"), preview.Text);

        await api.Press(Staff, Staff, "Xn:");
        await api.Shows(Staff, T("en", "desk.go", ("count", 5)));
        foreach (var language in new[] { "ar", "uk", "tr", "de" }) await api.Press(Staff, Staff, "XG:", ":" + language);
        await api.Shows(Staff, T("en", "desk.go", ("count", 4)));
        await api.Press(Staff, Staff, "Xg:");
        await api.Received(Staff, T("en", "desk.sending"));

        var report = await api.Received(StaffChat, T("en", "broadcast.state.done"), TimeSpan.FromSeconds(30));
        Assert.Contains("✅ sent 3 of 4", report.Text);
        Assert.Contains("🚫 blocked 1", report.Text);

        var arabic = AnnouncementTo(api, 6001, "ar");
        Assert.Contains("<b>مقهى الجيران</b>", arabic.Text);
        Assert.DoesNotContain("Nachbarschaftscafé", arabic.Text);
        Assert.Contains(T("ar", "event.free"), arabic.Text);
        Assert.StartsWith("\u200F", arabic.Text);
        foreach (var (id, language) in new[] { (6002L, "uk"), (6003L, "tr") })
        {
            var m = AnnouncementTo(api, id, language);
            Assert.Contains("Nachbarschaftscafé", m.Text);
            Assert.Contains(T(language, "event.german"), m.Text);
            Assert.Contains($"{T(language, "day." + (int)(start.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)start.DayOfWeek))} {start:dd.MM.yyyy}, 18:00–20:00", m.Text);
            Assert.Contains(T(language, "access.stepfree"), m.Text);
            Assert.Contains("S-", m.ButtonData);
        }
        Assert.DoesNotContain(api.MessagesTo(6005), m => m.Text!.Contains(T("ru", "event.new")));
        Assert.DoesNotContain(api.MessagesTo(6006), m => m.Text!.Contains(T("en", "event.new")));
        Assert.DoesNotContain(api.MessagesTo(6007), m => m.Text!.Contains(T("en", "event.new")));
        var db = bot.Services.GetRequiredService<Database>();
        Assert.True(db.Read(d => ResidentStore.Find(d, 6004))!.BlockedBot);

        // "Add to calendar" sends an .ics file with the event in it.
        await api.Press(6002, 6002, "Ec:", language: "uk");
        var file = await api.WaitFor(() => api.CallsOf("sendDocument").FirstOrDefault(c => c.ChatId == 6002));
        var ics = System.Text.Encoding.UTF8.GetString(file.Document!);
        Assert.Contains("BEGIN:VCALENDAR", ics);
        Assert.Contains("SUMMARY:Nachbarschaftscafé", ics);
        Assert.Contains("TZID=Europe/Berlin", ics);
    }

    private static ApiCall AnnouncementTo(FakeBotApi api, long id, string language) =>
        Assert.Single(api.MessagesTo(id), m => m.Text!.Contains(T(language, "event.new")));
}
