using BennBot.Content;
using BennBot.Worker.Topics;

namespace BennBot.Tests.Topics;

/// <summary>The "share a topic" dialogue as a pure function.</summary>
public sealed class TopicFlowTests
{
    private static FlowStep Run(params FlowInput[] inputs)
    {
        FlowStep step = new(null);
        foreach (var input in inputs) step = TopicFlow.Next(step.Draft, input, 7);
        return step;
    }

    [Fact]
    public void Text_path_category_topic_area_privacy_then_send()
    {
        var step = Run(new FlowInput.Start(), new FlowInput.Category(TopicCategory.Housing), new FlowInput.Text("  Die Heizung geht nicht.  "),
            new FlowInput.Area("hansa"), new FlowInput.Privacy(false), new FlowInput.Send());
        Assert.True(step.Submit);
        Assert.Equal((7L, TopicCategory.Housing, "Die Heizung geht nicht.", "hansa", false), (step.Draft!.Id, step.Draft.Category, step.Draft.Text, step.Draft.Area, step.Draft.Contactable));
    }

    [Fact]
    public void Voice_path_with_contact_and_the_area_skipped()
    {
        var step = Run(new FlowInput.Start(), new FlowInput.Category(TopicCategory.Safety), new FlowInput.Voice("file-1", 42),
            new FlowInput.Area(null), new FlowInput.Privacy(true));
        Assert.Equal(DraftStep.Confirm, step.Draft!.Step);
        Assert.Equal(("file-1", 42, (string?)null, (string?)null, true), (step.Draft.VoiceFileId, step.Draft.VoiceSeconds, step.Draft.Text, step.Draft.Area, step.Draft.Contactable));
        Assert.True(TopicFlow.Next(step.Draft, new FlowInput.Send(), 7).Submit);
    }

    [Fact]
    public void Cancel_drops_the_draft_at_any_step_and_restart_begins_afresh()
    {
        Assert.True(Run(new FlowInput.Start(), new FlowInput.Cancel()).Dropped);
        Assert.True(Run(new FlowInput.Start(), new FlowInput.Category(TopicCategory.Work), new FlowInput.Text("x"), new FlowInput.Cancel()).Dropped);
        var restarted = Run(new FlowInput.Start(), new FlowInput.Category(TopicCategory.Work), new FlowInput.Text("x"), new FlowInput.Restart());
        Assert.Equal((DraftStep.Category, (string?)null), (restarted.Draft!.Step, restarted.Draft.Text));
    }

    [Fact]
    public void Buttons_of_another_step_are_stale_and_change_nothing()
    {
        var atContent = Run(new FlowInput.Start(), new FlowInput.Category(TopicCategory.Health));
        var stale = TopicFlow.Next(atContent.Draft, new FlowInput.Privacy(true), 7);
        Assert.Equal(FlowProblem.Stale, stale.Problem);
        Assert.Equal(atContent.Draft, stale.Draft);
        Assert.Equal(FlowProblem.Stale, TopicFlow.Next(atContent.Draft, new FlowInput.Send(), 7).Problem); // nothing to send yet
        Assert.Equal(FlowProblem.Stale, TopicFlow.Next(null, new FlowInput.Category(TopicCategory.Health), 7).Problem);
    }

    [Fact]
    public void Too_long_texts_and_voice_messages_are_refused_and_the_draft_waits()
    {
        var atContent = Run(new FlowInput.Start(), new FlowInput.Category(TopicCategory.Other)).Draft;
        Assert.Equal(FlowProblem.TextTooLong, TopicFlow.Next(atContent, new FlowInput.Text(new string('a', TopicFlow.MaxText + 1)), 7).Problem);
        Assert.Equal(FlowProblem.VoiceTooLong, TopicFlow.Next(atContent, new FlowInput.Voice("f", TopicFlow.MaxVoiceSeconds + 1), 7).Problem);
        Assert.Equal(DraftStep.Area, TopicFlow.Next(atContent, new FlowInput.Text(new string('a', TopicFlow.MaxText)), 7).Draft!.Step);
    }

    [Fact]
    public void Going_elsewhere_pauses_the_draft_so_texts_are_not_taken_as_the_topic_until_the_resident_comes_back()
    {
        var paused = Run(new FlowInput.Start(), new FlowInput.Category(TopicCategory.Language), new FlowInput.Leave());
        Assert.True(paused.Draft!.Paused);
        Assert.Equal(FlowProblem.NotForTheFlow, TopicFlow.Next(paused.Draft, new FlowInput.Text("Wo ist das Rathaus?"), 7).Problem);
        var resumed = TopicFlow.Next(paused.Draft, new FlowInput.Start(), 7);
        Assert.Equal((DraftStep.Content, false), (resumed.Draft!.Step, resumed.Draft.Paused));
    }

    [Theory]
    [InlineData(TopicStatus.New, TopicStatus.InReview, true)]
    [InlineData(TopicStatus.New, TopicStatus.Done, true)]
    [InlineData(TopicStatus.InReview, TopicStatus.Planned, true)]
    [InlineData(TopicStatus.Planned, TopicStatus.NotPursued, true)]
    [InlineData(TopicStatus.Done, TopicStatus.InReview, true)]
    [InlineData(TopicStatus.Planned, TopicStatus.Planned, false)]
    [InlineData(TopicStatus.InReview, TopicStatus.New, false)]
    public void The_status_workflow(TopicStatus from, TopicStatus to, bool allowed) => Assert.Equal(allowed, TopicWorkflow.CanMove(from, to));

    /// <summary>The team sets a status with a button and the resident is told it in words: the button says those words
    /// ("🔍 In Prüfung" on the button was "wird angeschaut" for the resident).</summary>
    [Fact]
    public void The_teams_status_buttons_say_what_the_resident_will_read()
    {
        foreach (var language in Languages.All)
            foreach (var status in new[] { "inreview", "planned", "done", "notpursued" })
            {
                var said = TestContent.Content.T(language, "status." + status);
                var button = TestContent.Content.T(language, "staff.topic.b." + status);
                var culture = System.Globalization.CultureInfo.GetCultureInfo(language == Languages.PlainGerman ? "de" : language.Code); // Turkish: i → İ
                Assert.True(culture.CompareInfo.IsSuffix(button, said, System.Globalization.CompareOptions.IgnoreCase),
                    $"{language.Code}: the button '{button}' for a status the resident reads as '{said}'");
            }
    }
}
