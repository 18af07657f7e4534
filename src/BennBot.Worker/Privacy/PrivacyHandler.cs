using BennBot.Content;
using BennBot.Worker.Conversations;

namespace BennBot.Worker.Privacy;

/// <summary>Residents see what is stored about them and can delete it.</summary>
public static class PrivacyHandler
{
    public static Outcome Info(Turn turn, RetentionPeriods periods) => new([turn.Text(turn.T("privacy.info", ("inactive", periods.InactiveDays), ("topiclink", periods.TopicLinkDays), ("backups", periods.BackupDays))
        + "\n\n" + turn.T("privacy.ratings"), new Keyboard([
        [turn.ButtonFor("privacy.show", new ButtonAction.PrivacyShow())],
        [turn.ButtonFor("privacy.file", new ButtonAction.MyData())],
        [turn.ButtonFor("privacy.delete", new ButtonAction.PrivacyDelete())],
        [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
    ]))]);

    /// <param name="openQuestions">The resident's questions to the team that are not answered yet.</param>
    /// <param name="reminders">How many event reminders the resident asked for that are not sent yet.</param>
    public static Outcome Show(Turn turn, IReadOnlyList<string> openQuestions, int reminders)
    {
        if (turn.Resident is not { } r) return new([turn.Say("privacy.none", turn.MenuOnly())]);
        var language = Languages.Find(r.Language) ?? turn.Language;
        var text = turn.T("privacy.data",
            ("id", r.Id),
            ("language", turn.Content.T(language, "language.name")),
            ("date", r.FirstSeen.ToString("yyyy-MM-dd")));
        text += "\n" + turn.T("privacy.events", ("subscription", Subscription(turn, r)), ("reminders", reminders));
        if (openQuestions.Count > 0)
            text += "\n\n" + turn.T("privacy.questions", ("count", openQuestions.Count)) + "\n"
                + string.Join("\n", openQuestions.Select(q => "• " + Html.Escape(TextCut.Shorten(q, 200))));
        return new([turn.Text(text, new Keyboard([
            [turn.ButtonFor("privacy.delete", new ButtonAction.PrivacyDelete())],
            [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
        ]))]);
    }

    private static string Subscription(Turn turn, Residents.Resident r)
    {
        if (!r.Subscribed) return turn.Content.T(turn.Language, "privacy.no");
        var choices = r.InterestAreas.Select(a => Events.EventCard.AreaName(turn.Content, turn.Language, a))
            .Concat(r.InterestKinds.Select(k => turn.Content.T(turn.Language, Events.EventCard.KindKey(k))));
        return string.Join(", ", [turn.Content.T(turn.Language, "privacy.yes"), .. choices]);
    }

    public static Outcome ConfirmDelete(Turn turn) => new([turn.Say("privacy.confirm", new Keyboard([
        [turn.ButtonFor("privacy.confirmYes", new ButtonAction.PrivacyDeleteConfirmed())],
        [turn.ButtonFor("privacy.confirmAll", new ButtonAction.PrivacyDeleteAll())],
        [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
    ]))]);

    /// <summary>Erases everything linking data to the resident; their topics stay as anonymous content, or go too.
    /// The erased bytes are then wiped from the database file (<see cref="ErasureService"/>).</summary>
    public static Outcome Delete(Turn turn, RetentionPeriods periods, bool deleteTopics = false) =>
        new([deleteTopics ? turn.Text(turn.T("privacy.deletedAll", ("backups", periods.BackupDays))) : turn.Say("privacy.deleted")], DeleteResident: turn.Resident is not null)
        {
            Effects = [new ForgetResident(turn.In.UserId, deleteTopics)],
            Erases = turn.Resident is not null,
        };

    /// <summary>/mydata: the resident's stored data as a JSON file.</summary>
    public static Outcome MyData(Turn turn, byte[]? json) => json is null
        ? new([turn.Say("privacy.none", turn.MenuOnly())])
        : new([new SendFile($"bennbot-my-data-{turn.In.UserId}.json", json, turn.T("privacy.filecaption"))]);
}
