using BennBot.Content;
using BennBot.FakeTelegram;

namespace BennBot.Tests.EndToEnd;

/// <summary>Staff make a printable poster from the team menu (issue 18): the link comes from the bot's own username
/// (getMe), the files arrive as documents; a poster button pressed by anyone else makes nothing.</summary>
public sealed class PosterTests
{
    private const long Staff = 900, Resident = 7302;
    private static readonly ContentSet C = TestContent.Content;
    private static string De(string key) => C.T(Languages.German, key);

    [Fact]
    public async Task Staff_can_make_a_poster_for_subscribing_in_one_area_in_arabic_farsi_and_ukrainian_and_get_two_pdfs()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=de");
        var api = bot.Api;

        api.SendText(Staff, "/help", "en");
        await api.Received(Staff, De("staff.help.intro"));
        await api.Press(Staff, Staff, "Z:P", language: "en");
        await api.Received(Staff, De("staff.poster.target"));
        await api.Press(Staff, Staff, "Pa:s", language: "en");
        await api.Received(Staff, De("staff.poster.area"));
        await api.Press(Staff, Staff, "Pl:s:hansa:ff", language: "en");
        // All eight are on; switch off German, Einfache Sprache, English, Türkçe and Русский (bits in the order of Languages.All).
        foreach (var chosen in new[] { "fe", "fc", "f8", "d8", "58" })
            await api.Press(Staff, Staff, "Pl:s:hansa:" + chosen, language: "en");
        await api.Press(Staff, Staff, "Pm:s:hansa:58", language: "en");   // waits until the button with these five off is shown

        var files = await api.WaitFor(() => api.CallsOf("sendDocument").Where(c => c.ChatId == Staff).ToList() is { Count: 2 } two ? two : null);
        Assert.Equal(["bennbot-poster-ahansa-s-a4.pdf", "bennbot-poster-ahansa-s-a6.pdf"], files.Select(f => f.DocumentName));
        Assert.All(files, f => Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(f.Document![..5])));
        Assert.Contains($"https://t.me/{FakeBotApi.BotUsername}?start=ahansa_s", files[0].Text);
    }

    [Fact]
    public async Task A_resident_pressing_a_forged_poster_button_is_told_kindly_and_gets_no_poster()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:Staff:UserIds:0=900");
        var api = bot.Api;

        foreach (var forged in new[] { "Z:P", "Pa:h", "Pe", "Pm:h:-:ff" })
            api.PressButton(Resident, forged, "en");
        await api.WaitFor(() => api.MessagesTo(Resident).Count(m => m.Text!.Contains(C.T(Languages.English, "staff.only"))) == 4 ? api : null);
        Assert.Empty(api.CallsOf("sendDocument"));
        Assert.DoesNotContain(api.MessagesTo(Resident), m => m.Text!.Contains(De("staff.poster.target")) || m.ButtonData.Any(d => d.StartsWith('P')));
    }
}
