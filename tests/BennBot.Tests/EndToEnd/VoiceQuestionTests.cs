using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using BennBot.Worker.Voice;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

/// <summary>Questions by voice (issue 15, items 4 and 5): a resident's voice message outside a topic is offered to the
/// team; it reaches the staff chat as the voice itself, without any id or name; the team answers with text or voice, and
/// the answer reaches only that resident. Forged or oversized voice input gets a kind answer and changes nothing.</summary>
public sealed class VoiceQuestionTests
{
    private const long StaffChat = -100500, StaffMember = 900, Resident = 5101, Other = 5102;
    private static readonly string[] Staff = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];

    private static string T(string language, string key, params (string, object)[] args) => TestContent.Content.T(Languages.Find(language)!, key, args);

    [Fact]
    public async Task A_residents_voice_question_reaches_the_staff_chat_without_any_id_or_name_and_a_staff_voice_reply_reaches_only_that_resident()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        var api = bot.Api;
        api.PressButton(Resident, "l:ar", "ar");
        api.PressButton(Other, "l:ar", "ar");
        await api.WaitForMessages(Other, 1);
        api.SendVoice(Resident, "resident-question-voice", "ar", duration: 42);

        // Asked first, in Arabic: nothing goes to the team before "yes".
        var offer = await api.Received(Resident, T("ar", "voice.offer"));
        Assert.Empty(api.CallsOf("sendVoice"));
        await api.Press(Resident, Resident, "Ys", language: "ar");
        await api.Received(Resident, T("ar", "askteam.sent"));

        var card = await api.WaitFor(() => api.CallsOf("sendVoice").FirstOrDefault(c => c.ChatId == StaffChat), what: "the voice question in the staff chat");
        Assert.Equal("resident-question-voice", card.Body["voice"]!.ToString()); // the voice itself, by file id: Telegram shows no origin
        Assert.Contains("#Q", card.Text);
        Assert.Contains("العربية", card.Text);
        Assert.Contains(DateTime.UtcNow.ToString("MM.yyyy"), card.Text);
        var everythingStaffGot = string.Join("\n", api.Calls.Where(c => c.ChatId == StaffChat).Select(c => c.Body.ToJsonString()));
        Assert.DoesNotContain(Resident.ToString(), everythingStaffGot);
        Assert.DoesNotContain("Resident" + Resident, everythingStaffGot);
        Assert.Empty(api.CallsOf("forwardMessage")); // a forward would show who sent it

        // The team answers by voice, replying to the card: the resident hears it as voice, nobody else gets anything.
        var cardId = await api.WaitFor(() => card.MessageId is { } id ? (object)id : null);
        api.Push("message", FakeUpdates.VoiceReply(StaffChat, StaffMember, "staff-answer-voice", 20, (int)cardId));
        var answer = await api.WaitFor(() => api.CallsOf("sendVoice").FirstOrDefault(c => c.Body["voice"]!.ToString() == "staff-answer-voice"), what: "the voice answer");
        Assert.Equal(Resident, answer.ChatId);
        Assert.Contains(T("ar", "askteam.answer"), answer.Text);
        await api.Received(StaffChat, T("en", "staff.sent"));
        Assert.Single(api.CallsOf("sendVoice"), c => c.Body["voice"]!.ToString() == "staff-answer-voice");
        Assert.Single(api.MessagesTo(Other)); // only the language confirmation

        // Answered: the question no longer names the resident nor keeps the audio's reference.
        var stored = bot.Services.GetRequiredService<Database>().Read(d => TeamStore.Unanswered(d));
        Assert.Empty(stored);
        var all = bot.Services.GetRequiredService<Database>().Read(d => d.GetCollection<TeamQuestion>(TeamQuestion.Collection).FindAll().ToList());
        Assert.All(all, q => Assert.Equal((0L, (string?)null), (q.ResidentId, q.VoiceFileId)));
    }

    [Fact]
    public async Task The_team_can_answer_a_voice_question_with_text()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        var api = bot.Api;
        api.PressButton(Resident, "a", "uk"); // right after "Ask the team" a voice message goes at once, like a typed question
        await api.WaitForMessages(Resident, 1);
        api.SendVoice(Resident, "uk-question", "uk", duration: 9);
        var card = await api.WaitFor(() => api.CallsOf("sendVoice").FirstOrDefault(c => c.ChatId == StaffChat), what: "the voice question");
        await api.Reply(StaffChat, StaffMember, "Так, у понеділок о 17:00.", card);
        var answer = await api.Received(Resident, "у понеділок о 17:00");
        Assert.Contains(T("uk", "askteam.answer"), answer.Text);
    }

    [Fact]
    public async Task Forged_or_oversized_voice_messages_get_a_kind_answer_in_the_residents_language_and_change_nothing()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        var api = bot.Api;
        api.SendVoice(Resident, "<b>forged</b>\"id", "fa", duration: 5);
        await api.Received(Resident, T("fa", "voice.invalid"));
        api.SendVoice(Resident, "fine-id", "fa", duration: -3);
        await api.WaitFor(() => api.MessagesTo(Resident).Count(m => m.Text!.Contains(T("fa", "voice.invalid"))) == 2 ? api : null, what: "the second kind refusal");
        api.SendVoice(Resident, "long-id", "fa", duration: 301);
        await api.Received(Resident, T("fa", "voice.toolong"));
        api.SendVoice(Resident, "big-id", "fa", duration: 60, fileSize: 25L * 1024 * 1024);
        await api.WaitFor(() => api.MessagesTo(Resident).Count(m => m.Text!.Contains(T("fa", "voice.toolong"))) == 2 ? api : null, what: "the second too-long answer");

        Assert.Empty(api.CallsOf("sendVoice"));
        Assert.Empty(api.MessagesTo(StaffChat));
        Assert.DoesNotContain(api.MessagesTo(Resident), m => m.ButtonData.Contains("Ys")); // nothing offered
        Assert.Null(bot.Services.GetRequiredService<Database>().Read(d => VoiceStore.Offer(d, Resident)));
    }

    [Fact]
    public async Task Voice_questions_count_towards_the_same_limit_as_typed_ones()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        var api = bot.Api;
        for (var i = 1; i <= TeamHandler.MaxOpenQuestions; i++)
        {
            api.SendVoice(Resident, $"question-{i}", "en", duration: 10);
            await api.WaitFor(() => api.MessagesTo(Resident).Count(m => m.Text!.Contains(T("en", "voice.offer"))) == i ? api : null, what: $"offer {i}");
            await api.Press(Resident, Resident, "Ys", language: "en", after: api.MessagesTo(Resident).Count - 1);
            await api.WaitFor(() => api.CallsOf("sendVoice").Count(c => c.ChatId == StaffChat) == i ? api : null, what: $"question {i} in the staff chat");
        }
        api.SendVoice(Resident, "one-too-many", "en", duration: 10);
        await api.Received(Resident, T("en", "askteam.limit"));
        Assert.Equal(TeamHandler.MaxOpenQuestions, api.CallsOf("sendVoice").Count(c => c.ChatId == StaffChat));
    }

    [Fact]
    public async Task A_resident_sees_their_voice_question_in_their_data_and_deleting_their_data_erases_it()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        var api = bot.Api;
        api.PressButton(Resident, "l:ar", "ar");
        api.SendText(Resident, "/privacy", "ar");
        var privacy = await api.Received(Resident, T("ar", "privacy.voice"));

        api.SendVoice(Resident, "kept-only-as-a-reference", "ar", duration: 33);
        await api.Press(Resident, Resident, "Ys", language: "ar");
        await api.WaitFor(() => api.CallsOf("sendVoice").FirstOrDefault(c => c.ChatId == StaffChat), what: "the voice question");

        api.SendText(Resident, "/mydata", "ar");
        var file = await api.WaitFor(() => api.CallsOf("sendDocument").FirstOrDefault(c => c.ChatId == Resident), what: "the data file");
        var json = System.Text.Encoding.UTF8.GetString(file.Document!);
        Assert.Contains("kept-only-as-a-reference", json);
        Assert.Contains("\"seconds\": 33", json);
        api.PressButton(Resident, "p:s", "ar");
        await api.Received(Resident, "🎤 33 s");

        api.PressButton(Resident, "p:y", "ar");
        await api.Received(Resident, T("ar", "privacy.deleted"));
        var db = bot.Services.GetRequiredService<Database>();
        await api.WaitFor(() => db.Read(d => d.GetCollection<TeamQuestion>(TeamQuestion.Collection).Count()) == 0 ? api : null, what: "the question erased");
        Assert.NotNull(privacy);
    }
}
