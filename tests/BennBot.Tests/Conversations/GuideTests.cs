using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Faq;
using Microsoft.Extensions.Time.Testing;

namespace BennBot.Tests.Conversations;

/// <summary>"Help me choose": what is it about? who are you? → the options that fit.</summary>
public sealed class GuideTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly Conversation _conversation;

    public GuideTests() => _conversation = new(TestContent.Content, TestContent.Index, Languages.German, new FakeTimeProvider(), _temp.Db);

    public void Dispose() => _temp.Dispose();

    private (string Text, IReadOnlyList<string> Entries) Result(string category, string who)
    {
        var reply = (SendText)_conversation.Handle(new Incoming.Button(1, 42, 42, "en", new ButtonAction.GuideResult(category, who).Encode(), "q"), null)
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
    public void Options_meant_for_the_resident_come_first_and_something_else_shows_the_whole_topic()
    {
        var (_, housing) = Result("housing", "tenant");
        Assert.Equal("mieterbeirat", housing[0]);
        var (text, all) = Result("district", "everyone");
        Assert.Contains(En("guide.result"), text);
        Assert.Equal(TestContent.Content.InCategory("district").Select(e => e.Id), all);
    }

    [Fact]
    public void A_topic_with_nothing_for_this_resident_says_so_and_shows_all_its_options()
    {
        var (text, entries) = Result("school", "tenant"); // the parents' council and young people's say: neither for a tenant as such
        Assert.Contains(En("guide.none"), text);
        Assert.Equal(TestContent.Content.InCategory("school").Select(e => e.Id), entries);
    }
}
