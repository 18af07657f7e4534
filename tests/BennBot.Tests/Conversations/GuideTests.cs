using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Residents;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Conversations;

public sealed class GuideTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly Conversation _conversation;

    public GuideTests() => _conversation = new(TestContent.Content, TestContent.Index, Languages.German, new FakeTimeProvider(), _temp.Db);

    public void Dispose() => _temp.Dispose();
    private static readonly Resident Resident = new() { Id = 42, Language = "en", LanguageChosen = true };

    private IReadOnlyList<string> Press(string data) =>
        ((SendText)_conversation.Handle(new Incoming.Button(1, 42, 42, "en", data, "q"), Resident).Replies[1])
        .Keyboard!.Buttons.Select(b => b.Data).ToList();

    [Fact]
    public void A_parent_who_asks_about_school_is_led_to_the_parents_council()
    {
        Assert.Contains("g:school", Press("g"));
        Assert.Contains("gw:school:parent", Press("g:school"));
        Assert.Contains("e:elternvertretung", Press("gw:school:parent"));
        Assert.DoesNotContain("e:jugendbeteiligung", Press("gw:school:parent"));
    }

    [Fact]
    public void A_young_person_is_led_to_youth_participation_and_someone_else_sees_every_option()
    {
        Assert.Equal(["e:jugendbeteiligung", "g:school", "m"], Press("gw:school:young"));
        Assert.Equal(TestContent.Content.InCategory("housing").Count(), Press("gw:housing:everyone").Count(d => d.StartsWith("e:")));
    }

    [Fact]
    public void Someone_in_an_accommodation_sees_the_options_meant_for_them_first_and_those_open_to_everyone_after()
    {
        var shown = Press("gw:district:accommodation").Where(d => d.StartsWith("e:")).ToList();
        Assert.Equal("e:bezirksbeirat", shown[0]);
        Assert.Contains("e:einwohnerantrag", shown);
        Assert.Contains("e:petition", shown);
    }

    [Fact]
    public void Every_entry_can_be_reached_through_the_guide()
    {
        var reachable = TestContent.Content.Categories
            .SelectMany(c => Audiences.All.SelectMany(w => Press($"gw:{c}:{w}")))
            .Where(d => d.StartsWith("e:")).Select(d => d[2..]).ToHashSet();
        Assert.Equal(TestContent.Content.Entries.Select(e => e.Id).Order(), reachable.Order());
    }
}
