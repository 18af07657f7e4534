using System.Text.Json;
using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

/// <summary>The whole loop of empowerment topics: residents share them (text or voice, anonymous or contactable),
/// the team reviews them in the staff chat without personal data, and residents hear back in their language.</summary>
public sealed class TopicTests
{
    private const long StaffChat = -100500, Staff = 900;
    private static readonly string[] Settings = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];
    private static string T(string language, string key, params (string, object)[] args) => TestContent.Content.T(Languages.Find(language)!, key, args);

    internal static async Task Share(FakeBotApi api, long resident, string language, TopicCategory category, Action say, string? area, bool contactable)
    {
        api.SendText(resident, "/topic", language); // Telegram's language is the resident's (few updates: flood control allows 8 in 10 s)
        await api.Received(resident, T(language, "topic.category"));
        api.PressButton(resident, "Nc:" + (int)category, language);
        await api.Received(resident, T(language, "topic.content").Split('\n')[0]);
        say();
        await api.Received(resident, T(language, "topic.area").Split('\n')[0]);
        api.PressButton(resident, "Na:" + (area ?? "-"), language);
        await api.Received(resident, T(language, "topic.privacy").Split('\n')[0]);
        api.PressButton(resident, contactable ? "Np:1" : "Np:0", language);
        await api.WaitFor(() => api.MessagesTo(resident).LastOrDefault()?.ButtonData.Contains("Ny") == true ? api : null, what: "the summary");
        api.PressButton(resident, "Ny", language);
    }

    [Fact]
    public async Task Residents_share_text_and_voice_topics_staff_see_no_personal_data_and_residents_hear_back_in_their_language()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        const long farsi = 5550001234567, arabic = 5550007654321;
        await Share(api, farsi, "fa", TopicCategory.Housing, () => api.SendText(farsi, "گرمایش ساختمان ما کار نمی‌کند <b>فوری</b>", "fa"), null, contactable: false);
        var thanks = await api.Received(farsi, T("fa", "topic.thanks", ("id", 1)).Split('\n')[0]);
        Assert.Contains(new ButtonAction.MyTopics().Encode(), thanks.ButtonData); // the "My topics" the thanks point to
        await Share(api, arabic, "ar", TopicCategory.Participation, () => api.Push("message", FakeUpdates.Voice(arabic, "ar", "voice-file-1", 42)), "hansa", contactable: true);
        await api.Received(arabic, T("ar", "topic.thanks", ("id", 2)).Split('\n')[0]);

        var text = await api.Received(StaffChat, "#T1");
        Assert.Contains("&lt;b&gt;فوری&lt;/b&gt;", text.Text);
        Assert.Contains(T("en", "cat.housing"), text.Text);
        Assert.Contains(T("fa", "language.name"), text.Text);
        Assert.Contains(T("en", "staff.topic.anonymous"), text.Text);
        var voice = await api.WaitFor(() => api.CallsOf("sendVoice").FirstOrDefault(c => c.ChatId == StaffChat));
        Assert.Equal("voice-file-1", voice.Body["voice"]!.ToString());
        Assert.Contains("#T2", voice.Text);
        Assert.Contains(T("en", "staff.topic.contact"), voice.Text);
        Assert.Contains("Hansastraße", voice.Text);
        // Nothing the staff chat received names or identifies a resident.
        var toStaff = string.Join("\n", api.Calls.Where(c => c.ChatId == StaffChat).Select(c => c.Body.ToJsonString()));
        foreach (var secret in new[] { farsi.ToString(), arabic.ToString(), "Resident555" }) Assert.DoesNotContain(secret, toStaff);

        // Staff set a status: the Farsi resident hears it in Farsi.
        api.Push("callback_query", StaffPress($"Ks:1:{(int)TopicStatus.Planned}"));
        var notice = await api.Received(farsi, T("fa", "topic.notice.status", ("id", 1), ("category", T("fa", "cat.housing")), ("status", T("fa", "status.planned"))));
        Assert.StartsWith("\u200F", notice.Text);
        // Staff reply to the voice topic: the Arabic resident gets the team's words, marked with their language.
        await api.Reply(StaffChat, Staff, "Danke! Wir laden Sie zum nächsten Treffen ein.", voice);
        var response = await api.Received(arabic, "Wir laden Sie zum nächsten Treffen ein.");
        Assert.Contains(T("ar", "topic.notice.response", ("id", 2), ("language", T("en", "language.name"))), response.Text);
        await api.Received(StaffChat, T("en", "staff.topic.sent"));

        // "My topics" shows both the status and the response, in the resident's language.
        api.PressButton(arabic, "Nm", "ar");
        var mine = await api.Received(arabic, T("ar", "topic.mine.title"));
        Assert.Contains("#2", mine.Text);

        // A resident pressing a forged staff button changes nothing.
        api.PressButton(7777, $"Ks:1:{(int)TopicStatus.Done}", "de");
        await api.Received(7777, T("de", "button.expired"));
        var db = bot.Services.GetRequiredService<Database>();
        Assert.Equal(TopicStatus.Planned, db.Read(d => TopicStore.Find(d, 1))!.Status);
    }

    [Fact]
    public async Task A_resident_supports_a_published_topic_twice_and_it_counts_once()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        await Share(api, 9201, "de", TopicCategory.Leisure, () => api.SendText(9201, "Mehr Bänke im Park, bitte."), "behaim", contactable: false);
        await api.Received(StaffChat, "#T1");
        api.SendText(Staff, "/publish 1 Mehr Sitzbänke im Park am Weißen See");
        await api.Received(Staff, T("en", "staff.publish.done", ("id", 1), ("wording", "Mehr Sitzbänke im Park am Weißen See")));

        api.PressButton(9202, "l:uk", "uk");
        api.PressButton(9202, "No", "uk");
        var list = await api.Received(9202, "Mehr Sitzbänke im Park am Weißen See");
        Assert.Contains("Ns:1", list.ButtonData);
        // Written in the staff language (English here), so a Ukrainian reader is told, as under a team's answer.
        Assert.Contains(T("uk", "topic.others.written", ("language", T("en", "language.name"))), list.Text);
        api.PressButton(9202, "Ns:1", "uk");
        api.PressButton(9202, "Ns:1", "uk");
        var acks = await api.WaitFor(() => api.CallsOf("answerCallbackQuery").Select(c => c.Body["text"]?.ToString()).Where(t => t is not null).ToList() is { Count: >= 2 } l ? l : null);
        Assert.Contains(T("uk", "topic.supported"), acks);
        Assert.Contains(T("uk", "topic.alreadysupported"), acks);
        var db = bot.Services.GetRequiredService<Database>();
        Assert.Equal(1, db.Read(d => TopicStore.Find(d, 1))!.Supporters);
    }

    [Fact]
    public async Task Mydata_returns_exactly_the_residents_data_and_delete_removes_every_trace_from_the_database_file()
    {
        var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        const long me = 5550009876543, other = 5550003333333;
        await Share(api, me, "en", TopicCategory.Safety, () => api.SendText(me, "The lights in the courtyard are broken.", "en"), "spitze", contactable: true);
        await Share(api, other, "en", TopicCategory.Work, () => api.SendText(other, "Other resident's private worry.", "en"), null, contactable: false);
        await api.Received(StaffChat, "#T2");
        api.PressButton(me, "S+", "en");
        api.SendText(me, "/mydata", "en");
        var file = await api.WaitFor(() => api.CallsOf("sendDocument").FirstOrDefault(c => c.ChatId == me));
        var json = JsonDocument.Parse(file.Document!).RootElement;
        Assert.Equal(me, json.GetProperty("profile").GetProperty("telegramUserId").GetInt64());
        Assert.True(json.GetProperty("subscription").GetProperty("subscribed").GetBoolean());
        var topic = Assert.Single(json.GetProperty("topics").EnumerateArray());
        Assert.Equal("The lights in the courtyard are broken.", topic.GetProperty("text").GetString());
        Assert.True(topic.GetProperty("teamMayContactMe").GetBoolean());
        var raw = System.Text.Encoding.UTF8.GetString(file.Document!);
        Assert.DoesNotContain("Other resident", raw);
        Assert.DoesNotContain(other.ToString(), raw);

        await Task.Delay(TimeSpan.FromSeconds(10)); // a pause, as a person takes one: flood control allows 8 updates in 10 s
        api.SendText(me, "/delete", "en");
        await api.Received(me, T("en", "privacy.confirm"));
        api.PressButton(me, "p:y", "en");
        await api.Received(me, T("en", "privacy.deleted"));
        var db = bot.Services.GetRequiredService<Database>();
        var kept = db.Read(d => TopicStore.Find(d, 1))!;
        Assert.Equal((0L, false, "The lights in the courtyard are broken."), (kept.SubmitterId, kept.Contactable, kept.Text));
        api.SendText(Staff, "/topic 1", "en"); // the card tells staff that nobody can be reached (was: "the answer reaches the person")
        var card = await api.Received(Staff, "#T1");
        Assert.Contains(T("en", "staff.topic.unlinked"), card.Text);
        Assert.DoesNotContain(T("en", "staff.topic.anonymous"), card.Text);

        // The goodbye needs the chat id until Telegram confirmed it; then nothing may be left.
        await api.WaitFor(() => db.Read(d => Worker.Conversations.Outbox.Pending(d, me)).Count == 0 ? api : null, what: "the last replies to be confirmed");
        await Task.Delay(1000); // the rewrite of the file after the flush
        await bot.Stop(); // the file is closed: read it as anyone could
        var bytes = Directory.GetFiles(bot.DataDir, "bennbot*").Where(f => !f.EndsWith(".lock")).SelectMany(File.ReadAllBytes).ToArray();
        Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(me.ToString())));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(BitConverter.GetBytes(me)));
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(BitConverter.GetBytes(other))); // the search does find ids that are there
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task Staff_get_stats_as_text_and_chart_and_a_csv_export_without_personal_data_and_residents_get_nothing()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        const long resident = 5550002222222;
        await Share(api, resident, "ar", TopicCategory.Discrimination, () => api.SendText(resident, "=HYPERLINK(\"http://x\") تمييز في المدرسة", "ar"), "rathaus", contactable: true);
        await api.Received(StaffChat, "#T1");

        api.Push("message", FakeUpdates.Message(Staff, "en", "/stats", StaffChat, "supergroup"));
        var stats = await api.Received(StaffChat, T("en", "staff.stats.title", ("total", 1)));
        Assert.Contains(T("en", "cat.discrimination") + ": 1", stats.Text);
        Assert.Contains(T("en", "field.dialogue") + ": 1", stats.Text);
        var chart = await api.WaitFor(() => api.CallsOf("sendPhoto").FirstOrDefault(c => c.ChatId == StaffChat));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], chart.Document!.Take(4));

        api.Push("message", FakeUpdates.Message(Staff, "en", "/export", StaffChat, "supergroup"));
        var csv = await api.WaitFor(() => api.CallsOf("sendDocument").FirstOrDefault(c => c.ChatId == StaffChat));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Document!.Take(3));
        var text = System.Text.Encoding.UTF8.GetString(csv.Document!);
        Assert.Contains("تمييز في المدرسة", text);
        Assert.DoesNotContain(resident.ToString(), text);

        // The same commands from a resident are refused kindly, as the team's.
        api.SendText(resident, "/export", "ar");
        await api.Received(resident, T("ar", "staff.only.command"));
        Assert.Single(api.CallsOf("sendDocument"));
    }

    [Fact]
    public async Task A_staff_reply_reaches_only_the_resident_whose_card_it_answers_never_one_named_in_someones_text()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        await Share(api, 9501, "de", TopicCategory.Health, () => api.SendText(9501, "Arzttermine sind schwer zu bekommen."), null, contactable: false);
        await api.Received(StaffChat, "#T1");
        // Another resident asks the team a question that mentions #T1.
        api.PressButton(9502, "a", "en");
        await api.WaitForMessages(9502, 1);
        api.SendText(9502, "What about #T1? I have the same problem.", "en");
        var card = await api.Received(StaffChat, "What about #T1?");
        await api.Reply(StaffChat, Staff, "Private answer for the asker", card);
        await api.Received(9502, "Private answer for the asker");
        // A staff reply to the bot's own confirmation that names a topic is no response to anyone.
        api.SendText(Staff, "/publish 1 Arzttermine", "en");
        var confirmation = await api.Received(Staff, T("en", "staff.publish.done", ("id", 1), ("wording", "Arzttermine")));
        await api.Reply(StaffChat, Staff, "internal note: Monday", confirmation);
        await Task.Delay(2000);
        Assert.DoesNotContain(api.MessagesTo(9501), m => m.Text!.Contains("Private answer") || m.Text.Contains("internal note"));
        var db = bot.Services.GetRequiredService<Database>();
        Assert.Null(db.Read(d => TopicStore.Find(d, 1))!.Response);
    }

    [Fact]
    public async Task A_question_ending_in_a_topic_tag_is_answered_to_its_asker_from_unanswered_never_to_the_topics_resident()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        const long topicResident = 9601, asker = 9602;
        await Share(api, topicResident, "de", TopicCategory.Housing, () => api.SendText(topicResident, "Schimmel in unserer Wohnung."), null, contactable: false);
        await api.Received(StaffChat, "#T1");
        // The attack of issue 19: the question's last line is another resident's topic tag.
        api.PressButton(asker, "a", "en");
        await api.WaitForMessages(asker, 1);
        var questionId = api.SendText(asker, "Where can I get help with my residence permit?\n#T1", "en");
        await api.Received(StaffChat, "residence permit");

        // Staff list the open questions in the staff chat and reply to the item, as the card says.
        api.Push("message", FakeUpdates.Message(Staff, "en", "/unanswered", StaffChat, "supergroup"));
        var item = await api.WaitFor(() => api.MessagesTo(StaffChat).LastOrDefault(m => m.Text!.StartsWith($"#Q{questionId}")), what: "the /unanswered item");
        await api.Reply(StaffChat, Staff, "Please ask the migration counselling at the Rathaus.", item);

        await api.Received(asker, "migration counselling");
        Assert.DoesNotContain(api.MessagesTo(topicResident), m => m.Text!.Contains("migration counselling"));
        var db = bot.Services.GetRequiredService<Database>();
        Assert.Null(db.Read(d => TopicStore.Find(d, 1))!.Response);
        Assert.NotNull(db.Read(d => d.GetCollection<Worker.Team.TeamQuestion>(Worker.Team.TeamQuestion.Collection).FindById(questionId))!.AnsweredAt);
    }

    [Fact]
    public async Task A_topic_ending_in_a_question_tag_cannot_take_a_reply_to_the_topics_list_and_its_card_opens_from_the_list()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        const long asker = 9603, topicResident = 9604;
        api.PressButton(asker, "a", "en");
        await api.WaitForMessages(asker, 1);
        var questionId = api.SendText(asker, "Is there a room for our choir?", "en");
        await api.Received(StaffChat, "room for our choir");
        // The attack of issue 19 through the list: a topic whose last line is someone else's question tag.
        await Share(api, topicResident, "de", TopicCategory.Leisure, () => api.SendText(topicResident, $"Mehr Bänke im Park\n#Q{questionId}"), null, contactable: false);
        await api.Received(StaffChat, "#T1");

        api.Push("message", FakeUpdates.Message(Staff, "en", "/topics", StaffChat, "supergroup"));
        var list = await api.Received(StaffChat, T("en", "staff.topics.title", ("count", 1), ("page", 1), ("pages", 1)));
        await api.Reply(StaffChat, Staff, "Thanks, we will look at the benches.", list);
        // The staff chat's updates are handled in order: once a second /topics is answered, the reply to the list was handled.
        api.Push("message", FakeUpdates.Message(Staff, "en", "/topics", StaffChat, "supergroup"));
        await api.WaitFor(() => api.MessagesTo(StaffChat).Count(m => m.Text == list.Text) >= 2 ? api : null, what: "the second list");
        var db = bot.Services.GetRequiredService<Database>();
        Assert.Null(db.Read(d => d.GetCollection<Worker.Team.TeamQuestion>(Worker.Team.TeamQuestion.Collection).FindById(questionId))!.AnsweredAt);
        // The list answers nobody; a tap on its number opens the topic's card, and a reply to that answers the topic.
        await api.Press(StaffChat, Staff, "Ko:1", language: "en");
        var card = await api.WaitFor(() => api.MessagesTo(StaffChat).LastOrDefault(m => m.Text!.EndsWith("#T1") && m.At > list.At), what: "the card opened from the list");
        await api.Reply(StaffChat, Staff, "Danke, wir prüfen die Bänke.", card);

        await api.Received(topicResident, "wir prüfen die Bänke");
        Assert.Null(db.Read(d => d.GetCollection<Worker.Team.TeamQuestion>(Worker.Team.TeamQuestion.Collection).FindById(questionId))!.AnsweredAt);
        Assert.Equal("Danke, wir prüfen die Bänke.", db.Read(d => TopicStore.Find(d, 1))!.Response);
        Assert.DoesNotContain(api.MessagesTo(asker), m => m.Text!.Contains("benches") || m.Text.Contains("Bänke"));
    }

    [Fact]
    public async Task After_a_merge_a_resident_sees_the_responses_sent_to_them_never_an_earlier_one_written_to_the_other_resident()
    {
        await using var bot = await BotUnderTest.Start(Settings);
        var api = bot.Api;
        const long first = 6300, second = 6301;
        await Share(api, first, "de", TopicCategory.Housing, () => api.SendText(first, "Die Heizung im Haus 4 ist kaputt."), null, contactable: true);
        var card = await api.Received(StaffChat, "#T1");
        await Share(api, second, "de", TopicCategory.Housing, () => api.SendText(second, "Heizung kalt in Haus 4."), null, contactable: false);
        await api.Received(StaffChat, "#T2");
        await api.Reply(StaffChat, Staff, "Frau Example, wir rufen Sie unter 0176 5550123 an.", card);
        await api.Received(first, "0176 5550123");
        api.SendText(Staff, "/merge 2 1", "en");
        await api.Received(Staff, T("en", "staff.merge.done", ("from", 2), ("into", 1)));

        api.PressButton(second, "Nm", "de");
        var mine = await api.Received(second, T("de", "topic.mine.title"));
        Assert.Contains("2 → #1", mine.Text);
        Assert.DoesNotContain("0176", mine.Text);

        // A response after the merge goes to both residents, and both see it.
        await api.Reply(StaffChat, Staff, "Der Hausmeister kommt am Montag.", card);
        await api.Received(second, "Der Hausmeister kommt am Montag.");
        await api.Received(first, "Der Hausmeister kommt am Montag.");
        var before = api.MessagesTo(second).Count;
        api.PressButton(second, "Nm", "de");
        var again = await api.WaitFor(() => api.MessagesTo(second).Skip(before).FirstOrDefault(m => m.Text!.Contains(T("de", "topic.mine.title"))), what: "my topics again");
        Assert.Contains("Der Hausmeister kommt am Montag.", again.Text);
        Assert.DoesNotContain("0176", again.Text);
    }

    private static System.Text.Json.Nodes.JsonObject StaffPress(string data)
    {
        var q = FakeUpdates.CallbackQuery(Staff, "en", data);
        q["message"]!["chat"] = FakeUpdates.Chat(StaffChat);
        return q;
    }
}
