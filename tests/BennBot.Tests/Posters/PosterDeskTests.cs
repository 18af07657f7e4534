using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Posters;
using BennBot.Worker.Team;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Posters;

public sealed class PosterDeskTests
{
    private const long Staff = 900;
    private static readonly ContentSet C = TestContent.Content;

    private static Turn Press(ButtonAction action) =>
        new(new Incoming.Button(1, Staff, Staff, "en", action.Encode(), "q"), null, Languages.English, C, Staff: true) { Bot = new BotIdentity(1, "BennBot_bot") };

    [Theory]
    [InlineData("de")]
    [InlineData("ar")]
    [InlineData("uk")]
    public void Without_the_poster_font_staff_are_told_in_their_language_which_font_is_missing_and_how_to_install_it(string staffLanguage)
    {
        var language = Languages.Find(staffLanguage)!;
        using var temp = new TempDatabase();
        var desk = new PosterDesk(new StaffSettings([Staff], null), language, C, temp.Db, new FakeTimeProvider())
        {
            FontName = "No Such Font Family",
        };

        var make = new ButtonAction.PosterMake(PosterTarget.Subscribe, "hansa", PosterChoice.All);
        var outcome = desk.Button(Press(make), make);

        var reply = Assert.IsType<SendText>(Assert.Single(outcome.Replies));
        Assert.Equal(Html.Escape(C.T(language, "staff.poster.nofont", ("font", "No Such Font Family"), ("package", "fonts-dejavu-core"))), reply.Html);
        Assert.Contains("apt-get install fonts-dejavu-core", reply.Html);
        Assert.DoesNotContain(outcome.Replies, r => r is SendFile);
    }

    [Fact]
    public void With_the_font_installed_staff_get_the_a4_poster_and_the_sheet_of_four_handouts()
    {
        using var temp = new TempDatabase();
        var desk = new PosterDesk(new StaffSettings([Staff], null), Languages.English, C, temp.Db, new FakeTimeProvider());
        var make = new ButtonAction.PosterMake(PosterTarget.Subscribe, "hansa", PosterChoice.All);

        var files = desk.Button(Press(make), make).Replies.Cast<SendFile>().ToList();

        Assert.Equal(["bennbot-poster-ahansa-s-a4.pdf", "bennbot-poster-ahansa-s-a6-handouts.pdf"], files.Select(f => f.Name));
        Assert.Equal(Html.Escape(C.T(Languages.English, "staff.poster.a6sheet")), files[1].CaptionHtml);
    }
}
