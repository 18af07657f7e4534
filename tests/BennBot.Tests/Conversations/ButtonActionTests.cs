using System.Text;
using BennBot.Content;
using BennBot.Worker.Conversations;

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
    public void Forged_or_stale_button_data_is_refused(string? data) =>
        Assert.Null(ButtonAction.Decode(data, TestContent.Content));
}
