using System.Text.RegularExpressions;
using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Team;

/// <summary>"Ask the team": a resident's question goes to the staff chat without name, username or Telegram id;
/// a staff member answers by replying to it; the answer reaches the resident. Staff are checked on every action.</summary>
public sealed partial class TeamHandler(StaffSettings staff, Language staffLanguage, ContentSet content, Database? db)
{
    public static readonly TimeSpan WaitForQuestion = TimeSpan.FromMinutes(15);
    public const int MaxOpenQuestions = 3; // per resident, so that nobody can flood the staff chat
    private const int MaxListed = 20;

    public bool Reachable => staff.ChatId is not null;

    /// <summary>A resident's own open questions, for "show my data".</summary>
    public IReadOnlyList<string> OpenQuestionsOf(long residentId) =>
        db?.Read(d => TeamStore.OpenQuestionsOf(d, residentId)).Select(q => q.Text).ToList() ?? [];

    public Outcome Prompt(Turn turn, DateTime now)
    {
        if (staff.ChatId is null) return new([turn.Say("askteam.unavailable", turn.MainMenu())]);
        if (OpenQuestionsOf(turn.In.UserId).Count >= MaxOpenQuestions) return new([turn.Say("askteam.limit", turn.MainMenu())]);
        var resident = turn.ResidentOrNew(now) with { AwaitingQuestionUntil = now + WaitForQuestion };
        return new([turn.Say("askteam.prompt")], Save: resident);
    }

    public bool IsAwaiting(Turn turn, DateTime now) => staff.ChatId is not null && turn.Resident?.AwaitingQuestionUntil > now;

    public Outcome Forward(Turn turn, DateTime now)
    {
        var id = turn.In.UpdateId;
        var header = Html.Escape(content.T(staffLanguage, "staff.question",
            ("language", content.T(turn.Language, "language.name")), ("date", now.ToString("yyyy-MM-dd HH:mm"))));
        var toStaff = new SendText($"{header}\n\n{Html.Escape(turn.In.Text!)}\n\n{Tag(id)}", To: staff.ChatId);
        return new([turn.Say("askteam.sent", turn.MainMenu()), toStaff], Save: turn.Resident! with { AwaitingQuestionUntil = null })
        {
            Effects = [new AskTeam(id, turn.In.UserId, turn.Language.Code, turn.In.Text!)],
        };
    }

    /// <summary>Everything written in the staff chat. Only allow-listed staff are heard; others get silence.</summary>
    public Outcome InStaffChat(Turn turn)
    {
        if (!staff.IsStaff(turn.In.UserId)) return Outcome.Nothing;
        if (turn.In.Kind == IncomingKind.Command) return StaffCommand(turn) ?? Outcome.Nothing;
        if (turn.In.ReplyToText is null || SingleTag(turn.In.ReplyToText) is not { } id) return Outcome.Nothing;
        var question = db?.Read(d => TeamStore.Find(d, id));
        if (question is not { AnsweredAt: null, ResidentId: > 0 }) return new([StaffSay("staff.notfound")]);
        var language = Languages.Find(question.Language) ?? staffLanguage;
        var toResident = $"{Html.Bold(content.T(language, "askteam.answer"))}\n\n{Html.Escape(turn.In.Text!)}";
        var residentTurn = turn with { Language = language };
        return new([residentTurn.Text(toResident, residentTurn.MenuOnly()) with { To = question.ResidentId }, StaffSay("staff.sent")])
        {
            Effects = [new MarkAnswered(id)],
        };
    }

    /// <summary>/unanswered and /feedback, for staff only; null when the command is not a staff command.</summary>
    public Outcome? StaffCommand(Turn turn)
    {
        if (!staff.IsStaff(turn.In.UserId) || db is null) return null;
        return turn.In.Command switch
        {
            "unanswered" => Unanswered(),
            "feedback" => Feedback(),
            _ => null,
        };
    }

    private Outcome Unanswered()
    {
        var open = db!.Read(TeamStore.Unanswered);
        if (open.Count == 0) return new([StaffSay("staff.none")]);
        var lines = open.Take(MaxListed).Select(q =>
            $"{Tag(q.Id)} · {Html.Escape(q.Language)} · {q.AskedAt:yyyy-MM-dd}\n{Html.Escape(Shorten(q.Text, 300))}");
        var head = Html.Escape(content.T(staffLanguage, "staff.unanswered", ("count", open.Count)));
        // One message per question, so that a staff member can reply to each.
        return new([new SendText(head), .. lines.Select(l => new SendText(l))]);
    }

    private Outcome Feedback()
    {
        var counts = db!.Read(TeamStore.AllFeedback);
        if (counts.Count == 0) return new([StaffSay("staff.nofeedback")]);
        var lines = counts.OrderByDescending(c => c.NotHelpful).ThenBy(c => c.Id)
            .Select(c => $"{Html.Escape(content.Entry(c.Id)?.Text(staffLanguage).Title ?? c.Id)}: 👍 {c.Helpful} · 👎 {c.NotHelpful}");
        return new([new SendText(Html.Escape(content.T(staffLanguage, "staff.feedback")) + "\n" + string.Join("\n", lines))]);
    }

    private SendText StaffSay(string key) => new(Html.Escape(content.T(staffLanguage, key)));

    private static string Tag(long id) => $"#Q{id}";

    private static long? SingleTag(string text) => BotTag(text) is { } tag && long.TryParse(tag[2..], out var id) ? id : null;

    // Only where the bot put the tag: the whole last line (a question card) or the start of the first line (/unanswered).
    // A resident's own text in the middle can never redirect a staff answer.
    private static string? BotTag(string text)
    {
        var lines = text.Split('\n');
        var first = QuestionTag().Match(lines[0]);
        if (first.Success && first.Index == 0) return first.Value;
        return QuestionTag().Match(lines[^1]) is { Success: true } last && last.Value == lines[^1] ? last.Value : null;
    }

    private static string Shorten(string s, int max) => TextCut.Shorten(s, max);

    [GeneratedRegex(@"#Q(\d{1,19})\b")]
    private static partial Regex QuestionTag();
}
