namespace BennBot.Tests.Content;

/// <summary>Smoke tests of the seam the knowledge base plugs into; the measured quality bar belongs to the
/// knowledge-base issue. These questions are worded apart from the seeds' example questions.</summary>
public sealed class QuestionIndexTests
{
    [Theory]
    [InlineData("Kann ich als Ausländer eine Petition an den Bundestag schicken?", "petition")]
    [InlineData("Wo kann ich mich ehrenamtlich engagieren?", "ehrenamt")]
    [InlineData("I would like to help out in Weißensee for free", "ehrenamt")]
    [InlineData("كيف أكتب عريضة إلى البرلمان؟", "petition")]
    [InlineData("می‌خواهم داوطلب شوم، چطور؟", "ehrenamt")]
    [InlineData("Belediye meclisine nasıl önerge veririm, imza lazım mı?", "einwohnerantrag")]
    [InlineData("Хочу стати волонтером, що для цього треба?", "ehrenamt")]
    [InlineData("Как предложить что-то на сайте mein.berlin.de?", "mein-berlin")]
    public void A_question_in_any_language_finds_its_entry_as_the_answer_or_the_first_offer(string question, string expected)
    {
        var result = TestContent.Index.Ask(question);
        Assert.Equal(expected, result.Best?.Entry.Id);
        if (!result.Answered) Assert.Equal(expected, result.Alternatives[0].Entry.Id);
    }


    [Fact]
    public void A_question_with_nothing_in_common_is_not_answered() =>
        Assert.False(TestContent.Index.Ask("qwxz zzzq kkkv").Answered);
}
