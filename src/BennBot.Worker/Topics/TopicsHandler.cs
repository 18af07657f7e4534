using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Topics;

/// <summary>Residents bring in a concern, wish or idea in a few taps: what it is about, the topic itself (text or
/// voice), optionally where, and whether the team may contact them (anonymous by default); then a summary to send.
/// Every step can be skipped or cancelled. Also "my topics" and "me too" for topics the team published.</summary>
public sealed class TopicsHandler(Database db, TimeProvider time, long? staffChatId, TopicDesk desk)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static Outcome Menu(Turn turn) => !turn.TeamReachable ? NotOffered(turn) : new([turn.Say("topics.menu", new Keyboard([
        [turn.ButtonFor("topic.new", new ButtonAction.NewTopic())],
        [turn.ButtonFor("topic.mine", new ButtonAction.MyTopics())],
        [turn.ButtonFor("topic.others", new ButtonAction.PublishedTopics())],
        [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
    ]))]);

    public TopicDraft? Draft(Turn turn) => DialogueStore.Read(db, turn.In.UserId)?.Topic is { } draft && Now - draft.UpdatedAt < TopicStore.DraftKept ? draft : null;

    /// <summary>A resident's step in the dialogue: the pure <see cref="TopicFlow"/> decides, this turns it into replies.</summary>
    public Outcome Step(Turn turn, FlowInput input)
    {
        if (staffChatId is null) return NotOffered(turn);
        if (input is FlowInput.Start or FlowInput.Restart or FlowInput.Send && db.Read(d => TopicStore.SubmittedToday(d, turn.In.UserId, Now)) >= TopicStore.PerDay)
            return new([turn.Text(turn.T("topic.limit", ("max", TopicStore.PerDay)), turn.MainMenu())]) { Effects = [Drop(turn)] };
        var before = Draft(turn);
        var step = TopicFlow.Next(before, input, turn.In.UserId);
        var shown = step switch
        {
            { Dropped: true } => new([turn.Say("topic.cancelled", turn.MainMenu())]) { Effects = [Drop(turn)] },
            { Problem: FlowProblem.TextTooLong } => new([turn.Text(turn.T("topic.toolong", ("max", TopicFlow.MaxText)), Cancel(turn))]),
            { Problem: FlowProblem.VoiceTooLong } => new([turn.Text(turn.T("topic.voicetoolong", ("max", TopicFlow.MaxVoiceSeconds / 60)), Cancel(turn))]),
            { Problem: FlowProblem.Stale } => new([turn.Say("topic.stale", turn.MainMenu())]),
            { Submit: true, Draft: { } draft } => Submit(turn, draft),
            { Draft: { } draft } => Ask(turn, draft) with { Save = turn.Resident is null ? turn.ResidentOrNew(Now) : null },
            _ => Outcome.Nothing,
        };
        // Picked up again after a while (a fresh-eyes tester's old draft came back with its old category, unsaid): say
        // so, and offer to start again.
        if (input is FlowInput.Start && before is { Step: not DraftStep.Category } && step.Draft is { } resumed)
        {
            var note = turn.Text(turn.T("topic.resumed", ("category", Name(turn, "cat", resumed.Category))),
                new Keyboard([[turn.ButtonFor("topic.restart", new ButtonAction.TopicRestart())]]));
            return shown with { Replies = [note, .. shown.Replies] };
        }
        return shown;
    }

    private Outcome Submit(Turn turn, TopicDraft draft)
    {
        // The next number; if another resident takes it in the same instant, the insert fails and the update is retried.
        var id = db.Read(TopicStore.NextNumber);
        var topic = new Topic
        {
            Id = id, Category = draft.Category, Field = TopicFields.Guess(draft.Category), Text = draft.Text, VoiceFileId = draft.VoiceFileId,
            VoiceSeconds = draft.VoiceSeconds, Area = draft.Area, Language = turn.Language.Code, SubmittedAt = Now, StatusChangedAt = Now,
            SubmitterId = turn.In.UserId, Contactable = draft.Contactable,
        };
        // The thanks point to "My topics", which the main menu only has a level down: it comes first here.
        var keyboard = new Keyboard([[turn.ButtonFor("topic.mine", new ButtonAction.MyTopics())], .. turn.MainMenu().Rows]);
        return new([turn.Text(turn.T("topic.thanks", ("id", id)), keyboard), desk.Announce(topic, staffChatId!.Value)])
        {
            Effects = [new SubmitTopic(topic), Drop(turn)],
        };
    }

    public Outcome Mine(Turn turn)
    {
        // A topic the team merged into another shows that one's number and status: that is where news comes from. The
        // response stays its own: the one sent to this resident, never one written to the other topic's resident.
        var topics = db.Read(d => TopicStore.Of(d, turn.In.UserId).Select(t => t.MergedInto is { } into && TopicStore.Find(d, into) is { } target
            ? target with { Id = t.Id, MergedInto = target.Id, SubmittedAt = t.SubmittedAt, Response = t.Response, ResponseLanguage = t.ResponseLanguage } : t).ToList());
        if (topics.Count == 0) return new([turn.Say("topic.mine.none", Keys(turn))]);
        var lines = topics.TakeLast(15).Select(t =>
        {
            var number = t.MergedInto is { } merged ? $"{t.Id} → #{merged}" : t.Id.ToString();
            var line = turn.T("topic.mine.line", ("id", number), ("category", Name(turn, "cat", t.Category)), ("status", Name(turn, "status", t.Status)), ("date", BerlinTime.Day(t.SubmittedAt)));
            return t.Response is null ? line : line + "\n" + turn.T("topic.notice.response", ("id", t.Id), ("language", LanguageName(turn, t.ResponseLanguage))) + "\n" + Html.Escape(t.Response);
        });
        return new([turn.Text(turn.T("topic.mine.title") + "\n\n" + string.Join("\n\n", lines), Keys(turn))]);
    }

    public Outcome Published(Turn turn)
    {
        var topics = db.Read(TopicStore.Published);
        if (topics.Count == 0) return new([turn.Say("topic.others.none", Keys(turn))]);
        var shown = topics.Take(10).ToList();
        var text = turn.T("topic.others.title") + "\n\n" + string.Join("\n", shown.Select(t => $"#{t.Id} · {Html.Escape(t.PublicWording!)}{WrittenIn(turn, t)}"));
        var rows = shown.Select(t => (IReadOnlyList<Button>)[turn.Button($"#{t.Id} " + turn.Content.T(turn.Language, "topic.metoo", ("count", t.Supporters)), new ButtonAction.MeToo(t.Id))]).ToList();
        rows.Add([turn.ButtonFor("button.menu", new ButtonAction.Menu())]);
        return new([turn.Text(text, new Keyboard(rows))]);
    }

    public Outcome MeToo(Turn turn, AnswerButton ack, long topicId)
    {
        if (db.Read(d => TopicStore.Find(d, topicId)) is not { PublicWording: not null, Hidden: false, MergedInto: null } t) return new([ack, turn.Say("button.expired", turn.MainMenu())]);
        if (db.Read(d => TopicStore.IsSupportedBy(d, t.Id, turn.In.UserId)))
            return new([ack with { Notice = turn.Content.T(turn.Language, "topic.alreadysupported") }]);
        return new([ack with { Notice = turn.Content.T(turn.Language, "topic.supported") }], Save: turn.Resident is null ? turn.ResidentOrNew(Now) : null)
        {
            Effects = [new SupportTopic(t.Id, turn.In.UserId)],
        };
    }

    /// <summary>Saves the draft and asks for its current step.</summary>
    private static Outcome Ask(Turn turn, TopicDraft draft)
    {
        SendText message = draft.Step switch
        {
            DraftStep.Category => turn.Say("topic.category", Grid(turn, Enum.GetValues<TopicCategory>().Select(c => turn.ButtonFor(Key("cat", c), new ButtonAction.TopicCategoryChosen(c))), 2, Cancel(turn))),
            DraftStep.Content => turn.Say("topic.content", Cancel(turn)),
            DraftStep.Area => turn.Say("topic.area", Grid(turn, Areas.Ids.Select(a => turn.Button(EventCard.AreaName(turn.Content, turn.Language, a), new ButtonAction.TopicArea(a)))
                .Append(turn.ButtonFor("topic.skip", new ButtonAction.TopicArea(null))), 2, Cancel(turn))),
            DraftStep.Privacy => turn.Say("topic.privacy", new Keyboard([
                [turn.ButtonFor("topic.anonymous", new ButtonAction.TopicPrivacy(false))],
                [turn.ButtonFor("topic.contact", new ButtonAction.TopicPrivacy(true))],
                [turn.ButtonFor("topic.cancel", new ButtonAction.TopicCancel())],
            ])),
            _ => turn.Text(Summary(turn, draft), new Keyboard([
                [turn.ButtonFor("topic.send", new ButtonAction.TopicSend())],
                [turn.ButtonFor("topic.restart", new ButtonAction.TopicRestart()), turn.ButtonFor("topic.cancel", new ButtonAction.TopicCancel())],
            ])),
        };
        return new([message]) { Effects = [new SaveDialogue(turn.In.UserId, new Dialogue.Topic(draft))] };
    }

    private static string Summary(Turn turn, TopicDraft d)
    {
        var content = d.VoiceFileId is not null ? turn.Content.T(turn.Language, "topic.voice", ("seconds", d.VoiceSeconds)) : d.Text ?? "";
        return turn.T("topic.summary", // T escapes the whole text, the resident's words included
            ("category", Name(turn, "cat", d.Category)),
            ("area", d.Area is null ? turn.Content.T(turn.Language, "topic.noarea") : EventCard.AreaName(turn.Content, turn.Language, d.Area)),
            ("privacy", turn.Content.T(turn.Language, d.Contactable ? "topic.privacy.contact" : "topic.privacy.anonymous")),
            ("content", content));
    }

    // Topics go to the staff chat: without one they are not offered at all (issue 13), and a /topic or an old button
    // hears that kindly, with what the bot does offer.
    private static Outcome NotOffered(Turn turn) => new([turn.Say("topic.notoffered", turn.MainMenu())]);

    private static EndDialogue Drop(Turn turn) => new(turn.In.UserId, DialogueKind.Topic);

    private static Keyboard Cancel(Turn turn) => new([[turn.ButtonFor("topic.cancel", new ButtonAction.TopicCancel())]]);

    private static Keyboard Keys(Turn turn) => new([[turn.ButtonFor("topic.new", new ButtonAction.NewTopic())], [turn.ButtonFor("button.menu", new ButtonAction.Menu())]]);

    private static Keyboard Grid(Turn turn, IEnumerable<Button> buttons, int perRow, Keyboard tail) =>
        new([.. Keyboard.Grid(buttons, perRow), .. tail.Rows]);

    public static string Key<T>(string prefix, T value) where T : Enum => prefix + "." + value.ToString().ToLowerInvariant();

    public static string Name<T>(Turn turn, string prefix, T value) where T : Enum => turn.Content.T(turn.Language, Key(prefix, value));

    /// <summary>" (written in Deutsch)" after a published wording in another language than the resident's, as under a
    /// team's answer; nothing when it is theirs or unknown.</summary>
    private static string WrittenIn(Turn turn, Topic t) =>
        t.PublicWordingLanguage is { } code && code != turn.Language.Code ? " " + turn.T("topic.others.written", ("language", LanguageName(turn, code))) : "";

    private static string LanguageName(Turn turn, string? code) => Languages.Find(code) is { } l ? turn.Content.T(l, "language.name") : code ?? "";
}
