using System.Text.RegularExpressions;
using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Residents;
using BennBot.Worker.Team;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Content;

/// <summary>Issue 12: an answer shows what it rests on and whom to ask, and no date that nobody checked.</summary>
public sealed partial class AnswerCardTests
{
    public static TheoryData<string> LanguageCodes() => [.. Languages.All.Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(LanguageCodes))]
    public void Every_answer_shows_its_sources_and_that_rules_can_change_and_no_checked_date(string code)
    {
        var language = Languages.Find(code)!;
        foreach (var entry in TestContent.Content.Entries)
        {
            var card = AnswerCard.Render(TestContent.Content, entry, language);
            Assert.All(entry.Sources, s => Assert.Contains(Html.Escape(s), card));
            var footer = card[card.LastIndexOf("</b>", StringComparison.Ordinal)..];
            Assert.EndsWith(Html.Escape(TestContent.Content.T(language, "answer.note")), card);
            Assert.DoesNotMatch(Date(), footer);
        }
    }

    [Fact]
    public void A_question_without_an_answer_points_to_the_team_button_only_where_there_is_one()
    {
        var resident = new Resident { Id = 42, Language = "en", LanguageChosen = true };
        var question = new Incoming.Text(1, 42, 42, "en", "zxqv wplk trbn");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        using var temp = new TempDatabase();

        var withTeam = (SendText)new Conversation(TestContent.Content, TestContent.Index, Languages.German, time, temp.Db, new StaffSettings([900], -100500))
            .Handle(question, resident).Replies[0];
        Assert.Equal(Html.Escape(TestContent.Content.T(Languages.English, "notfound")), withTeam.Html);
        Assert.Contains("a", withTeam.Keyboard!.Buttons.Select(b => b.Data));

        var without = (SendText)new Conversation(TestContent.Content, TestContent.Index, Languages.German, time, temp.Db).Handle(question, resident).Replies[0];
        Assert.Contains("kontakt@pankow-beteiligt.berlin", without.Html);
        Assert.DoesNotContain("Ask the BENN team", without.Html);
        Assert.DoesNotContain("a", without.Keyboard!.Buttons.Select(b => b.Data));
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}")]
    private static partial Regex Date();
}
