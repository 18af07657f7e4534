using System.Diagnostics;
using System.Text.Json;
using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

/// <summary>What a new resident meets in their first ten minutes (issue 13, "Residents"), against the fake Bot API.</summary>
public sealed class FirstMinutesTests
{
    private const long StaffChat = -100500;
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];
    private static string T(string language, string key, params (string, object)[] args) => TestContent.Content.T(Languages.Find(language)!, key, args);

    [Fact]
    public async Task Bot_sets_what_it_can_do_in_every_telegram_language_within_telegrams_512_characters()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:DefaultLanguage=en");
        var calls = await bot.Api.WaitFor(() => bot.Api.CallsOf("setMyDescription") is { Count: 8 } c ? c : null, what: "8 setMyDescription calls");
        var byCode = calls.ToDictionary(c => c.Body["language_code"]?.GetValue<string>() ?? "", c => c.Body["description"]!.GetValue<string>());
        Assert.Equal(["", "de", "en", "ar", "fa", "tr", "uk", "ru"], byCode.Keys);
        Assert.Equal(T("en", "bot.description"), byCode[""]); // users whose language BennBot does not speak: the default language
        foreach (var language in Languages.All.Where(l => l.TelegramCode is not null))
            Assert.Equal(T(language.Code, "bot.description"), byCode[language.TelegramCode!]);
        // Telegram refuses a description over 512 characters; Einfache Sprache has no Telegram code but is checked too.
        Assert.All(Languages.All, l => Assert.InRange(T(l.Code, "bot.description").Length, 1, 512));
        Assert.Equal(8, bot.Api.CallsOf("setMyShortDescription").Count);
    }

    [Fact]
    public async Task Events_say_whether_this_resident_gets_notices_and_whether_a_filter_found_nothing()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        const long subscribed = 8601, newcomer = 8602, chooser = 8603;

        api.SendText(subscribed, "/subscribe", "en");
        var done = await api.Received(subscribed, T("en", "subscribe.done"));
        Assert.Contains(done.Buttons, b => b.Label == T("en", "subscribe.areas")); // the choices at once, not on a second tap of 🔔
        Assert.Contains(done.Buttons, b => b.Label == T("en", "subscribe.kinds"));
        api.SendText(subscribed, "/events", "en");
        var list = await api.Received(subscribed, T("en", "events.empty"));
        Assert.Contains(T("en", "events.notices.on"), list.Text);
        Assert.DoesNotContain(T("en", "events.notices.off", ("button", T("en", "menu.subscription"))), list.Text);
        Assert.DoesNotContain(T("en", "events.empty.filter"), list.Text); // no filter was chosen

        api.SendText(newcomer, "/events", "tr");
        var notSubscribed = await api.Received(newcomer, T("tr", "events.empty"));
        Assert.Contains(T("tr", "events.notices.off", ("button", T("tr", "menu.subscription"))), notSubscribed.Text);
        Assert.Contains(notSubscribed.Buttons, b => b.Label == T("tr", "menu.subscription")); // the button the text names
        api.PressButton(newcomer, "E:*:" + (int)EventKind.Sport, "tr");
        var filtered = await api.Received(newcomer, T("tr", "events.empty.filter"));
        Assert.Contains(T("tr", "kind.sport"), filtered.Text);

        api.PressButton(chooser, "Sk:" + (int)EventKind.Culture, "uk"); // subscribes to one kind of event
        await api.Received(chooser, T("uk", "subscribe.choosekind"));
        api.SendText(chooser, "/events", "uk");
        var chosen = await api.Received(chooser, T("uk", "events.empty"));
        Assert.Contains(T("uk", "events.notices.chosen"), chosen.Text);
    }

    [Fact]
    public async Task A_resident_who_leaves_a_topic_draft_is_told_it_is_kept_and_finishes_it_after_one_tap()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        const long resident = 8701;
        var started = Stopwatch.StartNew();
        api.SendText(resident, "/topic", "ar");
        await api.Received(resident, T("ar", "topic.category"));
        api.PressButton(resident, "Nc:" + (int)TopicCategory.Housing, "ar");
        await api.Received(resident, T("ar", "topic.content").Split('\n')[0]);

        api.SendText(resident, "/events", "ar");
        var kept = await api.Received(resident, T("ar", "topic.kept"));
        Assert.Equal([(Rtl(T("ar", "topic.continue")), "Nn")], kept.Buttons);
        Assert.True(api.MessagesTo(resident).Any(m => m.Text!.Contains(T("ar", "events.empty"))), "the events are shown too");

        api.PressButton(resident, "Nn", "ar");
        await api.WaitFor(() => api.MessagesTo(resident).Count(m => m.Text!.Contains(T("ar", "topic.content").Split('\n')[0])) == 2 ? api : null, what: "the topic dialogue again");
        api.SendText(resident, "التدفئة في بيتنا لا تعمل", "ar");
        await api.Received(resident, T("ar", "topic.area").Split('\n')[0]);
        api.PressButton(resident, "Na:-", "ar");
        await api.Received(resident, T("ar", "topic.privacy").Split('\n')[0]);
        api.PressButton(resident, "Np:0", "ar");
        await api.WaitFor(() => api.MessagesTo(resident).LastOrDefault()?.ButtonData.Contains("Ny") == true ? api : null, what: "the summary");
        Assert.Contains("التدفئة في بيتنا لا تعمل", api.MessagesTo(resident)[^1].Text); // the draft kept its category, now with the words
        Assert.Contains(T("ar", "cat.housing"), api.MessagesTo(resident)[^1].Text);
        api.PressButton(resident, "Ny", "ar");
        await api.Received(resident, T("ar", "topic.thanks", ("id", 1)).Split('\n')[0]);

        await Task.Delay(TimeSpan.FromSeconds(10.5) - started.Elapsed); // flood control allows 8 updates in 10 s
        api.PressButton(resident, "Nm", "ar");
        var mine = await api.Received(resident, T("ar", "topic.mine.title"));
        Assert.Contains("#1", mine.Text);
    }

    [Fact]
    public async Task Show_my_data_and_mydata_include_the_residents_topics_and_last_day()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        const long resident = 8801;
        await TopicTests.Share(api, resident, "fa", TopicCategory.Safety, () => api.SendText(resident, "چراغ‌های حیاط خراب است", "fa"), null, contactable: false);
        await api.Received(resident, T("fa", "topic.thanks", ("id", 1)).Split('\n')[0]);

        api.PressButton(resident, "p:s", "fa");
        var view = await api.Received(resident, T("fa", "privacy.topics", ("count", 1)));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Contains(T("fa", "privacy.lastseen", ("date", DateTime.UtcNow.ToString("dd.MM.yyyy"))), view.Text); // one date format in the view
        Assert.DoesNotContain(today, view.Text);
        Assert.Contains(T("fa", "topic.mine.line", ("id", 1), ("category", T("fa", "cat.safety")), ("status", T("fa", "status.new")), ("date", DateTime.UtcNow.ToString("dd.MM.yyyy"))), view.Text);

        api.SendText(resident, "/mydata", "fa");
        var file = await api.WaitFor(() => api.CallsOf("sendDocument").FirstOrDefault(c => c.ChatId == resident));
        var json = JsonDocument.Parse(file.Document!).RootElement;
        Assert.Contains(new ButtonAction.PrivacyDelete().Encode(), file.ButtonData); // not a dead end: delete it, or the menu
        Assert.Contains(new ButtonAction.Menu().Encode(), file.ButtonData);
        Assert.Equal(today, json.GetProperty("profile").GetProperty("lastSeen").GetString());
        Assert.Equal(1, Assert.Single(json.GetProperty("topics").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Single(bot.Services.GetRequiredService<Database>().Read(d => TopicStore.Of(d, resident)));
    }

    [Fact]
    public async Task Emoji_only_messages_get_a_kind_answer_that_shows_where_feedback_counts()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        const long resident = 8901;
        string[] sent = ["👍👍🙏", "😀", "❤️", "🙏", "👎", "🤷"];
        foreach (var emoji in sent) api.SendText(resident, emoji, "de");
        var replies = await api.WaitForMessages(resident, sent.Length);

        Assert.All(replies.Take(4), r => Assert.Contains(T("de", "smalltalk.thanks"), r.Text));
        Assert.All(replies.Take(4), r => Assert.Contains(T("de", "emoji.feedback"), r.Text));
        Assert.Contains(T("de", "emoji.sad"), replies[4].Text);
        Assert.Contains(replies[4].ButtonData, d => d == "a"); // unhappy: the BENN team is one tap away
        Assert.Contains(T("de", "emoji.other"), replies[5].Text);
        Assert.All(replies, r => Assert.DoesNotContain(T("de", "notfound"), r.Text));
    }

    private static string Rtl(string label) => "\u200F" + label;
}
