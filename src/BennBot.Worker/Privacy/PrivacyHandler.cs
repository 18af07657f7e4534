using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Privacy;

/// <summary>Residents see what is stored about them and can delete it.</summary>
public static class PrivacyHandler
{
    public static Outcome Info(Turn turn) => new([turn.Say("privacy.info", new Keyboard([
        [turn.ButtonFor("privacy.show", new ButtonAction.PrivacyShow())],
        [turn.ButtonFor("privacy.delete", new ButtonAction.PrivacyDelete())],
        [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
    ]))]);

    /// <param name="openQuestions">The resident's questions to the team that are not answered yet.</param>
    public static Outcome Show(Turn turn, IReadOnlyList<string> openQuestions)
    {
        if (turn.Resident is not { } r) return new([turn.Say("privacy.none", turn.MenuOnly())]);
        var language = Languages.Find(r.Language) ?? turn.Language;
        var text = turn.T("privacy.data",
            ("id", r.Id),
            ("language", turn.Content.T(language, "language.name")),
            ("date", r.FirstSeen.ToString("yyyy-MM-dd")));
        if (openQuestions.Count > 0)
            text += "\n\n" + turn.T("privacy.questions", ("count", openQuestions.Count)) + "\n"
                + string.Join("\n", openQuestions.Select(q => "• " + Html.Escape(q.Length <= 200 ? q : q[..200] + "…")));
        return new([turn.Text(text, new Keyboard([
            [turn.ButtonFor("privacy.delete", new ButtonAction.PrivacyDelete())],
            [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
        ]))]);
    }

    public static Outcome ConfirmDelete(Turn turn) => new([turn.Say("privacy.confirm", new Keyboard([
        [turn.ButtonFor("privacy.confirmYes", new ButtonAction.PrivacyDeleteConfirmed())],
        [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
    ]))]);

    public static Outcome Delete(Turn turn) => new([turn.Say("privacy.deleted")], DeleteResident: turn.Resident is not null)
    {
        Effects = [new ForgetResident(turn.In.UserId)],
    };
}
