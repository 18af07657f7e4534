using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Team;

/// <summary>"Ask the team": a resident's question goes to the staff chat without name, username or Telegram id;
/// a staff member answers by replying to it; the answer reaches the resident. Staff are checked on every action.</summary>
public sealed class TeamHandler(StaffSettings staff, Language staffLanguage, ContentSet content, Database db)
{
    public static readonly TimeSpan WaitForQuestion = TimeSpan.FromMinutes(15);
    public const int MaxOpenQuestions = 3; // per resident, so that nobody can flood the staff chat
    private const int MaxListed = 20;

    public bool Reachable => staff.ChatId is not null;

    /// <summary>A resident's own open questions, for "show my data".</summary>
    public IReadOnlyList<string> OpenQuestionsOf(long residentId) =>
        db.Read(d => TeamStore.OpenQuestionsOf(d, residentId)).Select(Words).ToList();

    /// <summary>A question as its asker sees it listed: their words, or for a voice question its length.</summary>
    public static string Words(TeamQuestion q) => q.VoiceFileId is null ? q.Text : $"🎤 {q.VoiceSeconds} s";

    public Outcome Prompt(Turn turn, DateTime now)
    {
        if (staff.ChatId is null) return new([turn.Say("askteam.unavailable", turn.MainMenu())]);
        if (OpenQuestionsOf(turn.In.UserId).Count >= MaxOpenQuestions) return new([turn.Say("askteam.limit", turn.MainMenu())]);
        return new([turn.Say("askteam.prompt")], Save: turn.ResidentOrNew(now))
        {
            Effects = [new SaveDialogue(turn.In.UserId, new Dialogue.AskingTeam(now + WaitForQuestion))],
        };
    }

    /// <summary>A resident's voice question (issue 15): the voice itself goes to the staff chat by its file id, so Telegram
    /// shows no origin; the card says language and date, never who. <paramref name="extra"/>: effects of the same step.</summary>
    public Outcome ForwardVoice(Turn turn, DateTime now, string fileId, int seconds, params Effect[] extra)
    {
        var id = turn.In.UpdateId;
        var toStaff = VoiceCard(id, turn.Language, now, fileId, seconds) with { To = staff.ChatId };
        return new([turn.Say("askteam.sent", turn.MainMenu()), toStaff], Save: turn.ResidentOrNew(now))
        {
            Effects = [.. extra, new AskTeam(id, turn.In.UserId, turn.Language.Code, "", fileId, seconds), Asked(turn)],
        };
    }

    public Outcome Forward(Turn turn, string question, DateTime now)
    {
        var id = turn.In.UpdateId;
        var toStaff = Card(id, turn.Language, now, question) with { To = staff.ChatId };
        return new([turn.Say("askteam.sent", turn.MainMenu()), toStaff], Save: turn.Resident is null ? turn.ResidentOrNew(now) : null)
        {
            Effects = [new AskTeam(id, turn.In.UserId, turn.Language.Code, question), Asked(turn)],
        };
    }

    // The question is on its way: the chat no longer waits for one.
    private static EndDialogue Asked(Turn turn) => new(turn.In.UserId, DialogueKind.AskingTeam);

    /// <summary>A staff member replied to the bot's message about question <paramref name="id"/> (the bot's own record
    /// of which message that was decides, never text inside it): the reply goes to the resident who asked.</summary>
    public Outcome Answer(Turn turn, Incoming reply, long id)
    {
        if (!staff.IsStaff(turn.In.UserId)) return Outcome.Nothing;
        var question = db.Read(d => TeamStore.Find(d, id));
        if (question is not { AnsweredAt: null, ResidentId: > 0 }) return new([StaffSay("staff.notfound")]);
        var language = Languages.Find(question.Language) ?? staffLanguage;
        var residentTurn = turn with { Language = language };
        // A voice reply reaches the resident as voice (by its file id: Telegram shows no staff name), under the same heading.
        Reply? toResident = reply switch
        {
            Incoming.Voice v => new SendVoice(v.FileId, Bidi.Direct(language, Html.Bold(content.T(language, "askteam.answer"))), residentTurn.MenuOnly(), To: question.ResidentId),
            Incoming.Text t => residentTurn.Text($"{Html.Bold(content.T(language, "askteam.answer"))}\n\n{Html.Escape(t.Words)}", residentTurn.MenuOnly()) with { To = question.ResidentId },
            _ => null, // only a text or a voice message answers
        };
        if (toResident is null) return Outcome.Nothing;
        return new([toResident, StaffSay("staff.sent")])
        {
            Effects = [new MarkAnswered(id)],
        };
    }

    /// <summary>A tap on a question in a digest: its card, to reply to. Staff only.</summary>
    public Outcome? Open(Turn turn, AnswerButton ack, long id)
    {
        if (!staff.IsStaff(turn.In.UserId)) return null;
        if (db.Read(d => TeamStore.Find(d, id)) is not { AnsweredAt: null } q) return new([ack with { Notice = content.T(staffLanguage, "staff.notfound") }]);
        return new([ack, CardOf(q)]);
    }

    /// <summary>One line for a digest (plain text): the tag, language and date of an open question, never its words;
    /// null when it is answered or gone.</summary>
    public string? Headline(long id) => db.Read(d => TeamStore.Find(d, id)) is { AnsweredAt: null } q
        ? $"#Q{q.Id} · {LanguageName(q.Language)} · {BerlinTime.DayAndTime(BerlinTime.ToLocal(q.AskedAt))}"
        : null;

    /// <summary>/unanswered and /feedback, for staff only; null when the command is not a staff command.</summary>
    public Outcome? StaffCommand(Turn turn, Incoming.Command command)
    {
        if (!staff.IsStaff(turn.In.UserId)) return null;
        return command.Name switch
        {
            "unanswered" => Unanswered(),
            "feedback" => Feedback(),
            _ => null,
        };
    }

    private Outcome Unanswered()
    {
        var open = db.Read(TeamStore.Unanswered);
        if (open.Count == 0) return new([StaffSay("staff.none")]);
        var items = open.Take(MaxListed).Select(q => q.VoiceFileId is null
            ? new SendText($"{Tag(q.Id)} · {Html.Escape(q.Language)} · {BerlinTime.Day(BerlinTime.ToLocal(q.AskedAt))}\n{Html.Escape(Shorten(q.Text, 300))}", LearnKeys(q.Id), About: new About(AboutKind.Question, q.Id))
            : (Reply)CardOf(q));
        var head = Html.Escape(content.T(staffLanguage, "staff.unanswered", ("count", open.Count)));
        // One message per question, each remembered with its question, so that a staff member can reply to each.
        return new([new SendText(head), .. items]);
    }

    private Outcome Feedback()
    {
        var counts = db.Read(TeamStore.AllFeedback);
        if (counts.Count == 0) return new([StaffSay("staff.nofeedback")]);
        var lines = counts.OrderByDescending(c => c.NotHelpful).ThenBy(c => c.Id)
            .Select(c => $"{Html.Escape(content.Entry(c.Id)?.Text(staffLanguage).Title ?? c.Id)}: 👍 {c.Helpful} · 👎 {c.NotHelpful}");
        return new([new SendText(Html.Escape(content.T(staffLanguage, "staff.feedback")) + "\n" + string.Join("\n", lines))]);
    }

    private SendText StaffSay(string key) => new(Html.Escape(content.T(staffLanguage, key)));

    private static string Tag(long id) => $"#Q{id}";

    private Reply CardOf(TeamQuestion q)
    {
        var language = Languages.Find(q.Language) ?? staffLanguage;
        return q.VoiceFileId is { } voice ? VoiceCard(q.Id, language, q.AskedAt, voice, q.VoiceSeconds) : Card(q.Id, language, q.AskedAt, q.Text);
    }

    // The question as staff see it: language, date and the resident's words (escaped); the tag is only a label.
    private SendText Card(long id, Language language, DateTime askedAt, string text) =>
        new($"{Header(language, askedAt)}\n\n{Html.Escape(text)}\n\n{Tag(id)}", LearnKeys(id), About: new About(AboutKind.Question, id));

    // A voice question: the voice itself, captioned with language, date, length and the tag.
    private SendVoice VoiceCard(long id, Language language, DateTime askedAt, string fileId, int seconds) =>
        new(fileId, $"{Header(language, askedAt)}\n\n{Html.Escape(content.T(staffLanguage, "staff.voicequestion", ("seconds", seconds)))}\n\n{Tag(id)}",
            About: new About(AboutKind.Question, id));

    private string Header(Language language, DateTime askedAt) =>
        Html.Escape(content.T(staffLanguage, "staff.question", ("language", content.T(language, "language.name")), ("date", BerlinTime.DayAndTime(BerlinTime.ToLocal(askedAt)))));

    // "📚 This is about…": a typed question becomes an example of an entry (issue 16); a voice question has no words to keep.
    private Keyboard LearnKeys(long id) => new([[Learning.LearningDesk.Button(staffLanguage, content, id)]]);

    private string LanguageName(string code) => Languages.Find(code) is { } l ? content.T(l, "language.name") : code;

    private static string Shorten(string s, int max) => TextCut.Shorten(s, max);
}
