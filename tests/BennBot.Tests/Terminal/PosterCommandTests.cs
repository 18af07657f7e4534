using BennBot.Worker;
using BennBot.Worker.Events;
using BennBot.Worker.Hosting;
using BennBot.Worker.Storage;
using BennBot.Worker.Terminal;

namespace BennBot.Tests.Terminal;

public sealed class PosterCommandTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("bennbot-poster-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private BennBotOptions Options => new() { DatabasePath = Path.Combine(_dir, "b.db"), SeedsPath = TestContent.SeedsPath, BotUsername = "BennBot_bot" };

    [Fact]
    public void Staff_can_make_a_poster_on_the_command_line_and_get_the_a4_pdf_the_sheet_of_a6_handouts_and_a_preview()
    {
        var output = new StringWriter();
        var folder = Path.Combine(_dir, "out");
        Assert.Equal(ExitCodes.Ok, PosterCommand.Make(Options, "subscribe", "hansa", ["ar,fa", "uk"], null, folder, output, Now));

        var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("https://t.me/BennBot_bot?start=ahansa_s", printed[0]);
        foreach (var name in new[] { "poster-a4.pdf", "poster-a6-handouts.pdf", "poster-a4.png" })
            Assert.Contains(Path.Combine(folder, name), printed);
        Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(folder, "poster-a6-handouts.pdf"))[..5]));
    }

    [Fact]
    public async Task An_event_poster_needs_a_published_event_still_to_come()
    {
        using (var db = new Database(Options.DatabasePath))
        {
            await db.Write(d =>
            {
                EventStore.Save(d, new Event { Status = EventStatus.Published, Title = new() { ["de"] = "Kiezcafé" }, StartUtc = Now.AddDays(3), EndUtc = Now.AddDays(3).AddHours(2) });
                EventStore.Save(d, new Event { Status = EventStatus.Cancelled, Title = new() { ["de"] = "Abgesagt" }, StartUtc = Now.AddDays(3), EndUtc = Now.AddDays(3).AddHours(2) });
            });
        }
        var output = new StringWriter();
        Assert.Equal(ExitCodes.Ok, PosterCommand.Make(Options, "event:1", null, ["de"], "@BennBot_bot", _dir, output, Now));
        Assert.StartsWith("https://t.me/BennBot_bot?start=lde_e1", output.ToString());
        var refused = Assert.Throws<StartupException>(() => PosterCommand.Make(Options, "event:2", null, [], null, _dir, output, Now));
        Assert.Contains("not a published event still to come", refused.Message);
    }

    [Theory]
    [InlineData("nowhere", null, "de", "--opens takes home")]
    [InlineData("entry:no-such-entry", null, "de", "There is no entry 'no-such-entry'")]
    [InlineData("home", "atlantis", "de", "--area must be one of")]
    [InlineData("home", null, "xx", "--lang takes")]
    public void A_wrong_argument_gets_one_sentence_and_writes_nothing(string opens, string? area, string lang, string says)
    {
        var e = Assert.Throws<StartupException>(() => PosterCommand.Make(Options, opens, area, [lang], null, Path.Combine(_dir, "out"), TextWriter.Null, Now));
        Assert.Equal(ExitCodes.NotConfigured, e.ExitCode);
        Assert.Contains(says, e.Message);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
    }

    [Fact]
    public void Without_the_poster_font_the_command_says_which_font_and_how_to_install_it_and_writes_nothing()
    {
        var folder = Path.Combine(_dir, "out");
        var e = Assert.Throws<StartupException>(() =>
            PosterCommand.Make(Options, "home", null, ["ar"], null, folder, TextWriter.Null, Now, fontName: "No Such Font Family"));
        Assert.Equal(ExitCodes.NotConfigured, e.ExitCode);
        Assert.Contains("\"No Such Font Family\", which is not installed", e.Message);
        Assert.Contains("apt-get install fonts-dejavu-core", e.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Without_the_bot_username_the_command_says_where_to_give_it()
    {
        var e = Assert.Throws<StartupException>(() => PosterCommand.Make(Options with { BotUsername = null }, "home", null, [], null, _dir, TextWriter.Null, Now));
        Assert.Contains("BennBot__Telegram__BotUsername", e.Message);
    }
}
