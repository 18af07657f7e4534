using BennBot.Content;
using BennBot.FakeTelegram;
using BennBot.Tests.Posters;
using BennBot.Worker.Storage;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace BennBot.Tests.EndToEnd;

/// <summary>Staff make a printable poster from the team menu (issue 18): the link comes from the bot's own username
/// (getMe), the files arrive as documents; a poster button pressed by anyone else makes nothing.</summary>
public sealed class PosterTests
{
    private const long Staff = 900, Resident = 7302;
    private static readonly ContentSet C = TestContent.Content;
    private static string De(string key) => C.T(Languages.German, key);

    [Fact]
    public async Task Staff_can_make_a_poster_for_subscribing_in_one_area_in_arabic_farsi_and_ukrainian_and_get_the_poster_and_the_handouts()
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
        Assert.Equal(["bennbot-poster-ahansa-s-a4.pdf", "bennbot-poster-ahansa-s-a6-handouts.pdf"], files.Select(f => f.DocumentName));
        Assert.All(files, f => Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(f.Document![..5])));
        Assert.Contains($"https://t.me/{FakeBotApi.BotUsername}?start=ahansa_s", files[0].Text);
    }

    [Fact]
    public async Task Staff_type_poster_make_one_for_an_answer_in_farsi_and_its_printed_code_opens_that_answer_in_farsi()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=de");
        var api = bot.Api;

        api.SendText(Staff, "/poster", "en");   // typed: the same dialogue as the team menu's 🖨
        await api.Received(Staff, De("staff.poster.target"));
        await api.Press(Staff, Staff, "Pc", language: "en");
        await api.Press(Staff, Staff, "Pc:district", language: "en");
        await api.Press(Staff, Staff, "Pa:fpetition", language: "en");
        await api.Press(Staff, Staff, "Pl:fpetition:-:ff", language: "en");   // no area
        // Switch off every language but Farsi (bit 4 in the order of Languages.All).
        foreach (var chosen in new[] { "fe", "fc", "f8", "f0", "d0", "90", "10" })
            await api.Press(Staff, Staff, "Pl:fpetition:-:" + chosen, language: "en");
        await api.Press(Staff, Staff, "Pm:fpetition:-:10", language: "en");

        var link = await PrintedLink(api, "bennbot-poster-fpetition");
        Assert.Equal($"https://t.me/{FakeBotApi.BotUsername}?start=lfa_fpetition", link);

        // A resident scans it: Telegram opens the chat and sends /start with the link's payload.
        api.SendText(Resident, "/start " + link.Split("?start=")[1], "de");
        var answer = await api.Received(Resident, C.Entry("petition")!.Text(Languages.Farsi).Title);
        Assert.Contains("f+:petition", answer.ButtonData);
    }

    [Fact]
    public async Task Staff_make_an_event_poster_in_arabic_and_ukrainian_and_its_printed_code_opens_the_events_card()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:Staff:UserIds:0=900", "--BennBot:DefaultLanguage=de");
        var api = bot.Api;
        var db = bot.Services.GetRequiredService<Database>();
        var cafe = await EventSeeds.Subscribers(db, [], EventSeeds.Cafe(DateTime.UtcNow.AddDays(5), "Spielenachmittag"));

        api.SendText(Staff, "/help", "en");
        await api.Press(Staff, Staff, "Z:P", language: "en");
        await api.Press(Staff, Staff, "Pe", language: "en");
        await api.Press(Staff, Staff, $"Pl:e{cafe.Id}:-:ff", language: "en");   // an event poster has no area step
        foreach (var chosen in new[] { "fe", "fc", "f8", "e8", "c8", "48" })   // keep Arabic (bit 3) and Ukrainian (bit 6)
            await api.Press(Staff, Staff, $"Pl:e{cafe.Id}:-:" + chosen, language: "en");
        await api.Press(Staff, Staff, $"Pm:e{cafe.Id}:-:48", language: "en");

        var link = await PrintedLink(api, $"bennbot-poster-e{cafe.Id}");
        Assert.Equal($"https://t.me/{FakeBotApi.BotUsername}?start=e{cafe.Id}", link);   // two languages: the phone's decides

        api.SendText(Resident, "/start " + link.Split("?start=")[1], "ar");
        var card = await api.Received(Resident, "Spielenachmittag");
        Assert.Contains($"Er:{cafe.Id}", card.ButtonData);   // remind me
        Assert.Contains(card.Buttons, b => b.Label.Contains(C.T(Languages.Arabic, "event.calendar")));
    }

    /// <summary>Waits for the two PDFs, reads the code printed on the A4 poster and on each handout of the A6 sheet, and
    /// checks they are the same link; that link is what a phone would open.</summary>
    private static async Task<string> PrintedLink(FakeBotApi api, string name)
    {
        var files = await api.WaitFor(() => api.CallsOf("sendDocument").Where(c => c.ChatId == Staff).ToList() is { Count: 2 } two ? two : null);
        Assert.Equal([name + "-a4.pdf", name + "-a6-handouts.pdf"], files.Select(f => f.DocumentName));
        using var poster = PdfPicture.Render(files[0].Document!);
        var link = PdfPicture.Decode(poster);
        Assert.NotNull(link);
        Assert.Contains(link, files[0].Text);   // the caption gives the same link for those who forward it
        using var sheet = PdfPicture.Render(files[1].Document!, dpi: 200);
        int w = sheet.Width / 2, h = sheet.Height / 2;
        foreach (var (x, y) in new[] { (0, 0), (w, 0), (0, h), (w, h) })
            Assert.Equal(link, PdfPicture.Decode(sheet, new SKRectI(x, y, x + w, y + h)));
        return link;
    }

    [Fact]
    public async Task A_resident_pressing_a_forged_poster_button_or_typing_poster_is_told_kindly_and_gets_no_poster()
    {
        await using var bot = await BotUnderTest.Start("--BennBot:Staff:UserIds:0=900");
        var api = bot.Api;

        foreach (var forged in new[] { "Z:P", "Pa:h", "Pe", "Pm:h:-:ff" })
            api.PressButton(Resident, forged, "en");
        api.SendText(Resident, "/poster", "en");
        await api.WaitFor(() => api.MessagesTo(Resident).Count(m => m.Text!.Contains(C.T(Languages.English, "staff.only"))) == 4 ? api : null);
        await api.Received(Resident, C.T(Languages.English, "staff.only.command")); // typed: "this command", not "this button"
        Assert.Empty(api.CallsOf("sendDocument"));
        Assert.DoesNotContain(api.MessagesTo(Resident), m => m.Text!.Contains(De("staff.poster.target")) || m.ButtonData.Any(d => d.StartsWith('P')));
    }
}
