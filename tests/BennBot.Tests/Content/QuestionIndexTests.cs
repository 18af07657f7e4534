using BennBot.Content;

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

    /// <summary>Issue 11, round 5: a message the index reads as one entry far ahead of every other reading, though below
    /// the check band, gets that entry's answer with "did I get that right?" instead of a list of three; and those
    /// answers are mostly the right ones. Measured on every development and spent held-out set.</summary>
    [Fact]
    public void A_question_far_ahead_of_every_other_reading_gets_the_answer_not_a_list()
    {
        string[] sets = ["DevQuestions", "DevPhone", "DevPhone2", "DevPhone3", "HeldOut", "HeldOut2", "HeldOut3", "HeldOut4", "HeldOut5", "HeldOut6", "HeldOut7", "HeldOut8"];
        var onTopic = sets.SelectMany(s => QuestionSetTests.Load(s).Values.SelectMany(q => q)).Where(q => q.Id is not null);
        var belowCheck = onTopic.Select(q => (q, r: TestContent.Index.Ask(q.Q)))
            .Where(x => x.r.Answered && x.r.Probability < QuestionIndex.CheckAt).ToList();

        // Each round of seeds makes the model surer, so fewer fall below the check band (20+ after round 5, 8 of the first
        // nine sets after round 13: the spent held-out sets 6–8 were added to keep ten or more); none without the rule.
        Assert.True(belowCheck.Count >= 10, $"only {belowCheck.Count} answered below the check band");
        Assert.All(belowCheck, x =>
        {
            Assert.Equal(Band.Check, x.r.Band);
            Assert.True(x.r.Ranked[1].Score * QuestionIndex.AheadBy <= x.r.Probability, x.q.Q);
        });
        var right = belowCheck.Count(x => x.r.Best!.Entry.Id == x.q.Id);
        Assert.True(right >= 0.8 * belowCheck.Count, $"{right} of {belowCheck.Count} right");
    }

    [Fact]
    public void A_question_with_nothing_in_common_is_not_answered() =>
        Assert.False(TestContent.Index.Ask("qwxz zzzq kkkv").Answered);
}
