using BennBot.Worker.Events;

namespace BennBot.Tests.Events;

/// <summary>Issue 14: the event desk's field-by-field dialogue as a pure function, called without a database.</summary>
public sealed class DeskFlowTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc); // 11:00 in Berlin
    private static readonly Event Draft = new() { Id = 5, Status = EventStatus.Draft, StartUtc = Now.AddDays(7), EndUtc = Now.AddDays(7).AddHours(2), Unset = ["Area", "Kind", "Cost"] };
    private static readonly DeskSession Start = new() { Id = 900, ChatId = 900, EventId = 5, Step = DeskStep.Title, UpdatedAt = Now };

    private static (DeskSession Session, Event Event, DeskMove Last) Run(params DeskInput[] inputs)
    {
        var (s, e) = (Start, Draft);
        DeskMove move = new(s, null, new DeskSay.Ask());
        foreach (var input in inputs)
        {
            move = DeskFlow.Next(s, e, input, Now);
            (s, e) = (move.Session, move.Saved ?? e);
        }
        return (s, e, move);
    }

    [Fact]
    public void Staff_fill_in_a_new_event_field_by_field_and_end_at_the_review()
    {
        var (s, e, last) = Run(new DeskInput.Text("  Sommerfest  "), new DeskInput.Text("Kaffee und Kuchen"), new DeskInput.Text("02.12.2026 15:00"),
            new DeskInput.EndAfter(3), new DeskInput.Skip(), new DeskInput.Area("hansa"), new DeskInput.Kind(EventKind.Cafe),
            new DeskInput.Spoken("ar"), new DeskInput.Spoken("de"), new DeskInput.Spoken("ar"), new DeskInput.SpokenDone(), new DeskInput.Free(),
            new DeskInput.Access(Access.StepFree), new DeskInput.Text("benn-weissensee.de/fest"));
        Assert.IsType<DeskSay.Review>(last.Say);
        Assert.Equal((DeskStep.Review, false), (s.Step, s.Editing));
        Assert.Equal("Sommerfest", e.Title["de"]);
        Assert.Equal("Kaffee und Kuchen", e.Description["de"]);
        Assert.Equal(new DateTime(2026, 12, 2, 14, 0, 0, DateTimeKind.Utc), e.StartUtc);
        Assert.Equal(e.StartUtc.AddHours(3), e.EndUtc);
        Assert.Equal(("hansa", EventKind.Cafe, (string?)null, Access.StepFree, "https://benn-weissensee.de/fest"), (e.Area, e.Kind, e.Cost, e.Access, e.Link));
        Assert.Null(e.Place);
        Assert.Equal(["de"], e.Spoken);
        Assert.Empty(e.Unset); // area, kind and cost were set by staff
    }

    [Fact]
    public void A_wrong_answer_is_named_and_the_same_field_is_asked_again()
    {
        var past = DeskFlow.Next(Start with { Step = DeskStep.Start }, Draft, new DeskInput.Text("01.01.2020 10:00"), Now);
        Assert.Equal(new DeskSay.Problem("desk.bad.start"), past.Say);
        Assert.Equal((DeskStep.Start, (Event?)null), (past.Session.Step, past.Saved));

        Assert.Equal(new DeskSay.Problem("desk.bad.title"), DeskFlow.Next(Start, Draft, new DeskInput.Text("   "), Now).Say);
        Assert.Equal(new DeskSay.Problem("desk.bad.link"), DeskFlow.Next(Start with { Step = DeskStep.Link }, Draft, new DeskInput.Text("no link"), Now).Say);
        Assert.Equal(new DeskSay.Problem("desk.bad.buttons"), DeskFlow.Next(Start with { Step = DeskStep.Area }, Draft, new DeskInput.Text("Hansaviertel"), Now).Say);
    }

    [Fact]
    public void A_button_of_another_step_changes_nothing()
    {
        foreach (var input in new DeskInput[] { new DeskInput.Area("hansa"), new DeskInput.Free(), new DeskInput.SpokenDone(), new DeskInput.Skip(), new DeskInput.EndAfter(2) })
            Assert.Equal(new DeskMove(Start, null, new DeskSay.Stale()), DeskFlow.Next(Start, Draft, input, Now));
        Assert.IsType<DeskSay.Stale>(DeskFlow.Next(Start with { Step = DeskStep.Area }, Draft, new DeskInput.Area("atlantis"), Now).Say);
        Assert.IsType<DeskSay.Stale>(DeskFlow.Next(Start with { Step = DeskStep.End }, Draft, new DeskInput.EndAfter(13), Now).Say);
    }

    [Fact]
    public void Editing_one_field_goes_back_to_the_review_and_a_translation_asks_title_then_description()
    {
        var edited = DeskFlow.Next(Start with { Step = DeskStep.Place, Editing = true }, Draft, new DeskInput.Text("Brotfabrik"), Now);
        Assert.IsType<DeskSay.Review>(edited.Say);
        Assert.Equal(("Brotfabrik", DeskStep.Review, false), (edited.Saved!.Place, edited.Session.Step, edited.Session.Editing));

        var title = DeskFlow.Next(Start with { Step = DeskStep.TranslateTitle, Language = "ar", Editing = true }, Draft, new DeskInput.Text("حفلة الصيف"), Now);
        Assert.Equal((DeskStep.TranslateDescription, "حفلة الصيف"), (title.Session.Step, title.Saved!.Title["ar"]));
        var skipped = DeskFlow.Next(title.Session, title.Saved with { Description = new() { ["de"] = "x", ["ar"] = "y" } }, new DeskInput.Skip(), Now);
        Assert.IsType<DeskSay.Review>(skipped.Say);
        Assert.False(skipped.Saved!.Description.ContainsKey("ar"));
    }

    [Fact]
    public void A_time_for_the_announcement_must_lie_between_now_and_the_start()
    {
        var schedule = Start with { Step = DeskStep.ScheduleAt };
        Assert.Equal(new DeskSay.Queue(new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc)), DeskFlow.Next(schedule, Draft, new DeskInput.Text("28.11.2026 10:00"), Now).Say);
        Assert.Equal(new DeskSay.Problem("desk.bad.schedulebefore"), DeskFlow.Next(schedule, Draft, new DeskInput.Text("20.12.2026 10:00"), Now).Say);
        Assert.Equal(new DeskSay.Problem("desk.bad.schedulebefore"), DeskFlow.Next(schedule, Draft, new DeskInput.Text("24.11.2026 10:00"), Now).Say);
    }
}
