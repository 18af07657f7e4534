using BennBot.FakeTelegram;

namespace BennBot.Tests.EndToEnd;

public sealed class ResidentConversationTests
{
    private const char Rlm = '\u200F';

    [Fact]
    public async Task Resident_whose_telegram_is_arabic_is_greeted_in_arabic_picks_farsi_and_gets_the_farsi_answer()
    {
        await using var bot = await BotUnderTest.Start();
        const long resident = 5001;

        bot.Api.SendText(resident, "/start", languageCode: "ar");
        var greeting = (await bot.Api.WaitForMessages(resident, 1))[0];
        Assert.Contains("BennBot", greeting.Text);
        Assert.Contains("مرحب", greeting.Text, StringComparison.Ordinal); // Arabic greeting
        Assert.All(greeting.Text!.Split('\n').Where(l => l.Length > 0), line => Assert.Equal(Rlm, line[0]));
        Assert.Equal("Html", greeting.ParseMode, ignoreCase: true);
        Assert.Equal(["l:de", "l:de-simple", "l:en", "l:ar", "l:fa", "l:tr", "l:uk", "l:ru"], greeting.ButtonData);
        Assert.Contains(greeting.Buttons, b => b.Label == "فارسی / دری");

        bot.Api.PressButton(resident, "l:fa", languageCode: "ar");
        var confirmed = (await bot.Api.WaitForMessages(resident, 2))[1];
        Assert.Contains("فارسی", confirmed.Text);
        Assert.Contains("t", confirmed.ButtonData); // the main menu: take part without voting rights
        Assert.Single(bot.Api.CallsOf("answerCallbackQuery"));

        bot.Api.SendText(resident, "می‌خواهم در محله کار داوطلبانه بکنم", languageCode: "ar");
        var answer = (await bot.Api.WaitForMessages(resident, 3))[2];
        Assert.Contains("FreiwilligenAgentur Pankow", answer.Text);
        Assert.Contains("داوطلب", answer.Text);           // in Farsi, although Telegram says Arabic
        Assert.Contains("https://ehrenamt-pankow.berlin", answer.Text); // the source is shown
    }

    [Fact]
    public async Task Resident_can_browse_to_an_answer_with_buttons_only()
    {
        await using var bot = await BotUnderTest.Start();
        const long resident = 5002;

        bot.Api.PressButton(resident, "t", languageCode: "en");
        var topics = (await bot.Api.WaitForMessages(resident, 1))[0];
        Assert.Contains("c:district", topics.ButtonData);

        bot.Api.PressButton(resident, "c:district", languageCode: "en");
        var options = (await bot.Api.WaitForMessages(resident, 2))[1];
        Assert.Contains("e:petition", options.ButtonData);

        bot.Api.PressButton(resident, "e:petition", languageCode: "en");
        var answer = (await bot.Api.WaitForMessages(resident, 3))[2];
        Assert.Contains("<b>Petitions</b>", answer.Text);
        Assert.Contains("epetitionen.bundestag.de", answer.Text);
        Assert.Contains("m", answer.ButtonData);
        Assert.Equal(3, bot.Api.CallsOf("answerCallbackQuery").Count);
    }

    [Fact]
    public async Task Resident_who_presses_a_forged_button_gets_a_polite_answer_and_nothing_changes()
    {
        await using var bot = await BotUnderTest.Start();
        const long resident = 5003;
        bot.Api.PressButton(resident, "l:tr", languageCode: "de");
        await bot.Api.WaitForMessages(resident, 1);

        foreach (var forged in new[] { "l:xx", "e:no-such-entry", "c:../../etc", "p:z", "admin:broadcast", new string('x', 64) })
            bot.Api.PressButton(resident, forged, languageCode: "de");
        var replies = await bot.Api.WaitForMessages(resident, 7);
        Assert.All(replies.Skip(1), r => Assert.Contains("Bu düğme", r.Text)); // Turkish: the chosen language is kept

        bot.Api.SendText(resident, "/menu", languageCode: "de");
        var menu = (await bot.Api.WaitForMessages(resident, 8))[7];
        Assert.Contains("Ana menü", menu.Text);
        Assert.Equal(7, bot.Api.CallsOf("answerCallbackQuery").Count);
    }

    [Fact]
    public async Task Stickers_unknown_commands_and_edits_get_a_kind_answer_and_groups_get_silence()
    {
        await using var bot = await BotUnderTest.Start();
        const long resident = 5004;

        bot.Api.Push("message", FakeUpdates.Sticker(resident, "en"));
        bot.Api.SendText(resident, "/frobnicate", languageCode: "en");
        bot.Api.Push("edited_message", FakeUpdates.Message(resident, "en", "edited question"));
        bot.Api.SendText(resident, new string('a', 3000), languageCode: "en");
        bot.Api.Push("message", FakeUpdates.Message(resident, "en", "/start", chatId: -100777, chatType: "supergroup"));
        var replies = await bot.Api.WaitForMessages(resident, 4);

        Assert.Contains("only read text", replies[0].Text);
        Assert.Contains("do not know this command", replies[1].Text);
        Assert.Contains("only answer new messages", replies[2].Text);
        Assert.Contains("1000", replies[3].Text);
        await Task.Delay(300);
        Assert.Empty(bot.Api.MessagesTo(-100777));
    }

    [Fact]
    public async Task A_resident_who_floods_the_bot_is_slowed_down_politely_and_others_are_served()
    {
        await using var bot = await BotUnderTest.Start();
        for (var i = 0; i < 20; i++) bot.Api.SendText(5006, "/help", "en");
        bot.Api.SendText(5007, "/help", "en");
        await bot.Api.WaitForMessages(5007, 1);
        var replies = await bot.Api.WaitForMessages(5006, 9);
        await Task.Delay(500);
        replies = bot.Api.MessagesTo(5006);
        Assert.Equal(9, replies.Count); // 8 answers, then one "please slow down"; the other 12 changed nothing
        Assert.Contains("very quickly", replies[8].Text);
    }

    [Fact]
    public async Task Resident_sees_their_data_and_deletes_it()
    {
        await using var bot = await BotUnderTest.Start();
        const long resident = 5005;
        bot.Api.PressButton(resident, "l:uk", languageCode: "uk");
        bot.Api.PressButton(resident, "p:s", languageCode: "uk");
        var data = (await bot.Api.WaitForMessages(resident, 2))[1];
        Assert.Contains(resident.ToString(), data.Text);
        Assert.Contains("Українська", data.Text);

        bot.Api.PressButton(resident, "p:y", languageCode: "uk");
        bot.Api.PressButton(resident, "p:s", languageCode: "en");
        var after = (await bot.Api.WaitForMessages(resident, 4))[3];
        Assert.Contains("store no data", after.Text); // nothing left: not even the language, so Telegram's language is used
    }

    [Fact]
    public async Task Bot_registers_its_commands_and_short_description_in_every_telegram_language()
    {
        await using var bot = await BotUnderTest.Start();
        var commands = await bot.Api.WaitFor(() => bot.Api.CallsOf("setMyCommands") is { Count: 8 } c ? c : null);
        var languages = commands.Select(c => c.Body["language_code"]?.GetValue<string>()).ToList();
        Assert.Equal([null, "de", "en", "ar", "fa", "tr", "uk", "ru"], languages);
        var ukrainian = commands.Single(c => c.Body["language_code"]?.GetValue<string>() == "uk").Body["commands"]!.AsArray();
        Assert.Contains(ukrainian, c => c!["command"]!.GetValue<string>() == "language" && c["description"]!.GetValue<string>() == "Змінити мову");
        // Each language's short description is sent right after its commands: wait for the last one too (under load it
        // had not arrived yet when the eighth command list had).
        await bot.Api.WaitFor(() => bot.Api.CallsOf("setMyShortDescription") is { Count: 8 } d ? d : null, what: "8 setMyShortDescription calls");
        Assert.Single(bot.Api.CallsOf("deleteWebhook"));
    }
}
