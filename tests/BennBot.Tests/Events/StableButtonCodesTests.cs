using BennBot.Content;
using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Posters;
using BennBot.Worker.Topics;

namespace BennBot.Tests.Events;

/// <summary>Issue 14: buttons stay in chats for weeks; adding a language or an area must not change whom a "send"
/// button already there reaches.</summary>
public sealed class StableButtonCodesTests
{
    // A ninth language inserted in the middle of the picker's order (a test seam: the real list is not edited).
    private static readonly IReadOnlyList<Language> WithNewLanguage =
        [.. Languages.All.Take(2), new Language("xx", null, false, ButtonBit: 8), .. Languages.All.Skip(2)];

    [Fact]
    public void A_send_button_made_before_a_language_is_added_in_the_middle_still_reaches_the_same_residents()
    {
        var chosen = new Segment { Areas = ["hansa", "other"], Languages = ["ar", "ru"] };
        var button = SegmentCodes.Encode(chosen);

        var pressedLater = SegmentCodes.Decode(button, WithNewLanguage);

        Assert.NotNull(pressedLater);
        Assert.Equal(["hansa", "other"], pressedLater.Areas);
        Assert.Equal(["ar", "ru"], pressedLater.Languages);
    }

    [Theory]
    // Buttons sent before issue 14 carried bit masks over the positions in the lists as they stood then.
    [InlineData("0-8", new string[0], new[] { "ar" })]
    [InlineData("64-0", new[] { "hansa" }, new string[0])]
    [InlineData("129-130", new[] { "buehring", "other" }, new[] { "de-simple", "ru" })]
    [InlineData("0-0", new string[0], new string[0])]
    public void A_send_button_from_before_issue_14_still_means_what_it_meant(string code, string[] areas, string[] languages)
    {
        var today = SegmentCodes.Decode(code);
        var afterANewLanguage = SegmentCodes.Decode(code, WithNewLanguage);

        foreach (var segment in new[] { today, afterANewLanguage })
        {
            Assert.NotNull(segment);
            Assert.Equal(areas, segment.Areas);
            Assert.Equal(languages, segment.Languages);
        }
    }

    [Fact]
    public void Every_language_and_every_area_has_its_own_button_bit()
    {
        Assert.Equal(Languages.All.Count, Languages.All.Select(l => l.ButtonBit).Distinct().Count());
        Assert.Equal(Areas.Ids.Count(), Areas.Bits.Select(a => a.Bit).Distinct().Count());
        Assert.All(Languages.All.Select(l => l.ButtonBit).Concat(Areas.Bits.Select(a => a.Bit)), bit => Assert.InRange(bit, 0, 30));
    }

    [Theory]
    [InlineData("256-0")]
    [InlineData("0-256")]
    [InlineData("zz-a")]
    [InlineData("n-q")]
    [InlineData("n")]
    public void A_forged_segment_is_refused(string code) => Assert.Null(SegmentCodes.Decode(code));

    [Fact]
    public void A_poster_button_from_before_issue_14_still_makes_the_same_languages()
    {
        // "81": German and Russian, bits over the language list as it stood then.
        var old = ButtonAction.Decode("Pm:h:-:81", TestContent.Content);

        var make = Assert.IsType<ButtonAction.PosterMake>(old);
        Assert.Equal(["de", "ru"], PosterChoice.Codes(make.Chosen));
    }

    [Theory]
    // Kinds and categories travel in buttons as numbers: the numbers are pinned in the enums, not their order.
    [InlineData("Sk:6", "Participation")]
    [InlineData("Sk:7", "Other")]
    [InlineData("Sk:0", "Cafe")]
    public void An_old_event_kind_button_keeps_its_kind(string data, string kind) =>
        Assert.Equal(Enum.Parse<EventKind>(kind), Assert.IsType<ButtonAction.InterestKinds>(ButtonAction.Decode(data, TestContent.Content)).Toggle);

    [Theory]
    [InlineData("Nc:0", TopicCategory.Housing)]
    [InlineData("Nc:8", TopicCategory.Participation)]
    [InlineData("Nc:9", TopicCategory.Other)]
    public void An_old_topic_category_button_keeps_its_category(string data, TopicCategory category) =>
        Assert.Equal(category, Assert.IsType<ButtonAction.TopicCategoryChosen>(ButtonAction.Decode(data, TestContent.Content)).Chosen);
}
