using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Topics;

namespace BennBot.Worker.Privacy;

/// <summary>Residents see what is stored about them and can delete it.</summary>
public static class PrivacyHandler
{
    public static Outcome Info(Turn turn, RetentionPeriods periods) => new([turn.Text(turn.T("privacy.info", ("inactive", periods.InactiveDays), ("topiclink", periods.TopicLinkDays), ("backups", periods.BackupDays))
        + "\n\n" + turn.T("privacy.ratings") + "\n\n" + turn.T("privacy.voice") + "\n\n" + turn.T("privacy.learned"), new Keyboard([
        [turn.ButtonFor("privacy.show", new ButtonAction.PrivacyShow())],
        [turn.ButtonFor("privacy.file", new ButtonAction.MyData())],
        [turn.ButtonFor("privacy.delete", new ButtonAction.PrivacyDelete())],
        [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
    ]))]);

    /// <summary>Everything /privacy says is stored, as it is stored for this resident: the profile with both days,
    /// the notices and reminders, their topics (unfinished too), "me too" taps, ratings and open questions.</summary>
    public static Outcome Show(Turn turn, StoredData data)
    {
        if (turn.Resident is not { } r) return new([turn.Say("privacy.none", turn.MenuOnly())]);
        var language = Languages.Find(r.Language) ?? turn.Language;
        var text = turn.T("privacy.data",
            ("id", r.Id),
            ("language", turn.Content.T(language, "language.name")),
            ("date", BerlinTime.Day(r.FirstSeen)));
        text += "\n" + turn.T("privacy.lastseen", ("date", BerlinTime.Day(r.LastSeen)));
        text += "\n" + turn.T("privacy.events", ("subscription", Subscription(turn, r)), ("reminders", data.Reminders));
        text += "\n" + turn.T("privacy.topicdata", ("draft", YesNo(turn, data.Draft)), ("supports", data.Supports), ("ratings", data.Ratings));
        text += "\n\n" + turn.T("privacy.topics", ("count", data.Topics.Count));
        foreach (var t in data.Topics.TakeLast(MaxTopicsListed))
            text += "\n" + turn.T("topic.mine.line", ("id", t.MergedInto is { } into ? $"{t.Id} → #{into}" : t.Id.ToString()),
                ("category", TopicsHandler.Name(turn, "cat", t.Category)), ("status", TopicsHandler.Name(turn, "status", t.Status)), ("date", BerlinTime.Day(t.SubmittedAt)));
        if (data.OpenQuestions.Count > 0)
            text += "\n\n" + turn.T("privacy.questions", ("count", data.OpenQuestions.Count)) + "\n"
                + string.Join("\n", data.OpenQuestions.Select(q => "• " + Html.Escape(TextCut.Shorten(q, 200))));
        return new([turn.Text(text, new Keyboard([
            [turn.ButtonFor("privacy.file", new ButtonAction.MyData())],
            [turn.ButtonFor("privacy.delete", new ButtonAction.PrivacyDelete())],
            [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
        ]))]);
    }

    // The newest ones; the count above says how many there are, and /mydata has them all.
    private const int MaxTopicsListed = 15;

    private static string YesNo(Turn turn, bool yes) => turn.Content.T(turn.Language, yes ? "privacy.yes" : "privacy.no");

    private static string Subscription(Turn turn, Residents.Resident r)
    {
        if (!r.Subscribed) return YesNo(turn, false);
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

    /// <summary>/mydata: the resident's stored data as a JSON file, with the way on: delete it, or the menu (the file
    /// alone was a dead end in a fresh-eyes test).</summary>
    public static Outcome MyData(Turn turn, byte[]? json) => json is null
        ? new([turn.Say("privacy.none", turn.MenuOnly())])
        : new([new SendFile($"bennbot-my-data-{turn.In.UserId}.json", json, turn.T("privacy.filecaption"), new Keyboard([
            [turn.ButtonFor("privacy.delete", new ButtonAction.PrivacyDelete())],
            [turn.ButtonFor("button.menu", new ButtonAction.Menu())],
        ]))]);
}
