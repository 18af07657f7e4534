using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Residents;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Conversations;

/// <summary>"Help me choose": what is it about? who are you? → the options that fit.</summary>
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

    private (string Text, IReadOnlyList<string> Entries) Result(string category, string who)
    {
        var reply = _conversation.Handle(new Incoming.Button(1, 42, 42, "en", new ButtonAction.GuideResult(category, who).Encode(), "q"), Resident)
            .Replies.OfType<SendText>().Single();
        return (reply.Html, reply.Keyboard!.Buttons.Select(b => b.Data).Where(d => d.StartsWith("e:", StringComparison.Ordinal)).Select(d => d[2..]).ToList());
    }

    private static string En(string key) => Html.Escape(TestContent.Content.T(Languages.English, key));

    /// <summary>A fresh-eyes tester chose "decisions in my district" and "parent": "I have nothing specific for this" above
    /// ten options that are open to everyone, parents included, and no parents' council.</summary>
    [Fact]
    public void A_parent_asking_about_the_district_gets_its_options_as_fitting_and_the_parents_council_too()
    {
        var (text, entries) = Result("district", "parent");
        Assert.Contains(En("guide.result"), text);
        Assert.Equal(TestContent.Content.InCategory("district").Select(e => e.Id).Append("elternvertretung"), entries);
    }

    [Fact]
    public void A_topic_with_nothing_for_this_resident_says_so_and_shows_all_its_options()
    {
        var (text, entries) = Result("school", "tenant"); // the parents' council and young people's say: neither for a tenant as such
        Assert.Contains(En("guide.none"), text);
        Assert.Equal(TestContent.Content.InCategory("school").Select(e => e.Id), entries);
    }
}
