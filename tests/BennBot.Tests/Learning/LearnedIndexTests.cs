using BennBot.Content;

namespace BennBot.Tests.Learning;

/// <summary>Examples the team confirmed answer the next question at once (issue 16), through the same two judges as the
/// seeds' examples; forgetting one brings the earlier answer back. Each test has its own index: the shared one stays as
/// the seeds make it.</summary>
public sealed class LearnedIndexTests
{
    private const string Unanswered = "Wo reiche ich eine Bitte an die Volksvertretung ein?";
    private static readonly Language German = Languages.Find("de")!;

    private static QuestionIndex NewIndex() => new(TestContent.Content, Worker.Storage.ModelCache.In(TestContent.ModelCache));

    [Fact]
    public void A_confirmed_example_answers_the_same_question_and_a_paraphrase_with_its_entry()
    {
        using var index = NewIndex();
        Assert.False(index.Ask(Unanswered).Answered); // the premise: today it goes to the team

        Assert.True(index.Learn(new LearnedText(1, "petition", German, Unanswered)));

        var same = index.Ask(Unanswered);
        Assert.Equal(Band.Sure, same.Band);
        Assert.Equal("petition", same.Best!.Entry.Id);
        var paraphrase = index.Ask("Wo kann ich eine Bitte an die Volksvertretung einreichen?");
        Assert.True(paraphrase.Answered);
        Assert.Equal("petition", paraphrase.Best!.Entry.Id);
        Assert.Equal(1, index.LearnedCounts()[German]);
    }

    [Fact]
    public void A_forgotten_example_no_longer_answers()
    {
        using var index = NewIndex();
        index.Learn(new LearnedText(7, "petition", German, Unanswered));
        Assert.True(index.Forget(7));
        Assert.False(index.Ask(Unanswered).Answered);
        Assert.Equal(0, index.LearnedCounts()[German]);
        Assert.False(index.Forget(7)); // once
    }

    [Fact]
    public void A_question_taught_as_legal_is_declined_as_legal()
    {
        using var index = NewIndex();
        const string question = "Darf meine Schwester mit einer Fiktionsbescheinigung nach Polen reisen?";
        index.Learn(new LearnedText(3, QuestionIndex.LegalTarget, German, question));
        Assert.Equal(Decline.Legal, index.Ask(question).Declined);
    }

    [Fact]
    public void An_unknown_target_or_a_repeated_id_is_not_learned()
    {
        using var index = NewIndex();
        Assert.False(index.Learn(new LearnedText(1, "no-such-entry", German, Unanswered)));
        Assert.True(index.Learn(new LearnedText(2, "petition", German, Unanswered)));
        Assert.False(index.Learn(new LearnedText(2, "ehrenamt", German, "Wo helfe ich mit?")));
        Assert.Equal([2L], index.LearnedIds);
    }

    [Fact]
    public void An_example_the_seeds_or_the_team_already_have_counts_as_a_duplicate_whatever_its_case_and_spacing()
    {
        using var index = NewIndex();
        var seed = TestContent.Content.Entry("petition")!.Text(German).Questions[0];
        Assert.True(index.HasExample(German, "  " + seed.ToUpperInvariant() + " ?"));
        Assert.False(index.HasExample(German, Unanswered));
        index.Learn(new LearnedText(5, "petition", German, Unanswered));
        Assert.True(index.HasExample(German, "wo reiche ich eine  bitte an die volksvertretung ein"));
        Assert.False(index.HasExample(Languages.Find("en")!, Unanswered)); // per language
    }
}
