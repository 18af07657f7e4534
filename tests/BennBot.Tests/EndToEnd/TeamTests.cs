using BennBot.FakeTelegram;
using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using Microsoft.Extensions.DependencyInjection;

namespace BennBot.Tests.EndToEnd;

public sealed class TeamTests
{
    private const long StaffChat = -100500, StaffMember = 900, Outsider = 901, Resident = 5101;
    private static readonly string[] Staff = ["--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=en"];

    [Fact]
    public async Task Resident_asks_the_team_anonymously_and_gets_the_staff_answer_in_their_chat()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        bot.Api.PressButton(Resident, "l:ar", "ar");
        bot.Api.PressButton(Resident, "a", "ar");
        await bot.Api.WaitForMessages(Resident, 2);
        bot.Api.SendText(Resident, "Can our <b>café</b> & <a href=\"http://evil\">club</a> use a room?", "ar");

        var toStaff = (await bot.Api.WaitForMessages(StaffChat, 1))[0];
        Assert.Contains("&lt;b&gt;café&lt;/b&gt; &amp; &lt;a href=&quot;http://evil&quot;&gt;club&lt;/a&gt;", toStaff.Text);
        Assert.DoesNotContain(Resident.ToString(), toStaff.Text);
        Assert.DoesNotContain("Resident5101", toStaff.Text); // no name
        Assert.Contains("العربية", toStaff.Text);           // the language, so staff know
        var thanks = (await bot.Api.WaitForMessages(Resident, 3))[2];
        Assert.Contains("BENN", thanks.Text);

        // Someone in the staff chat who is not on the staff list is not heard.
        await bot.Api.Reply(StaffChat, Outsider, "Fake answer", toStaff);
        await bot.Api.Reply(StaffChat, StaffMember, "Ja, im Stadtteilzentrum. Fragt dort nach.", toStaff);
        var answer = (await bot.Api.WaitForMessages(Resident, 4))[3];
        Assert.Contains("Stadtteilzentrum", answer.Text);
        Assert.DoesNotContain("Fake answer", string.Join("", bot.Api.MessagesTo(Resident).Select(m => m.Text)));
        Assert.Contains("Sent", (await bot.Api.WaitForMessages(StaffChat, 2))[1].Text, StringComparison.OrdinalIgnoreCase);

        // Answered once: a second reply to the same question goes nowhere.
        await bot.Api.Reply(StaffChat, StaffMember, "Second answer", toStaff);
        await bot.Api.WaitForMessages(StaffChat, 3);
        Assert.Equal(4, bot.Api.MessagesTo(Resident).Count);
    }

    [Fact]
    public async Task Only_staff_see_unanswered_questions_and_feedback()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        bot.Api.PressButton(Resident, "a", "en");
        bot.Api.SendText(Resident, "Where can I print flyers for our meeting?", "en");
        bot.Api.PressButton(Resident, "f-:petition", "en");
        await bot.Api.WaitForMessages(StaffChat, 1);
        var ack = await bot.Api.WaitFor(() => bot.Api.CallsOf("answerCallbackQuery").FirstOrDefault(c => c.Body["text"] is not null));
        Assert.Contains("Thank you", ack.Body["text"]!.GetValue<string>());

        bot.Api.SendText(Resident, "/unanswered", "en");
        var refused = (await bot.Api.WaitForMessages(Resident, 3))[2];
        Assert.Contains("This command is for the BENN team only", refused.Text);

        bot.Api.SendText(StaffMember, "/unanswered", "de");
        var list = await bot.Api.WaitForMessages(StaffMember, 2);
        Assert.Contains("1", list[0].Text);
        Assert.Contains("print flyers", list[1].Text);

        bot.Api.SendText(StaffMember, "/feedback", "de");
        var feedback = (await bot.Api.WaitForMessages(StaffMember, 3))[2];
        Assert.Contains("👎 1", feedback.Text);
    }

    [Fact]
    public async Task Staff_see_when_a_question_was_asked_in_Berlin_time()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        var db = bot.Services.GetRequiredService<Database>();
        // 23:30 UTC on a winter evening is 00:30 the next day in Berlin.
        await db.Write(d => TeamStore.Apply(d, new AskTeam(77, Resident, "en", "Is the hall free on Sunday?"), new DateTime(2026, 1, 15, 23, 30, 0, DateTimeKind.Utc)));
        bot.Api.SendText(StaffMember, "/unanswered", "en");
        var item = await bot.Api.WaitFor(() => bot.Api.MessagesTo(StaffMember).FirstOrDefault(m => m.Text!.Contains("hall free")));
        Assert.Contains("16.01.2026", item.Text);
        bot.Api.PressButton(StaffMember, "Qo:77", "en");
        var card = await bot.Api.WaitFor(() => bot.Api.MessagesTo(StaffMember).Where(m => m.Text!.Contains("hall free")).Skip(1).FirstOrDefault(), what: "the question's card");
        Assert.Contains("16.01.2026 00:30", card.Text);
    }

    [Fact]
    public async Task Resident_sees_their_open_question_in_their_data_and_deleting_it_removes_it()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        bot.Api.PressButton(Resident, "a", "en");
        bot.Api.SendText(Resident, "Is there a room for our women's group?", "en");
        await bot.Api.WaitForMessages(StaffChat, 1);
        bot.Api.PressButton(Resident, "p:s", "en");
        var data = (await bot.Api.WaitForMessages(Resident, 3))[2];
        Assert.Contains("women's group", data.Text);
        Assert.Contains("open questions to the BENN team: 1", data.Text);

        bot.Api.PressButton(Resident, "p:y", "en");
        await bot.Api.WaitForMessages(Resident, 4); // "I have deleted your data"
        bot.Api.SendText(StaffMember, "/unanswered", "de");
        var list = (await bot.Api.WaitForMessages(StaffMember, 1))[0];
        Assert.Contains("no unanswered questions", list.Text);
    }

    [Fact]
    public async Task A_resident_cannot_flood_the_staff_chat_with_questions()
    {
        await using var bot = await BotUnderTest.Start(Staff);
        for (var i = 1; i <= 3; i++)
        {
            bot.Api.PressButton(Resident, "a", "en");
            bot.Api.SendText(Resident, $"Question number {i} about a room", "en");
            await bot.Api.WaitForMessages(StaffChat, i);
        }
        bot.Api.PressButton(Resident, "a", "en");
        var refused = (await bot.Api.WaitForMessages(Resident, 7))[6];
        Assert.Contains("already sent several questions", refused.Text);
        Assert.Equal(3, bot.Api.MessagesTo(StaffChat).Count);
    }

    [Fact]
    public async Task Without_a_staff_chat_the_resident_is_pointed_to_a_contact_the_fact_sheet_verifies()
    {
        // Issue 12: "ask the team in person" led nowhere (the BENN office is unverified); Pankow beteiligt's address is verified.
        await using var bot = await BotUnderTest.Start();
        bot.Api.PressButton(Resident, "a", "en");
        var reply = (await bot.Api.WaitForMessages(Resident, 1))[0];
        Assert.Contains("kontakt@pankow-beteiligt.berlin", reply.Text);
        Assert.DoesNotContain("in person", reply.Text);
    }
}
