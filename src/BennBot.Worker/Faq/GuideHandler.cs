using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Faq;

/// <summary>For residents who do not know what to ask: what is it about? who are you? → the options that fit.</summary>
public static class GuideHandler
{
    public static Outcome Topics(Turn turn)
    {
        var rows = turn.Content.Categories
            .Select(c => (IReadOnlyList<Button>)[turn.Button(turn.Content.CategoryTitle(c, turn.Language), new ButtonAction.GuideTopic(c))])
            .Append([turn.ButtonFor("button.menu", new ButtonAction.Menu())]);
        return new([turn.Say("guide.topic", new Keyboard(rows.ToList()))]);
    }

    public static Outcome Who(Turn turn, string category)
    {
        var rows = Audiences.All
            .Select(w => (IReadOnlyList<Button>)[turn.ButtonFor("who." + w, new ButtonAction.GuideResult(category, w))])
            .Append([turn.ButtonFor("button.back", new ButtonAction.Guide()), turn.ButtonFor("button.menu", new ButtonAction.Menu())]);
        return new([turn.Say("guide.who", new Keyboard(rows.ToList()))]);
    }

    public static Outcome Result(Turn turn, string category, string who)
    {
        var all = turn.Content.InCategory(category).ToList();
        // Options meant for this kind of resident first, then those open to everyone; then what is meant for them on other
        // topics (a parent asking about the district also gets the parents' council: a fresh-eyes tester looked for it
        // there, and was told "nothing specific" above ten options open to everyone, parents included).
        var fitting = all.Where(e => e.Who.Contains(who)).Concat(all.Where(e => e.Who.Contains("everyone"))).Distinct().ToList();
        var shown = who == "everyone" || fitting.Count == 0 ? all
            : [.. fitting, .. turn.Content.Entries.Where(e => e.Category != category && e.Who.Contains(who) && !e.Who.Contains("everyone"))];
        var key = who == "everyone" || fitting.Count > 0 ? "guide.result" : "guide.none";
        var rows = shown
            .Select(e => (IReadOnlyList<Button>)[turn.Button(e.Text(turn.Language).Title, new ButtonAction.ShowEntry(e.Id))])
            .Append([turn.ButtonFor("button.back", new ButtonAction.GuideTopic(category)), turn.ButtonFor("button.menu", new ButtonAction.Menu())]);
        return new([turn.Say(key, new Keyboard(rows.ToList()))]);
    }
}
