using BennBot.Content;
using BennBot.Worker.Events;

namespace BennBot.Tests.Events;

public sealed class EventCardTests
{
    private static readonly ContentSet C = TestContent.Content;

    private static Event At(DateTime utc) => new()
    {
        Id = 3, Title = new() { ["de"] = "Fahrradwerkstatt <offen>", ["ar"] = "ورشة الدراجات" }, Description = new() { ["de"] = "Werkzeug ist da." },
        StartUtc = utc, EndUtc = utc.AddHours(2), Place = "Hof", Area = "behaim", Kind = EventKind.Other, Spoken = ["de", "fa"], Cost = "2 €",
        Access = Access.NotStepFree, Link = "https://example.org/rad", Status = EventStatus.Published,
    };

    [Fact]
    public void The_card_shows_berlin_time_across_the_daylight_saving_switch()
    {
        // 28 March 2026 is winter time (UTC+1), 29 March summer time (UTC+2): both start at 18:00 in Berlin.
        var winter = EventCard.Render(C, Languages.English, At(new DateTime(2026, 3, 28, 17, 0, 0, DateTimeKind.Utc)));
        var summer = EventCard.Render(C, Languages.English, At(new DateTime(2026, 3, 29, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Contains("Sat 28.03.2026, 18:00–20:00", winter);
        Assert.Contains("Sun 29.03.2026, 18:00–20:00", summer);
    }

    [Fact]
    public void Facts_come_in_the_readers_language_and_german_only_texts_are_marked_and_escaped()
    {
        var card = EventCard.Render(C, Languages.Turkish, At(new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc)));
        Assert.Contains("<b>Fahrradwerkstatt &lt;offen&gt;</b> " + C.T(Languages.Turkish, "event.german"), card);
        Assert.Contains(C.T(Languages.Turkish, "day.2") + " 01.12.2026", card);
        Assert.Contains("Hof (Behaimstraße)", card);
        Assert.Contains(C.T(Languages.Turkish, "kind.other"), card);
        Assert.Contains(C.T(Languages.Turkish, "access.notstepfree"), card);
        Assert.Contains("Deutsch, " + C.T(Languages.Farsi, "language.name"), card); // languages spoken, each in its own name
        Assert.Contains("2 €", card);
        Assert.Contains(C.T(Languages.Turkish, "event.german") + "\nWerkzeug ist da.", card);
    }

    [Fact]
    public void Arabic_readers_get_their_title_and_every_line_right_to_left()
    {
        var card = EventCard.Render(C, Languages.Arabic, At(new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc)) with { Status = EventStatus.Cancelled });
        Assert.Contains("<b>ورشة الدراجات</b>", card);
        Assert.DoesNotContain("Fahrradwerkstatt", card);
        Assert.All(card.Split('\n').Where(l => l.Length > 0), line => Assert.StartsWith("\u200F", line));
        Assert.Contains(C.T(Languages.Arabic, "event.cancelled"), card.Split('\n')[0]);
    }
}
