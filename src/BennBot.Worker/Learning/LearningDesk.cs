using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;

namespace BennBot.Worker.Learning;

/// <summary>Staff turn a resident's question into an example (issue 16): "📚 This is about…" under its card → a category
/// → an entry (or "not our topic", "a legal question") → a preview of the scrubbed text, which a reply corrects → ✅ or ✖.
/// Every press and reply is checked against the staff list, and every step against what is stored: a forged or
/// replayed button finds no question or no draft, and changes nothing.</summary>
public sealed partial class LearningDesk(StaffSettings staff, Language staffLanguage, ContentSet content, Database db, QuestionIndex index, TimeProvider time)
{
    public static readonly TimeSpan DraftKept = TimeSpan.FromDays(2);
    public const int MaxLength = QuestionIndex.MaxQuestionLength;

    public static Button Button(Language language, ContentSet content, long questionId) =>
        new(content.T(language, "learn.button"), new LearnButton.About(questionId).Encode());

    public Outcome Start(Turn turn, long questionId)
    {
        if (Refused(turn) is { } refused) return refused;
        if (Question(questionId) is null) return Say("staff.notfound");
        var buttons = content.Categories.Select(c => new Button(content.CategoryTitle(c, staffLanguage), new LearnButton.ChooseCategory(questionId, c).Encode()));
        return new([new SendText(Html.Escape(T("learn.choose", ("tag", "#Q" + questionId))), new Keyboard([.. Keyboard.Grid(buttons, 2), .. Declines(questionId)]))]);
    }

    public Outcome Category(Turn turn, long questionId, string category)
    {
        if (Refused(turn) is { } refused) return refused;
        if (Question(questionId) is null) return Say("staff.notfound");
        var buttons = content.InCategory(category).Select(e => new Button(e.Text(staffLanguage).Title, new LearnButton.Teach(questionId, e.Id).Encode()));
        return new([new SendText(Html.Escape(T("learn.entries", ("tag", "#Q" + questionId))), new Keyboard([.. Keyboard.Grid(buttons, 1), .. Declines(questionId)]))]);
    }

    /// <summary>An entry was chosen: the question, scrubbed, is shown to staff as the example it would become.</summary>
    public Outcome Target(Turn turn, long questionId, string target)
    {
        if (Refused(turn) is { } refused) return refused;
        if (Question(questionId) is not { } q) return Say("staff.notfound");
        var draft = new LearnDraft { Id = questionId, Target = target, Language = q.Language, Text = ExampleScrubber.Scrub(q.Text), CreatedAt = Now };
        return Preview(draft, null);
    }

    /// <summary>A staff reply to the preview: their wording (scrubbed again) replaces the draft's.</summary>
    public Outcome Edit(Turn turn, string wording, long questionId)
    {
        if (!staff.IsStaff(turn.In.UserId)) return Outcome.Nothing;
        if (Draft(questionId) is not { } draft) return Say("learn.gone");
        return Preview(draft with { Text = ExampleScrubber.Scrub(wording) }, null);
    }

    public Outcome Confirm(Turn turn, long questionId)
    {
        if (Refused(turn) is { } refused) return refused;
        if (Draft(questionId) is not { } draft) return Say("learn.gone");
        if (Problem(draft) is { } problem) return Say(problem);
        return new([new SendText(Html.Escape(T("learn.saved", ("target", TargetName(draft.Target)))))])
        {
            Effects = [new LearnExample(questionId, draft.Target, draft.Language, draft.Text)],
        };
    }

    public Outcome Cancel(Turn turn, long questionId)
    {
        if (Refused(turn) is { } refused) return refused;
        if (Draft(questionId) is null) return Say("learn.gone");
        return new([Text("learn.cancelled")]) { Effects = [new DropLearnDraft(questionId)] };
    }

    // The preview is always sent, so that a reply can correct it; with a problem, the problem comes first and ✅ is left out.
    private Outcome Preview(LearnDraft draft, string? problem)
    {
        problem ??= Problem(draft);
        var language = Languages.Find(draft.Language) ?? staffLanguage;
        var html = $"{Html.Escape(T("learn.preview", ("target", TargetName(draft.Target)), ("language", content.T(language, "language.name"))))}\n\n"
            + $"<b>{Html.Escape(draft.Text)}</b>\n\n{Html.Escape(T("learn.names"))}";
        if (problem is not null) html = $"{Html.Escape(T(problem, ("max", MaxLength)))}\n\n{html}";
        var cancel = new Button(T("learn.cancel"), new LearnButton.Cancel(draft.Id).Encode());
        var keys = new Keyboard([problem is null ? [new(T("learn.confirm"), new LearnButton.Confirm(draft.Id).Encode()), cancel] : [cancel]]);
        return new([new SendText(html, keys, About: new About(AboutKind.Example, draft.Id))]) { Effects = [new SaveLearnDraft(draft)] };
    }

    // Refused with a clear word to staff: too long, nothing left once scrubbed, or an example BennBot has already.
    private string? Problem(LearnDraft draft)
    {
        if (draft.Text.Length > MaxLength) return "learn.toolong";
        if (!ExampleScrubber.HasWords(draft.Text)) return "learn.empty";
        if (index.HasExample(Languages.Find(draft.Language) ?? staffLanguage, draft.Text)) return "learn.duplicate";
        return null;
    }

    public string TargetName(string target) => target switch
    {
        QuestionIndex.LegalTarget => T("learn.legal"),
        QuestionIndex.OtherTarget => T("learn.offtopic"),
        _ => content.Entry(target)?.Text(staffLanguage).Title ?? target,
    };

    private IReadOnlyList<Button>[] Declines(long questionId) =>
    [
        [new(T("learn.offtopic"), new LearnButton.Teach(questionId, QuestionIndex.OtherTarget).Encode()),
         new(T("learn.legal"), new LearnButton.Teach(questionId, QuestionIndex.LegalTarget).Encode())],
    ];

    private Outcome? Refused(Turn turn) => staff.IsStaff(turn.In.UserId) ? null : new([turn.StaffOnly()]);

    // A voice question (issue 15) has no words to learn from: to this desk it is not there.
    private TeamQuestion? Question(long id) => db.Read(d => TeamStore.Find(d, id)) is { VoiceFileId: null } q ? q : null;

    private LearnDraft? Draft(long questionId) =>
        db.Read(d => LearningStore.Draft(d, questionId)) is { } draft && draft.CreatedAt > Now - DraftKept ? draft : null;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Outcome Say(string key) => new([Text(key)]);

    private SendText Text(string key) => new(Html.Escape(T(key, ("max", MaxLength))));

    private string T(string key, params (string, object)[] args) => content.T(staffLanguage, key, args);
}
