using System.Text;
using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Learning;
using BennBot.Worker.Posters;

namespace BennBot.Tests.Conversations;

public sealed class ButtonActionTests
{
    public static TheoryData<string> EveryButton()
    {
        var c = TestContent.Content;
        var all = new List<ButtonAction>
        {
            new ButtonAction.Menu(), new ButtonAction.ChooseLanguage(), new ButtonAction.Topics(), new ButtonAction.AskHint(),
            new ButtonAction.Help(), new ButtonAction.Privacy(), new ButtonAction.PrivacyShow(), new ButtonAction.PrivacyDelete(),
            new ButtonAction.PrivacyDeleteConfirmed(),
        };
        all.AddRange(Languages.All.Select(l => new ButtonAction.SetLanguage(l)));
        all.AddRange(c.Categories.Select(id => new ButtonAction.Category(id)));
        all.AddRange(c.Entries.Select(e => new ButtonAction.ShowEntry(e.Id)));
        all.AddRange([
            new ButtonAction.Events(), new ButtonAction.Events("hansa"), new ButtonAction.Events(Kind: EventKind.Sport), new ButtonAction.Events("other", EventKind.Other),
            new ButtonAction.EventFilter(true), new ButtonAction.EventFilter(false), new ButtonAction.ShowEvent(long.MaxValue), new ButtonAction.Remind(3),
            new ButtonAction.Remind(3, 24), new ButtonAction.Remind(3, 3), new ButtonAction.Calendar(12), new ButtonAction.Subscription(), new ButtonAction.Subscribe(),
            new ButtonAction.Unsubscribe(), new ButtonAction.InterestAreas(), new ButtonAction.InterestAreas("komponisten"), new ButtonAction.InterestKinds(),
            new ButtonAction.InterestKinds(EventKind.Participation), new ButtonAction.Control(BroadcastOp.Pause, 4), new ButtonAction.Control(BroadcastOp.Cancel, long.MaxValue),
        ]);
        all.AddRange(Enum.GetValues<DeskOp>().Select(op => new ButtonAction.Desk(op, long.MaxValue, "komponisten")));
        all.AddRange(Enum.GetValues<DeskOp>().Select(op => new ButtonAction.Desk(op, 1)));
        all.AddRange([new ButtonAction.Review(ReviewOp.Open, long.MaxValue), new ButtonAction.Review(ReviewOp.Status, 3, 1), new ButtonAction.OpenQuestion(long.MaxValue)]);
        all.AddRange(Enum.GetValues<StaffOp>().Select(op => new ButtonAction.StaffMenu(op)));
        // Issue 16: the longest entry id with the longest question number still fits.
        all.AddRange([new LearnButton.About(long.MaxValue), new LearnButton.Confirm(long.MaxValue), new LearnButton.Cancel(2),
            new LearnButton.Forget(long.MaxValue), new LearnButton.Teach(long.MaxValue, QuestionIndex.LegalTarget), new LearnButton.Teach(1, QuestionIndex.OtherTarget)]);
        all.AddRange(c.Categories.Select(id => new LearnButton.ChooseCategory(long.MaxValue, id)));
        all.AddRange(c.Entries.Select(e => new LearnButton.Teach(long.MaxValue, e.Id)));
        // Posters: the longest entry id and area with every language choice still fit.
        var longest = c.Entries.MaxBy(e => e.Id.Length)!.Id;
        all.AddRange([new ButtonAction.PosterEntries(), new ButtonAction.PosterEvents(), .. c.Categories.Select(id => new ButtonAction.PosterEntries(id))]);
        foreach (var target in new[] { PosterTarget.Home, PosterTarget.Topic, PosterTarget.Subscribe, PosterTarget.Entry(longest), PosterTarget.Event(long.MaxValue) })
            all.AddRange([new ButtonAction.PosterArea(target), new ButtonAction.PosterLanguages(target, null, PosterChoice.All),
                new ButtonAction.PosterLanguages(target, "weisser-see", 0), new ButtonAction.PosterMake(target, "komponisten", 0x81)]);
        // Voice (issue 15): residents' buttons, and staff's for every step with the longest entry id in every language.
        all.AddRange([new ButtonAction.VoiceSend(), new ButtonAction.VoiceDrop(), new ButtonAction.VoiceDesk(VoiceOp.Table), new ButtonAction.VoiceDesk(VoiceOp.Entry, longest)]);
        all.AddRange(c.Entries.Select(e => new ButtonAction.Listen(e.Id)));
        all.AddRange(Enum.GetValues<VoiceOp>().SelectMany(op => Languages.All.Select(l => new ButtonAction.VoiceDesk(op, longest, l))));
        return new TheoryData<string>(all.Select(a => a.Encode()));
    }

    [Theory]
    [MemberData(nameof(EveryButton))]
    public void Every_button_fits_telegrams_64_bytes_and_decodes_to_itself(string data)
    {
        Assert.InRange(Encoding.UTF8.GetByteCount(data), 1, 64);
        var decoded = ButtonAction.Decode(data, TestContent.Content);
        Assert.NotNull(decoded);
        Assert.Equal(data, decoded.Encode());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("l:xx")]
    [InlineData("l:DE")]
    [InlineData("e:no-such-entry")]
    [InlineData("c:")]
    [InlineData("m:extra")]
    [InlineData("p:q")]
    [InlineData("broadcast:all")]
    [InlineData("e:petition\u0000")]
    [InlineData("Ev:abc")]
    [InlineData("Pa:fno-such-entry")]
    [InlineData("Pa:lar_t")]
    [InlineData("Pa:ahansa_s")]
    [InlineData("Pl:h:other:ff")]
    [InlineData("Pl:h:-:fff")]
    [InlineData("Pm:h:-")]
    [InlineData("Lt:5:no-such-entry")]
    [InlineData("Lt:5:!x")]
    [InlineData("Lt:0:petition")]
    [InlineData("Lt:-5:petition")]
    [InlineData("Lc:5:no-such-category")]
    [InlineData("Ly:abc")]
    [InlineData("Ld:")]
    [InlineData("Le:1:2")]
    [InlineData("Pm:e0:-:ff")]
    [InlineData("Ev:-1")]
    [InlineData("Ev:0")]
    [InlineData("Ev:99999999999999999999")]
    [InlineData("E:nowhere:*")]
    [InlineData("Z:q")]
    [InlineData("Z:dd")]
    [InlineData("Z")]
    [InlineData("E:*:99")]
    [InlineData("Sk:99")]
    [InlineData("Sa:atlantis")]
    [InlineData("Er:1:5")]
    [InlineData("Xq:1")]
    [InlineData("Xg:")]
    [InlineData("Xg:x")]
    [InlineData("Bq:1")]
    [InlineData("Bp:")]
    [InlineData("Yh:no-such-entry")]
    [InlineData("Yh:")]
    [InlineData("Ys:1")]
    [InlineData("Wl:petition:xx")]
    [InlineData("Wl:petition:AR")]
    [InlineData("Wq:petition:ar")]
    [InlineData("Wr:petition:ar:extra")]
    [InlineData("Wr:no-such-entry:ar")]
    public void Forged_or_stale_button_data_is_refused(string? data) =>
        Assert.Null(ButtonAction.Decode(data, TestContent.Content));
}
