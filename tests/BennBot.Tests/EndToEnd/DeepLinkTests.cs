using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

/// <summary>Deep links (issue 18): residents open t.me/&lt;bot&gt;?start=&lt;payload&gt; from a poster, Telegram sends
/// "/start &lt;payload&gt;", and BennBot opens the link's target in the link's language; staff see how people came.</summary>
public sealed class DeepLinkTests
{
    private const long StaffChat = -100500, Staff = 900;
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];
    private static string T(string language, string key, params (string, object)[] args) => TestContent.Content.T(Languages.Find(language)!, key, args);
    private static string Plain(string language, string key) => Html.ToPlain(Html.Escape(T(language, key)));

    [Fact]
    public async Task Every_kind_of_link_opens_its_target_in_the_links_language_and_staff_see_how_residents_came()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var cafe = await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3), "Spielenachmittag") with { Area = "hansa" });

        // Telegram reports German for all of them: the link's language wins for someone new, and is remembered as chosen.
        bot.Api.SendText(9101, "/start lar_ahansa", "de");
        bot.Api.SendText(9102, "/start lfa_fpetition", "de");
        bot.Api.SendText(9103, $"/start ltr_ahansa_e{cafe.Id}", "de");
        bot.Api.SendText(9104, "/start luk_t", "de");
        bot.Api.SendText(9105, "/start lru_ahansa_s", "de");

        var home = await bot.Api.Received(9101, Plain("ar", "start.welcome").Split('\n')[0]);
        Assert.Contains(home.Buttons, b => b.Label.Contains(T("ar", "menu.events")));
        var answer = await bot.Api.Received(9102, TestContent.Content.Entry("petition")!.Text(Languages.Find("fa")!).Title);
        Assert.Contains("f+:petition", answer.ButtonData);
        var card = await bot.Api.Received(9103, "Spielenachmittag");
        Assert.Contains($"Er:{cafe.Id}", card.ButtonData); // remind me
        Assert.Contains(card.Buttons, b => b.Label.Contains(T("tr", "event.calendar")));
        await bot.Api.Received(9104, Plain("uk", "topic.category"));
        await bot.Api.Received(9105, Plain("ru", "subscribe.choosearea"));

        foreach (var (id, language) in new[] { (9101L, "ar"), (9102L, "fa"), (9103L, "tr"), (9104L, "uk"), (9105L, "ru") })
            Assert.Equal((language, true), db.Read(d => ResidentStore.Find(d, id)) is { } r ? (r.Language, r.LanguageChosen) : default);
        // The area of a subscribe link comes pre-selected; on other links it is not kept.
        Assert.Equal(["hansa"], db.Read(d => ResidentStore.Find(d, 9105))!.InterestAreas);
        Assert.True(db.Read(d => ResidentStore.Find(d, 9105))!.Subscribed);
        Assert.False(db.Read(d => ResidentStore.Find(d, 9101))!.Subscribed);
        Assert.Empty(db.Read(d => ResidentStore.Find(d, 9101))!.InterestAreas);

        bot.Api.SendText(9106, "/start", "en");
        await bot.Api.Received(9106, Plain("en", "greeting.new").Split('\n')[0]);
        bot.Api.SendText(Staff, "/stats", "en");
        var stats = await bot.Api.Received(Staff, T("en", "staff.found.title"));
        string Row(string way, string? area, int starts, int fresh) =>
            T("en", "staff.found.row", ("way", T("en", "staff.found." + way) + (area is null ? "" : " · " + Areas.Name(area))), ("starts", starts), ("new", fresh));
        Assert.Contains(Row("direct", null, 1, 1), stats.Text);
        Assert.Contains(Row("home", "hansa", 1, 1), stats.Text);
        Assert.Contains(Row("entry", null, 1, 1), stats.Text);
        Assert.Contains(Row("event", "hansa", 1, 1), stats.Text);
        Assert.Contains(Row("topic", null, 1, 1), stats.Text);
        Assert.Contains(Row("subscribe", "hansa", 1, 1), stats.Text);
        // Counts only: no document in the counter collection carries anything about a resident.
        Assert.All(db.Read(StartCountStore.All), c => Assert.DoesNotContain("910", c.Id));
    }

    [Fact]
    public async Task Forged_oversized_and_stale_links_get_the_normal_welcome_and_change_nothing_else()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var cancelled = await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)) with { Status = EventStatus.Cancelled });
        var over = await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddDays(-2)));
        var draft = await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3)) with { Status = EventStatus.Draft });
        string[] payloads = [$"lar_e{cancelled.Id}", $"lar_e{over.Id}", $"lar_e{draft.Id}", "lar_e999999", "lar_fno-such-entry", "lar_ahansa_ahansa",
            "lar_s_t", "lxx_s", "lar_aother_s", "lar_" + new string('s', 70), "lar_s%20", "<b>lar_s</b>", "lar__s", "lar_e-1", "lar_e01x"];

        for (var i = 0; i < payloads.Length; i++)
        {
            var user = 9200 + i;
            bot.Api.SendText(user, "/start " + payloads[i], "de");
            var welcome = await bot.Api.Received(user, Plain("de", "greeting.new").Split('\n')[0]);
            Assert.Contains(welcome.ButtonData, d => d == "l:ar"); // the language picker, as for a plain /start
            Assert.Single(bot.Api.MessagesTo(user));
            var r = db.Read(d => ResidentStore.Find(d, user))!;
            Assert.Equal(("de", false, false), (r.Language, r.LanguageChosen, r.Subscribed));
        }
        // A resident who already chose Turkish: a stale link greets them back in Turkish, and nothing else changes.
        await EventSeeds.Subscribers(db, [9300], EventSeeds.Cafe(DateTime.UtcNow.AddDays(9)), language: "tr");
        bot.Api.SendText(9300, $"/start lar_e{cancelled.Id}", "ar");
        await bot.Api.Received(9300, Plain("tr", "greeting.back"));

        bot.Api.SendText(Staff, "/stats", "en");
        var stats = await bot.Api.Received(Staff, T("en", "staff.found.title"));
        Assert.Contains(T("en", "staff.found.row", ("way", T("en", "staff.found.direct")), ("starts", payloads.Length + 1), ("new", payloads.Length)), stats.Text);
        Assert.DoesNotContain(T("en", "staff.found.event"), stats.Text);
    }

    [Fact]
    public async Task A_resident_who_already_uses_the_bot_gets_the_target_in_their_own_language()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        var cafe = await EventSeeds.Subscribers(db, [9400], EventSeeds.Cafe(DateTime.UtcNow.AddDays(3), "Sprachcafé"), language: "tr");

        bot.Api.SendText(9400, "/start lar_fpetition", "ar");
        var answer = await bot.Api.Received(9400, TestContent.Content.Entry("petition")!.Text(Languages.Find("tr")!).Title);
        Assert.Contains("f+:petition", answer.ButtonData);
        bot.Api.SendText(9400, $"/start lar_e{cafe.Id}", "ar");
        var card = await bot.Api.Received(9400, "Sprachcafé");
        Assert.Contains(card.Buttons, b => b.Label.Contains(T("tr", "event.calendar")));
        // Already subscribed to everything: a subscribe link for one area keeps their own choice.
        bot.Api.SendText(9400, "/start lar_ahansa_s", "ar");
        await bot.Api.WaitForMessages(9400, 3);
        var r = db.Read(d => ResidentStore.Find(d, 9400))!;
        Assert.Equal(("tr", true, true), (r.Language, r.LanguageChosen, r.Subscribed));
        Assert.Empty(r.InterestAreas);
        Assert.DoesNotContain(bot.Api.MessagesTo(9400), m => m.Text!.Contains(Plain("tr", "greeting.new").Split('\n')[0]));
    }

    [Fact]
    public async Task Staff_mark_a_report_and_stats_then_shows_the_starts_since_that_day_beside_all_of_them()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var db = bot.Services.GetRequiredService<Database>();
        bot.Api.SendText(9501, "/start ahansa", "en");
        bot.Api.SendText(9502, "/start ahansa", "en");
        await bot.Api.WaitFor(() => db.Read(StartCountStore.All) is [{ Starts: 2 }] ? db : null);

        bot.Api.SendText(Staff, "/stats", "en");
        var before = await bot.Api.Received(Staff, T("en", "staff.found.title"));
        string Home(int starts, int fresh) => T("en", "staff.found.row", ("way", T("en", "staff.found.home") + " · " + Areas.Name("hansa")), ("starts", starts), ("new", fresh));
        Assert.Contains(Home(2, 2), before.Text);
        Assert.Contains(T("en", "staff.found.nomark"), before.Text);

        // A resident pressing the (forwarded or forged) button is told it is the team's; nothing is marked.
        bot.Api.PressButton(9501, "Z:M", "en");
        await bot.Api.Received(9501, T("en", "staff.only"));
        Assert.Null(db.Read(StartCountStore.MarkedOn));

        await bot.Api.Press(Staff, Staff, "Z:M", language: "en");
        var today = BerlinTime.ToLocal(DateTime.UtcNow).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await bot.Api.Received(Staff, T("en", "staff.found.marked", ("date", today)));

        bot.Api.SendText(9501, "/start ahansa", "en");   // known by now
        bot.Api.SendText(9503, "/start ahansa", "en");   // new
        await bot.Api.WaitFor(() => db.Read(StartCountStore.All) is [{ Starts: 4 }] ? db : null);
        var seen = bot.Api.MessagesTo(Staff).Count;
        bot.Api.SendText(Staff, "/stats", "en");
        var after = await bot.Api.WaitFor(() => bot.Api.MessagesTo(Staff).Skip(seen).LastOrDefault(m => m.Text!.Contains(T("en", "staff.found.title"))));
        Assert.Contains(T("en", "staff.found.rowsince", ("way", T("en", "staff.found.home") + " · " + Areas.Name("hansa")), ("date", today),
            ("since", 2), ("sincenew", 1), ("starts", 4), ("new", 3)), after.Text);
        Assert.DoesNotContain(T("en", "staff.found.nomark"), after.Text);
        // Only counts and one date are kept: nothing in either collection points at a resident.
        Assert.All(db.Read(StartCountStore.All), c => Assert.DoesNotContain("950", c.Id));
    }
}
