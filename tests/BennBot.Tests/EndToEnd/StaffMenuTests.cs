using BennBot.Content;
using BennBot.FakeTelegram;

namespace BennBot.Tests.EndToEnd;

/// <summary>What is switched on is what is offered (issue 13): without a staff chat residents are not offered topics,
/// which would only answer "not switched on"; staff get their own help and a team menu in the staff language, and a
/// team button pressed by anyone else changes nothing.</summary>
public sealed class StaffMenuTests
{
    private const long StaffChat = -100500, Staff = 900, Resident = 7301;
    private static readonly ContentSet C = TestContent.Content;
    private static string T(string language, string key) => C.T(Languages.Find(language)!, key);

    [Fact]
    public async Task Without_a_staff_chat_residents_are_not_offered_topics_in_the_menu_the_help_or_the_command_list()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:Staff:UserIds:0=900");
        var api = bot.Api;

        api.SendText(Resident, "/menu", "en");
        var menu = await api.Received(Resident, T("en", "menu.title"));
        Assert.DoesNotContain("N", menu.ButtonData);
        Assert.Contains("E:*:*", menu.ButtonData); // the rest of the menu is there

        api.SendText(Resident, "/help", "en");
        var help = await api.Received(Resident, "/events");
        Assert.DoesNotContain("/topic", help.Text);
        Assert.Contains("/privacy", help.Text);

        // Typed anyway, or an old button: a kind answer that says what the bot does offer.
        api.SendText(Resident, "/topic", "en");
        await api.WaitFor(() => api.MessagesTo(Resident).Count(m => m.Text!.Contains(T("en", "topic.notoffered"))) == 1 ? api : null);
        api.PressButton(Resident, "N", "en");
        await api.WaitFor(() => api.MessagesTo(Resident).Count(m => m.Text!.Contains(T("en", "topic.notoffered"))) == 2 ? api : null);
        Assert.DoesNotContain(api.MessagesTo(Resident), m => m.Text!.Contains(T("en", "topic.unavailable")));

        var commands = await api.WaitFor(() => api.CallsOf("setMyCommands").Count >= Languages.All.Count(l => l.TelegramCode is not null) + 1 ? api.CallsOf("setMyCommands") : null);
        Assert.All(commands, c => Assert.Contains("privacy", c.Body.ToJsonString()));
        Assert.All(commands, c => Assert.DoesNotContain("topic", c.Body.ToJsonString()));

        // Staff without a staff chat: their help says what is not switched on, and offers no topic buttons.
        api.SendText(Staff, "/help", "en");
        var staffHelp = await api.Received(Staff, C.T(Languages.German, "staff.help.intro"));
        Assert.Contains(C.T(Languages.German, "staff.help.off"), staffHelp.Text);
        Assert.DoesNotContain("/stats", staffHelp.Text);
        Assert.Contains("Z:d", staffHelp.ButtonData);
        Assert.DoesNotContain("Z:t", staffHelp.ButtonData);
    }

    [Fact]
    public async Task Staff_get_their_own_help_and_team_menu_in_the_staff_language_and_a_forged_team_button_changes_nothing()
    {
        // The staff language is German; this staff member's Telegram is in English.
        await using var bot = await BotUnderTest.Start("--BennBot:Staff:ChatId=-100500", "--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=de");
        var api = bot.Api;
        string De(string key) => C.T(Languages.German, key);

        api.SendText(Staff, "/help", "en");
        var help = await api.Received(Staff, De("staff.help.intro"));
        foreach (var command in new[] { "/newevent", "/desk", "/topics", "/merge", "/publish", "/stats", "/export", "/unanswered", "/feedback" })
            Assert.Contains(command, help.Text);
        Assert.Equal(["Z:d", "Z:n", "Z:P", "Z:v", "Z:t", "Z:u", "Z:s", "Z:x", "Z:r"], help.ButtonData);
        Assert.Contains(De("staff.b.desk"), help.Buttons.Select(b => b.Label));

        // Each button does what its command does.
        await api.Press(Staff, Staff, "Z:s", language: "en");
        await api.Received(Staff, De("staff.stats.none"));
        await api.Press(Staff, Staff, "Z:d", language: "en");
        await api.Received(Staff, De("desk.empty"));
        await api.Press(Staff, Staff, "Z:u", language: "en");
        await api.Received(Staff, De("staff.none"));
        await api.Press(Staff, Staff, "Z:x", language: "en");
        await api.WaitFor(() => api.CallsOf("sendDocument").SingleOrDefault(c => c.ChatId == Staff));

        // The resident menu leads staff to their own one.
        api.SendText(Staff, "/menu", "en");
        var menu = await api.Received(Staff, T("en", "menu.title"));
        Assert.Equal("Z:m", menu.ButtonData[0]);
        await api.Press(Staff, Staff, "Z:m", language: "en");
        await api.Received(Staff, De("staff.menu.title"));

        // In the staff chat, /help is the team's help, without the residents' menu.
        api.Push("message", FakeUpdates.Message(Staff, "en", "/help", StaffChat, "supergroup"));
        var inGroup = await api.Received(StaffChat, De("staff.help.intro"));
        Assert.DoesNotContain("Z:r", inGroup.ButtonData);

        // A resident: the resident help and menu, and a forged team button is refused kindly and sends nothing.
        api.SendText(Resident, "/help", "en");
        var residentHelp = await api.Received(Resident, "/events");
        Assert.DoesNotContain("/newevent", residentHelp.Text);
        Assert.DoesNotContain(residentHelp.ButtonData, d => d.StartsWith("Z:", StringComparison.Ordinal));
        foreach (var forged in new[] { "Z:x", "Z:s", "Z:n", "Z:m" }) api.PressButton(Resident, forged, "en");
        await api.WaitFor(() => api.MessagesTo(Resident).Count(m => m.Text!.Contains(T("en", "staff.only"))) == 4 ? api : null);
        Assert.Single(api.CallsOf("sendDocument"));
        Assert.DoesNotContain(api.MessagesTo(Resident), m => m.Text!.Contains(De("desk.ask.title")) || m.Text.Contains(De("staff.stats.none")));
        Assert.DoesNotContain(api.CallsOf("sendPhoto"), c => c.ChatId == Resident);
    }
}
