using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Hosting;

namespace BennBot.Worker.Faq;

/// <summary>Participation answers: browse category → option → answer, or ask in your own words.</summary>
public sealed class FaqHandler(QuestionIndex index, Voice.Listening? listening = null)
{
    public Outcome Topics(Turn turn)
    {
        var rows = turn.Content.Categories
            .Select(c => (IReadOnlyList<Button>)[turn.Button(turn.Content.CategoryTitle(c, turn.Language), new ButtonAction.Category(c))])
            .Append([turn.ButtonFor("button.menu", new ButtonAction.Menu())]);
        return new([turn.Say("categories.prompt", new Keyboard(rows.ToList()))]);
    }

    public Outcome Category(Turn turn, string category)
    {
        var rows = turn.Content.InCategory(category)
            .Select(e => (IReadOnlyList<Button>)[EntryButton(turn, e)])
            .Append([turn.ButtonFor("button.back", new ButtonAction.Topics()), turn.ButtonFor("button.menu", new ButtonAction.Menu())]);
        var title = Html.Bold(turn.Content.CategoryTitle(category, turn.Language));
        return new([turn.Text($"{title}\n{turn.T("category.prompt")}", new Keyboard(rows.ToList()))]);
    }

    /// <param name="askedIn">The language to offer in one tap (see <see cref="LanguageSwitch"/>), if any.</param>
    public Outcome Show(Turn turn, Entry entry, Language? askedIn = null)
    {
        var rows = entry.Related
            .Select(id => turn.Content.Entry(id)!)
            .Select(e => (IReadOnlyList<Button>)[EntryButton(turn, e)])
            .ToList();
        if (listening?.ButtonFor(turn, entry) is { } listen) rows.Add([listen]); // a recording of this answer (issue 15)
        if (entry.Share && turn.TeamReachable) rows.Add([turn.ButtonFor("menu.topics", new ButtonAction.TopicsMenu())]); // one tap to tell the team
        rows.Add([turn.Button("👍", new ButtonAction.Feedback(entry.Id, true)), turn.Button("👎", new ButtonAction.Feedback(entry.Id, false))]);
        // Asked in another language than the chosen one: offer that language in one tap.
        if (askedIn is not null)
            rows.Add([turn.Button("🌐 " + turn.Content.T(askedIn, "language.name"), new ButtonAction.SetLanguage(askedIn))]);
        rows.Add(turn.AskTeamAndMenu());
        return new([turn.Text(AnswerCard.Render(turn.Content, entry, turn.Language), new Keyboard(rows))]);
    }

    /// <summary>Answers a question in the resident's own words; one about what is on in the neighbourhood gets the
    /// list of upcoming <paramref name="events"/>, as /events does.</summary>
    public Outcome Ask(Turn turn, string question, EventsHandler events)
    {
        var result = index.Ask(question);
        BotMetrics.Answers.Add(1, new KeyValuePair<string, object?>("result",
            result.Declined is Decline.Events ? "events" : result.Declined is not null ? "declined" : result.Band switch { Band.Sure => "answered", Band.Check => "check", _ => result.Alternatives.Count > 0 ? "unsure" : "notfound" }));
        // "Is there anything for kids?" is mostly about events, and sometimes about young people's say: that entry one tap away.
        if (result.Declined is Decline.Events)
            return events.List(turn, also: result.Best is { Score: >= QuestionIndex.OfferAt } near ? [EntryButton(turn, near.Entry)] : null);
        if (result.Declined is { } decline)
        {
            var text = string.Join("\n\n", DeclineKeys(decline, result.Courtesy).Select(k => turn.T(k)));
            // The legal decline points to the team: one tap to ask them whom to turn to.
            return new([turn.Text(text, decline == Decline.Legal ? new Keyboard([turn.AskTeamAndMenu()]) : turn.MainMenu())]);
        }
        var askTeam = turn.AskTeamAndMenu();
        if (result.Answered)
        {
            var best = result.Best!.Entry;
            var answer = Show(turn, best, LanguageSwitch.Offer(question, result.Best.Language, turn.Language));
            // Fairly sure: the answer, then one line asking whether it was the right one, the others one tap away (those
            // not already under the answer as related entries).
            var alternatives = result.Alternatives.Where(c => !best.Related.Contains(c.Entry.Id)).ToList();
            if (result.Band != Band.Check || alternatives.Count == 0) return answer;
            var others = alternatives.Select(c => (IReadOnlyList<Button>)[EntryButton(turn, c.Entry)]).Append(askTeam).ToList();
            return new([.. answer.Replies, turn.Say("answer.check", new Keyboard(others))]);
        }
        // Without a staff chat there is no "Ask the BENN team" button, so the text points to a contact the fact sheet verifies.
        if (result.Alternatives.Count == 0) return new([turn.Say(turn.TeamReachable ? "notfound" : "notfound.noteam", new Keyboard([askTeam]))]);
        var rows = result.Alternatives
            .Select(c => (IReadOnlyList<Button>)[EntryButton(turn, c.Entry)])
            .Append(askTeam);
        return new([turn.Say("notsure", new Keyboard(rows.ToList()))]);
    }

    /// <summary>The texts of a decline, one paragraph each (the bot and the terminal say the same). Courtesy alone is
    /// answered in kind: hello for a greeting, you're welcome for thanks or a 👍.</summary>
    public static string[] DeclineKeys(Decline decline, Courtesy courtesy) => decline switch
    {
        Decline.Legal => ["offtopic", "offtopic.legal"],
        Decline.Smalltalk => [courtesy switch { Courtesy.Greeting => "smalltalk.hello", Courtesy.Thanks or Courtesy.Emoji => "smalltalk.thanks", _ => "smalltalk" }],
        _ => ["offtopic"],
    };

    private static Button EntryButton(Turn turn, Entry e) => turn.Button(e.Text(turn.Language).Title, new ButtonAction.ShowEntry(e.Id));
}
