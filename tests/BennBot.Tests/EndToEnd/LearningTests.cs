using BennBot.FakeTelegram;
using BennBot.Worker.Learning;
using BennBot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

/// <summary>Issue 16: the bot learns from the questions it could not answer. A resident's question goes to the team;
/// staff tap "📚 This is about…" → petition and confirm; the next resident asking it, or nearly it, gets the answer.</summary>
public sealed class LearningTests
{
    private const long StaffChat = -100500, StaffMember = 900, Outsider = 901, First = 5201, Second = 5202, Third = 5203;
    private static readonly string[] Staff = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];
    private const string Question = "Wo reiche ich eine Bitte an die Volksvertretung ein?";
    private const string Paraphrase = "Wo kann ich eine Bitte an die Volksvertretung einreichen?";

    [Fact]
    public async Task Staff_turn_an_unanswered_question_into_an_example_and_the_next_resident_gets_the_answer()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        var api = bot.Api;

        // A resident asks; BennBot has no answer (no petition card with its 👍), so they send it to the team.
        var declined = await Ask(api, First, Question);
        Assert.DoesNotContain("f+:petition", declined.ButtonData);
        api.PressButton(First, "a", "de");
        await api.WaitForMessages(First, 3);
        api.SendText(First, Question, "de");
        var card = await api.Received(StaffChat, "Volksvertretung");
        Assert.Contains(card.ButtonData, d => d.StartsWith("Le:"));

        // Staff, in the staff chat: 📚 → the category of petitions → Petition; the preview; confirm.
        await api.Press(StaffChat, StaffMember, "Le:", language: "en");
        var category = TestContent.Content.Entry("petition")!.Category;
        await api.Press(StaffChat, StaffMember, "Lc:", ":" + category, "en");
        await api.Press(StaffChat, StaffMember, "Lt:", ":petition", "en");
        var preview = await api.Received(StaffChat, "names");
        Assert.Contains(Question, preview.Text);
        await api.Press(StaffChat, StaffMember, "Ly:", language: "en");
        await api.Received(StaffChat, "Saved");

        // The same question from another resident, and a near paraphrase from a third: answered with the petition entry.
        Assert.Contains("f+:petition", (await Ask(api, Second, Question)).ButtonData);
        Assert.Contains("f+:petition", (await Ask(api, Third, Paraphrase)).ButtonData);

        // The team's reply still reaches the first resident, after the example was saved.
        await api.Reply(StaffChat, StaffMember, "Beim Petitionsausschuss des Abgeordnetenhauses.", card);
        await api.Received(First, "Petitionsausschuss");

        // Kept as content only: the wording, its entry and language; no resident, chat or date.
        await bot.Stop();
        using var db = new Database(Path.Combine(bot.DataDir, "bennbot.db"));
        var kept = Assert.Single(db.Read(LearningStore.All));
        Assert.Equal(("petition", "de", Question), (kept.Target, kept.Language, kept.Text));
    }

    [Fact]
    public async Task Only_staff_can_confirm_and_a_replayed_or_forged_button_changes_nothing()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        var api = bot.Api;
        api.PressButton(First, "l:de", "de");
        api.PressButton(First, "a", "de");
        await api.WaitForMessages(First, 2);
        api.SendText(First, "Ruf mich an unter 0176 12345678: wo reiche ich eine Bitte an die Volksvertretung ein?", "de");
        var card = await api.Received(StaffChat, "Volksvertretung");
        var qid = card.ButtonData.Single(d => d.StartsWith("Le:"))[3..];
        // This time the team answers first; the question can still become an example afterwards.
        await api.Reply(StaffChat, StaffMember, "Beim Petitionsausschuss des Abgeordnetenhauses.", card);
        await api.Received(First, "Petitionsausschuss");

        api.PressButton(StaffMember, $"Lt:{qid}:petition", "en");
        var preview = await api.Received(StaffMember, "names");
        Assert.DoesNotContain("12345678", preview.Text);
        Assert.Contains("[☎]", preview.Text);

        // Someone not on the staff list presses confirm (a forwarded or forged button): told kindly, nothing saved.
        api.PressButton(Outsider, "Ly:" + qid, "en");
        await api.Received(Outsider, "team only");
        // Staff correct the wording by replying to the preview: the number stays out, whatever they paste.
        await PrivateReply(api, StaffMember, "Wo reiche ich eine Bitte an die Volksvertretung ein? Tel 030 9876543", preview);
        var corrected = await api.WaitFor(() => api.MessagesTo(StaffMember).Skip(1).LastOrDefault(m => m.Text!.Contains("names")));
        Assert.DoesNotContain("9876543", corrected.Text);

        api.PressButton(StaffMember, "Ly:" + qid, "en");
        await api.Received(StaffMember, "Saved");
        api.PressButton(StaffMember, "Ly:" + qid, "en"); // replayed
        await api.Received(StaffMember, "already saved or cancelled");
        api.PressButton(StaffMember, "Ly:999999", "en"); // no such draft
        await api.WaitFor(() => api.MessagesTo(StaffMember).Count(m => m.Text!.Contains("already saved or cancelled")) == 2 ? api : null);

        // The same wording again is a duplicate; a question of nothing but a number leaves nothing to learn.
        api.PressButton(StaffMember, $"Lt:{qid}:petition", "en");
        await PrivateReply(api, StaffMember, "Wo reiche ich eine Bitte an die Volksvertretung ein? Tel [☎]", await api.Received(StaffMember, "names"));
        api.PressButton(StaffMember, "Ly:" + qid, "en");
        await api.Received(StaffMember, "already has this example");
        await PrivateReply(api, StaffMember, "+49 30 1234567 @someone", api.MessagesTo(StaffMember).Last(m => m.Text!.Contains("names")));
        await api.Received(StaffMember, "Nothing is left");
        // Longer than a question may be (1,000 characters): refused, with the limit named.
        await PrivateReply(api, StaffMember, string.Concat(Enumerable.Repeat("Wie geht eine Petition? ", 50)), api.MessagesTo(StaffMember).Last(m => m.Text!.Contains("names")));
        await api.Received(StaffMember, "too long for an example (at most 1000 characters)");

        // /examples lists it (filters by entry and language); 🗑 removes it, and only for staff.
        api.SendText(StaffMember, "/examples entry=petition lang=de", "en");
        var list = await api.Received(StaffMember, "learned from the team: 1");
        api.SendText(StaffMember, "/examples lang=ar", "en");
        await api.Received(StaffMember, "No learned examples");
        var forget = list.ButtonData.Single(d => d.StartsWith("Ld:"));
        api.PressButton(Outsider, forget, "en");
        await api.WaitFor(() => api.MessagesTo(Outsider).Count(m => m.Text!.Contains("team only")) == 2 ? api : null);
        Assert.Single(bot.Services.GetRequiredService<Database>().Read(LearningStore.All));
        api.PressButton(StaffMember, forget, "en");
        await api.Received(StaffMember, "Example removed");
        Assert.Empty(bot.Services.GetRequiredService<Database>().Read(LearningStore.All));
    }

    // A resident with German chosen asks a question; returns BennBot's reply to it.
    private static async Task<ApiCall> Ask(FakeBotApi api, long resident, string question)
    {
        api.PressButton(resident, "l:de", "de");
        await api.WaitForMessages(resident, 1);
        api.SendText(resident, question, "de");
        return (await api.WaitForMessages(resident, 2))[1];
    }

    // A reply in a private chat to one of the bot's messages, as Telegram delivers it.
    private static async Task PrivateReply(FakeBotApi api, long userId, string text, ApiCall to)
    {
        var id = await api.WaitFor(() => to.MessageId is { } m ? (object)m : null);
        var message = FakeUpdates.Message(userId, "en", text);
        message["reply_to_message"] = new System.Text.Json.Nodes.JsonObject
        {
            ["message_id"] = (int)id, ["date"] = FakeUpdates.Now(), ["chat"] = FakeUpdates.PrivateChat(userId), ["from"] = FakeUpdates.Bot(), ["text"] = "preview",
        };
        api.Push("message", message);
    }
}
