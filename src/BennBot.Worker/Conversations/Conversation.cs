using BennBot.Content;
using BennBot.Worker.Events;
using BennBot.Worker.Faq;
using BennBot.Worker.Learning;
using BennBot.Worker.Posters;
using BennBot.Worker.Privacy;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using BennBot.Worker.Topics;
using BennBot.Worker.Voice;

namespace BennBot.Worker.Conversations;

/// <summary>The one place an update is routed to its feature: (update, resident) → outcome. It changes nothing
/// itself (staff commands only read the team's questions); the caller loads the resident and applies the outcome,
/// so the same engine serves Telegram and the terminal.</summary>
public sealed partial class Conversation(ContentSet content, QuestionIndex index, Language defaultLanguage, TimeProvider time, Database db,
    StaffSettings? staff = null, RetentionPeriods? retention = null)
{
    public const int MaxQuestionLength = QuestionIndex.MaxQuestionLength;

    private readonly StaffSettings _staff = staff ?? StaffSettings.None;
    private readonly Listening _listening = new(db);
    private readonly FaqHandler _faq = new(index, new(db));
    private readonly TeamHandler _team = new(staff ?? StaffSettings.None, defaultLanguage, content, db);
    private readonly EventsHandler _events = new(db, time);
    private readonly EventDesk _desk = new(staff ?? StaffSettings.None, defaultLanguage, content, db, time);
    private readonly TopicDesk _topicDesk = new(staff ?? StaffSettings.None, defaultLanguage, content, db, time);
    private readonly StaffMenu _staffMenu = new(staff ?? StaffSettings.None, defaultLanguage, content);
    private readonly PosterDesk _posters = new(staff ?? StaffSettings.None, defaultLanguage, content, db, time);
    private readonly RecordingDesk _recordings = new(staff ?? StaffSettings.None, defaultLanguage, content, db);
    private VoiceQuestions VoiceQuestions => field ??= new(_team, db);
    private readonly LearningDesk _learning = new(staff ?? StaffSettings.None, defaultLanguage, content, db, index, time);

    private TopicsHandler Topics => field ??= new(db, time, _staff.ChatId, _topicDesk);

    /// <summary>The buttons features keep in their own folders, by the kind their data starts with (the rest are in
    /// <see cref="ButtonAction"/>); <see cref="ButtonAction.Decode"/> hands such data to its feature's codec.</summary>
    public static readonly IReadOnlyDictionary<string, ButtonCodec> FeatureButtons = ButtonCodec.Table(LearnButton.Codec);

    /// <summary>The router: one switch that shows which dialogue or command wins. Commands and buttons always come
    /// first and leave the chat's dialogue (<see cref="Dialogue.Leave"/>); a text or voice message goes to the open
    /// <see cref="Dialogue"/> (<see cref="Dialogue.Of"/> decides which one that is), else to the answers.
    /// <paramref name="bot"/>: who the bot is (for the deep links on posters); unknown when not given.</summary>
    public Outcome Handle(Incoming incoming, Resident? resident, BotIdentity? bot = null)
    {
        var turn = new Turn(incoming, resident, LanguageOf(incoming, resident), content, _team.Reachable, _staff.IsStaff(incoming.UserId)) { Bot = bot ?? BotIdentity.Unknown };
        var now = time.GetUtcNow().UtcDateTime;
        var stored = DialogueStore.Read(db, incoming.UserId);
        var dialogue = Dialogue.Of(stored, incoming.ChatId, turn.Staff, _team.Reachable, now);
        if (incoming.InStaffChat) return StaffChat(turn, dialogue, now);
        return (incoming, dialogue) switch
        {
            (Incoming.Command c, _) => Dialogue.Leave(turn, stored, now, Command(turn, c, now)),
            (Incoming.Button b, _) => Dialogue.Leave(turn, stored, now, Button(turn, b, now)),
            (Incoming.Text t, _) when turn.Staff && t.ReplyTo is { } replied && Replied(turn, replied) is { Kind: AboutKind.Example } e => _learning.Edit(turn, t.Words, e.Id),
            (Incoming.Text t, Dialogue.Desk d) => _desk.Text(turn, t.Words, d.Session),
            (Incoming.Text t, Dialogue.Topic { Draft.Step: DraftStep.Content }) => Topics.Step(turn, new FlowInput.Text(t.Words)),
            // Issue 15: forged or oversized voice input gets a kind answer and changes nothing, wherever it was meant to go.
            (Incoming.Voice v, _) when VoiceNote.Check(v) == VoiceProblem.Forged => Reply(turn.Say("voice.invalid", turn.MainMenu())),
            (Incoming.Voice v, Dialogue.Desk { Session.Step: DeskStep.Voice } d) => _desk.Voice(turn, v, d.Session),
            (Incoming.Voice v, Dialogue.Topic { Draft.Step: DraftStep.Content }) => Topics.Step(turn, new FlowInput.Voice(v.FileId, v.Seconds)),
            (Incoming.Voice v, _) when VoiceNote.Check(v) == VoiceProblem.TooLong => Reply(turn.Say("voice.toolong", turn.MainMenu())),
            (Incoming.Voice v, _) when _recordings.Target(turn, v, Replied(turn, v.ReplyTo), now) is { } target => _recordings.Record(turn, v, target.Entry, target.Language),
            (Incoming.Voice v, _) => VoiceQuestions.Heard(turn, v, now, asking: dialogue is Dialogue.AskingTeam), // then it goes at once
            // A long message is often a concern told in full: the main menu leads to sharing it as a topic (when topics are on).
            (Incoming.Text t, _) when t.Words.Length > MaxQuestionLength =>
                Reply(turn.Text(turn.T("toolong", ("max", MaxQuestionLength)), turn.MainMenu())),
            (Incoming.Text t, _) when EmojiHandler.Of(t.Words) is { } mood => EmojiHandler.Answer(turn, mood) with { Save = FirstContact(turn, now) },
            (Incoming.Text t, Dialogue.AskingTeam) => _team.Forward(turn, t.Words, now),
            (Incoming.Text t, _) => _faq.Ask(turn, t.Words, _events) with { Save = FirstContact(turn, now) },
            (Incoming.Document f, _) => _desk.Import(turn, f) ?? Reply(turn.Say("unsupported", turn.MenuOnly())),
            (Incoming.Unsupported, _) => Reply(turn.Say("unsupported", turn.MenuOnly())),
            (Incoming.Edited, _) => Reply(turn.Say("edited")),
            (Incoming.BlockedBot, _) when resident is not null => new([], Save: resident with { BlockedBot = true }),
            (Incoming.UnblockedBot, _) when resident is not null => new([], Save: resident with { BlockedBot = false }),
            _ => Outcome.Nothing,
        };
    }

    /// <summary>The "/" menu residents see in their app (<see cref="Telegram.BotProfile"/>), in this order; each has a
    /// "command.x" text. Kept beside the switch below, so a new command is added to both in one file.</summary>
    public static readonly string[] Commands = ["start", "menu", "topic", "events", "subscribe", "unsubscribe", "language", "privacy", "mydata", "delete", "help", "cancel"];

    private Outcome Command(Turn turn, Incoming.Command c, DateTime now) => c.Name switch
    {
        "start" => Start(turn, c.Arguments, now),
        "menu" => Menu(turn),
        "language" => LanguageHandler.Picker(turn),
        "help" => Help(turn),
        "cancel" => new([turn.Say("cancel.done", turn.MainMenu())]) { Effects = [new EndDialogue(turn.In.UserId, DialogueKind.All)] },
        "privacy" => PrivacyHandler.Info(turn, retention ?? new()),
        "events" => _events.List(turn),
        "topic" when !string.IsNullOrWhiteSpace(c.Arguments) && StaffCommand(turn, c) is { } staffView => staffView, // staff: "/topic 12"
        "topic" => Topics.Step(turn, new FlowInput.Start()),
        "mydata" => PrivacyHandler.MyData(turn, MyData(turn)),
        "delete" => PrivacyHandler.ConfirmDelete(turn),
        "subscribe" => _events.Subscribe(turn),
        "unsubscribe" => EventsHandler.Unsubscribe(turn),
        _ => StaffCommand(turn, c) ?? Reply(turn.Say("unknown.command", turn.MainMenu())),
    };

    /// <summary>Every staff command, behind one staff check (on every request: the list is read from settings, never
    /// from the chat); anyone else is told a team command is the team's, and gets null for any other command (/poster
    /// answers them itself, as its menu button does). Each desk checks the staff list again, so a desk called from elsewhere is
    /// safe too.</summary>
    private Outcome? StaffCommand(Turn turn, Incoming.Command c)
    {
        if (c.Name == "poster") return _posters.Start(turn);
        Func<Outcome?>? command = c.Name switch
        {
            "newevent" or "desk" => () => _desk.Command(turn, c),
            "topics" or "topic" or "merge" or "publish" or "export" => () => _topicDesk.Command(turn, c),
            "stats" => () => Stats(_topicDesk.Command(turn, c)!), // the topics' counts, then how residents found BennBot (issue 18)
            "unanswered" or "feedback" => () => _team.StaffCommand(turn, c),
            "examples" => () => _learning.Command(turn, c),
            _ => null,
        };
        if (command is null) return null;
        if (_staff.IsStaff(turn.In.UserId)) return command();
        // A resident who types a team command is told it is the team's ("/topic 12" stays their own /topic).
        return c.Name == "topic" ? null : new([turn.StaffOnly()]);
    }

    private Outcome Stats(Outcome topics) =>
        topics with { Replies = [.. topics.Replies, db.Read(d => StartStats.Render(content, defaultLanguage, StartCountStore.All(d), StartCountStore.MarkedOn(d)))] };

    /// <summary>Staff get their own help with the team menu; residents the help of what is switched on (no /topic line
    /// without a staff chat, where topics would go).</summary>
    private Outcome Help(Turn turn)
    {
        if (turn.Staff) return _staffMenu.Help(turn);
        var lines = turn.T("help").Split('\n').Where(line => turn.TeamReachable || !line.StartsWith("/topic", StringComparison.Ordinal));
        return Reply(turn.Text(string.Join('\n', lines), turn.MainMenu()));
    }

    /// <summary>A team-menu button: staff get the menu or the command's answer; anyone else (a forged or forwarded button)
    /// is told kindly that it is the team's, and nothing changes.</summary>
    private Outcome StaffButton(Turn turn, StaffOp op)
    {
        if (!turn.Staff) return new([turn.StaffOnly()]);
        if (op == StaffOp.Resident) return Menu(turn);
        if (op == StaffOp.Poster) return _posters.Start(turn);
        if (op == StaffOp.MarkReport) return StartStats.Mark(content, defaultLanguage, time.GetUtcNow().UtcDateTime);
        if (op == StaffOp.Voice) return _recordings.Table(turn);
        if (StaffMenu.CommandOf(op) is not { } command) return _staffMenu.Menu(turn);
        var asCommand = new Incoming.Command(turn.In.UpdateId, turn.In.ChatId, turn.In.UserId, turn.In.LanguageCode, command, "", turn.In.InStaffChat);
        return StaffCommand(turn with { In = asCommand }, asCommand) ?? new([turn.Say("button.expired", turn.MainMenu())]);
    }

    /// <summary>The staff group chat: only allow-listed staff are heard; others get silence (a button press is
    /// still acknowledged, so their app stops waiting).</summary>
    private Outcome StaffChat(Turn turn, Dialogue dialogue, DateTime now)
    {
        if (!_staff.IsStaff(turn.In.UserId))
            return turn.In is Incoming.Button press ? new([press.Ack]) : Outcome.Nothing;
        return turn.In switch
        {
            Incoming.Button b => Button(turn, b, now),
            Incoming.Command { Name: "cancel" } => new([turn.Say("cancel.done")]) { Effects = [new EndDialogue(turn.In.UserId, DialogueKind.Desk)] },
            Incoming.Command { Name: "help" or "start" } => _staffMenu.Help(turn),
            Incoming.Command { Name: "menu" } => _staffMenu.Menu(turn),
            Incoming.Command c => StaffCommand(turn, c) ?? Outcome.Nothing,
            Incoming.Document f => _desk.Import(turn, f) ?? Outcome.Nothing,
            // A reply to one of the bot's messages answers a resident, even mid-dialogue: the one whose question or topic
            // that message was sent about, as the bot recorded when Telegram confirmed it.
            Incoming.Text { ReplyTo: { } replied } text when Replied(turn, replied) is { Kind: not AboutKind.Recording } about => about.Kind switch
            {
                AboutKind.Topic => _topicDesk.Respond(turn, text.Words, about.Id) ?? Outcome.Nothing,
                AboutKind.Question => _team.Answer(turn, text, about.Id),
                _ => _learning.Edit(turn, text.Words, about.Id),
            },
            // With Telegram's group privacy mode on (its default), the staff chat's messages reach the bot only as
            // replies to it: a reply to the desk's question is the desk's next step.
            Incoming.Text text when dialogue is Dialogue.Desk desk => _desk.Text(turn, text.Words, desk.Session),
            // A reply to any other bot message (a list, a digest, a confirmation) answers nobody, whatever it says: staff
            // are told, so that nobody believes a resident was answered.
            Incoming.Text { ReplyTo: not null } => new([turn.Say("staff.reply.nobody")]),
            // Issue 15: a voice reply answers a question as voice, or records an answer for its card; nothing else.
            Incoming.Voice v when VoiceNote.Check(v) != VoiceProblem.None => new([turn.Say("voice.invalid")]),
            Incoming.Voice { ReplyTo: { } replied } v => Replied(turn, replied) switch
            {
                { Kind: AboutKind.Question } q => _team.Answer(turn, v, q.Id),
                { Kind: AboutKind.Recording } r when RecordingCard.Target(content, r.Id) is { } target => _recordings.Record(turn, v, target.Entry, target.Language),
                _ => Outcome.Nothing,
            },
            _ => Outcome.Nothing,
        };
    }

    /// <summary>Brings the answering index in line with the stored examples (issue 16): at start, after an outcome that
    /// confirmed or removed one has been committed, and before each terminal turn.</summary>
    public void SyncLearned()
    {
        db.Read(d => { LearnedSync.Sync(index, d); return 0; });
    }

    /// <summary>Called once an outcome is committed: a confirmed example answers from the next question on.</summary>
    public void Committed(Outcome outcome)
    {
        if (outcome.Effects.Any(LearningStore.ChangesExamples)) SyncLearned();
    }

    private About? Replied(Turn turn, long messageId) => db.Read(d => SentCards.Find(d, turn.In.ChatId, messageId));

    private About? Replied(Turn turn, long? messageId) => messageId is { } id ? Replied(turn, id) : null;

    /// <summary>Many new questions and topics at once, as one message for the staff chat: a line each (number, language,
    /// date; never a resident's words) and a button each that opens the item's own card to reply to. Null when none of
    /// them is still open.</summary>
    public SendText? Digest(IReadOnlyList<About> items)
    {
        var open = items.Select(a => (About: a, Line: a.Kind == AboutKind.Topic ? _topicDesk.Headline(a.Id) : _team.Headline(a.Id)))
            .Where(x => x.Line is not null).ToList();
        if (open.Count == 0) return null;
        var head = Html.Escape(content.T(defaultLanguage, "staff.digest", ("count", open.Count)));
        var buttons = open.Select(x => new Button(x.About.Tag, (x.About.Kind == AboutKind.Topic
            ? new ButtonAction.Review(ReviewOp.Open, x.About.Id) : (ButtonAction)new ButtonAction.OpenQuestion(x.About.Id)).Encode()));
        return new SendText(head + "\n\n" + string.Join("\n", open.Select(x => Html.Escape(TextCut.Shorten(x.Line!, 160)))), new Keyboard(Keyboard.Grid(buttons, 4)));
    }

    private Outcome Button(Turn turn, Incoming.Button press, DateTime now)
    {
        var ack = press.Ack;
        var action = ButtonAction.Decode(press.Data, content);
        var outcome = NotForResidents(turn, action) ?? action switch
        {
            null => new Outcome([turn.Say("button.expired", turn.MainMenu())]),
            ButtonAction.Menu => Menu(turn),
            ButtonAction.ChooseLanguage => LanguageHandler.Picker(turn),
            ButtonAction.SetLanguage s => LanguageHandler.Set(turn, s.Language, now),
            ButtonAction.Topics => _faq.Topics(turn),
            ButtonAction.Category c => _faq.Category(turn, c.Id),
            ButtonAction.ShowEntry e => _faq.Show(turn, content.Entry(e.Id)!),
            ButtonAction.AskHint => Reply(turn.Say("ask.prompt", turn.MenuOnly())),
            ButtonAction.Help => Help(turn),
            ButtonAction.Privacy => PrivacyHandler.Info(turn, retention ?? new()),
            ButtonAction.PrivacyShow => PrivacyHandler.Show(turn, db.Read(d => StoredData.Read(d, turn.In.UserId))),
            ButtonAction.PrivacyDelete => PrivacyHandler.ConfirmDelete(turn),
            ButtonAction.PrivacyDeleteConfirmed => PrivacyHandler.Delete(turn, retention ?? new(), deleteTopics: false),
            ButtonAction.Guide => GuideHandler.Topics(turn),
            ButtonAction.GuideTopic g => GuideHandler.Who(turn, g.Topic),
            ButtonAction.GuideResult r => GuideHandler.Result(turn, r.Topic, r.Who),
            ButtonAction.AskTeam => _team.Prompt(turn, now),
            ButtonAction.Feedback f => new([ack with { Notice = content.T(turn.Language, "feedback.thanks") }]) { Effects = [new CountFeedback(f.EntryId, f.Helpful, turn.In.UserId)] },
            ButtonAction.Events e => _events.List(turn, e.Area, e.Kind),
            ButtonAction.EventFilter f => EventsHandler.Filter(turn, f.ByArea),
            ButtonAction.ShowEvent e => _events.Show(turn, e.Id),
            ButtonAction.Remind { HoursBefore: null } r => _events.RemindWhen(turn, r.EventId),
            ButtonAction.Remind r => _events.Remind(turn, r.EventId, r.HoursBefore!.Value),
            ButtonAction.Calendar c => _events.Calendar(turn, c.EventId),
            ButtonAction.Subscription => EventsHandler.Subscription(turn),
            ButtonAction.Subscribe => _events.Subscribe(turn),
            ButtonAction.Unsubscribe => EventsHandler.Unsubscribe(turn),
            ButtonAction.InterestAreas a => _events.ChooseAreas(turn, a.Toggle),
            ButtonAction.InterestKinds k => _events.ChooseKinds(turn, k.Toggle),
            ButtonAction.Desk d => _desk.Button(turn, d) ?? new([turn.Say("button.expired", turn.MainMenu())]),
            ButtonAction.Control c => _desk.Control(turn, ack, c) ?? new([turn.Say("button.expired", turn.MainMenu())]),
            ButtonAction.TopicsMenu => TopicsHandler.Menu(turn),
            ButtonAction.NewTopic => Topics.Step(turn, new FlowInput.Start()),
            ButtonAction.TopicRestart => Topics.Step(turn, new FlowInput.Restart()),
            ButtonAction.TopicCategoryChosen c => Topics.Step(turn, new FlowInput.Category(c.Chosen)),
            ButtonAction.TopicArea a => Topics.Step(turn, new FlowInput.Area(a.Area)),
            ButtonAction.TopicPrivacy p => Topics.Step(turn, new FlowInput.Privacy(p.Contactable)),
            ButtonAction.TopicSend => Topics.Step(turn, new FlowInput.Send()),
            ButtonAction.TopicCancel => Topics.Step(turn, new FlowInput.Cancel()),
            ButtonAction.MyTopics => Topics.Mine(turn),
            ButtonAction.PublishedTopics => Topics.Published(turn),
            ButtonAction.MeToo m => Topics.MeToo(turn, ack, m.TopicId),
            ButtonAction.Review r => _topicDesk.Button(turn, ack, r) ?? new([turn.Say("button.expired", turn.MainMenu())]),
            ButtonAction.StaffMenu m => StaffButton(turn, m.Op),
            ButtonAction.PosterStep p => _posters.Button(turn, p),
            ButtonAction.OpenQuestion q => _team.Open(turn, ack, q.QuestionId) ?? new([turn.Say("button.expired", turn.MainMenu())]),
            ButtonAction.MyData => PrivacyHandler.MyData(turn, MyData(turn)),
            LearnButton.About l => _learning.Start(turn, l.QuestionId),
            LearnButton.ChooseCategory l => _learning.Category(turn, l.QuestionId, l.CategoryId),
            LearnButton.Teach l => _learning.Target(turn, l.QuestionId, l.Target),
            LearnButton.Confirm l => _learning.Confirm(turn, l.QuestionId),
            LearnButton.Cancel l => _learning.Cancel(turn, l.QuestionId),
            LearnButton.Forget f => _learning.Forget(turn, f.ExampleId),
            ButtonAction.PrivacyDeleteAll => PrivacyHandler.Delete(turn, retention ?? new(), deleteTopics: true),
            ButtonAction.VoiceSend => VoiceQuestions.Send(turn, now),
            ButtonAction.VoiceDrop => VoiceQuestions.Drop(turn),
            ButtonAction.Listen l => _listening.Listen(turn, l.EntryId),
            ButtonAction.VoiceDesk v => _recordings.Button(turn, v, now),
            _ => Outcome.Nothing,
        };
        return outcome.Replies.Any(r => r is AnswerButton) ? outcome : outcome with { Replies = [ack, .. outcome.Replies] };
    }

    /// <summary>An update dropped by flood control: a button press is still answered (so the app stops its
    /// spinner), nothing changes, and the resident is told to slow down when <paramref name="tell"/>.</summary>
    public Outcome Throttled(Incoming incoming, Resident? resident, bool tell)
    {
        var turn = new Turn(incoming, resident, LanguageOf(incoming, resident), content);
        var replies = new List<Reply>();
        if (incoming is Incoming.Button press) replies.Add(press.Ack);
        if (tell) replies.Add(turn.Say("slowdown"));
        return new(replies);
    }

    /// <summary>What a resident hears when their update could not be handled.</summary>
    public SendText Apology(Resident? resident)
    {
        var language = Languages.Find(resident?.Language) ?? defaultLanguage;
        var turn = new Turn(new Incoming.Ignored(0, 0), resident, language, content);
        return turn.Say("error.generic", turn.MenuOnly());
    }

    // The resident's chosen language; before they choose, the one Telegram reports for them.
    private Language LanguageOf(Incoming incoming, Resident? resident) =>
        Languages.Find(resident?.Language) ?? Languages.FromTelegram(incoming.LanguageCode, defaultLanguage);

    private byte[]? MyData(Turn turn) => db.Read(d => MyDataExport.Build(d, turn.In.UserId));

    private static Outcome Menu(Turn turn) => Reply(turn.Say("menu.title", turn.MainMenu()));

    private static Outcome Reply(SendText text) => new([text]);

    // A resident who asks without /start is remembered too, so that their language sticks.
    private static Resident? FirstContact(Turn turn, DateTime now) => turn.Resident is null ? turn.ResidentOrNew(now) : null;
}
