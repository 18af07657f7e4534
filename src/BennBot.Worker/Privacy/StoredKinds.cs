using BennBot.Worker.Broadcasts;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Learning;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;
using BennBot.Worker.Telegram;
using BennBot.Worker.Topics;
using BennBot.Worker.Voice;
using LiteDB;

namespace BennBot.Worker.Privacy;

/// <summary>One type BennBot stores, and what /mydata, /delete and retention do with it.</summary>
/// <param name="Delete">What /delete does with a resident's rows (or why there are none), and where.</param>
/// <param name="Retention">How long rows are kept without /delete, and where that is done.</param>
public sealed record StoredKind(Type Type, string Delete, string Retention)
{
    /// <summary>The /mydata fields that show a resident's rows, each with how it is read.</summary>
    public IReadOnlyList<(string Field, Func<LiteDatabase, long, object?> Read)> Shown { get; init; } = [];

    /// <summary>Why /mydata has nothing of it to show; null when <see cref="Shown"/> says what it shows.</summary>
    public string? NoResidentData { get; init; }

    /// <summary>How its rows about one resident are erased, by /delete and by retention (<see cref="ForgetResident"/>
    /// runs every entry's, inside one transaction); null when it holds nothing about residents.</summary>
    public Action<LiteDatabase, ForgetResident>? Erase { get; init; }
}

/// <summary>Every stored type (issue 14). A new one is not finished until it has an entry here, saying what it holds
/// about residents and how /mydata, /delete and retention cover it; StoredKindsTests fails until it has. /mydata is
/// built from <see cref="StoredKind.Shown"/>, in this order.</summary>
public static class StoredKinds
{
    public static readonly IReadOnlyList<StoredKind> All =
    [
        new(typeof(Resident), "deleted (ResidentStore.Forget; ResidentStore.Apply for Outcome.DeleteResident)", "erased with everything linked after BennBot__Privacy__InactiveDays without a message (Retention.Inactive, Retention.Erase)")
        {
            Shown = [("profile", MyDataExport.Profile), ("subscription", MyDataExport.Subscription)],
            Erase = ResidentStore.Forget,
        },
        new(typeof(Reminder), "deleted (EventEffectStore.ForgetReminders)", "deleted when it is sent (Broadcaster.QueueReminders), or with the resident")
        {
            Shown = [("reminders", MyDataExport.Reminders)],
            Erase = EventEffectStore.ForgetReminders,
        },
        new(typeof(Delivery), "deleted (EventEffectStore.ForgetDeliveries)", "deleted 7 days after the event's end (BroadcastStore.ForgetRecipients, Housekeeping.KeepRecipients)")
        {
            Shown = [("announcementsReceived", MyDataExport.Deliveries)],
            Erase = EventEffectStore.ForgetDeliveries,
        },
        new(typeof(Topic), "the link to the resident is erased and the topic stays anonymous, or it is deleted when they choose that (TopicEffectStore.ForgetTopics)",
            "the link to the submitter and followers is erased BennBot__Privacy__TopicLinkDays after it is closed (Retention.Run)")
        {
            Shown = [("topics", MyDataExport.Topics), ("topicsFollowed", (db, id) => TopicStore.FollowedBy(db, id))],
            Erase = TopicEffectStore.ForgetTopics,
        },
        new(typeof(DialogueRecord), "deleted (DialogueStore.Forget)",
            "a topic draft is dropped after TopicStore.DraftKept, the resident is told (Retention.Run); a wait for a question once it ended and a staff member's event desk after EventDesk.SessionIdle (DialogueStore.DropExpired, Housekeeping)")
        {
            Shown = [("topicDraft", MyDataExport.Draft), ("waitingForAQuestionToTheTeamUntil", MyDataExport.Waiting)],
            Erase = DialogueStore.Forget,
        },
        new(typeof(Support), "deleted, the topic's count stays (TopicEffectStore.ForgetSupports)", "deleted when the topic's link is erased (Retention.Run)")
        {
            Shown = [("supports", (db, id) => TopicStore.SupportedBy(db, id))],
            Erase = TopicEffectStore.ForgetSupports,
        },
        new(typeof(FeedbackVote), "deleted, the answer's counts stay (TeamStore.ForgetVotes)", "deleted with the resident")
        {
            Shown = [("answersRated", MyDataExport.Votes)],
            Erase = TeamStore.ForgetVotes,
        },
        new(typeof(TeamQuestion), "an open question is deleted (TeamStore.ForgetQuestions); an answered one no longer names the resident", "deleted with the resident")
        {
            Shown = [("openQuestionsToTheTeam", MyDataExport.OpenQuestions)],
            Erase = TeamStore.ForgetQuestions,
        },
        new(typeof(VoiceOffer), "deleted (VoiceStore.ForgetOffer)", "deleted with the resident")
        {
            Shown = [("voiceMessageWaitingToBeSent", MyDataExport.VoiceOffer)],
            Erase = VoiceStore.ForgetOffer,
        },
        NotAboutResidents<InboxUpdate>("a received update is kept only until it is handled (seconds), then only its id", "ids are purged after Housekeeping.KeepUpdateIds (Inbox.Purge)"),
        NotAboutResidents<OutboxMessage>("a reply waits here only until Telegram confirmed it (seconds)", "removed once sent (Outbox.Remove)"),
        NotAboutResidents<SentCard>("a card's message id in the staff chat and the item's number, no resident", "dropped after SentCards' keeping time"),
        NotAboutResidents<FeedbackCount>("👍/👎 counts per answer, without who gave them", "kept"),
        NotAboutResidents<Event>("events staff made", "kept"),
        NotAboutResidents<Broadcast>("an announcement's status and counts; its recipients are Deliveries", "kept"),
        NotAboutResidents<Recording>("answers staff recorded", "kept until staff remove them"),
        NotAboutResidents<RecordingSession>("which answer a staff member's next voice message records", "deleted when the recording is saved or cancelled, ignored after its time (VoiceStore)"),
        NotAboutResidents<LearnedExample>("a question scrubbed of names and numbers, without who asked it (ExampleScrubber)", "kept until staff remove it"),
        NotAboutResidents<LearnDraft>("staff's preview of an example, scrubbed, by question number", "deleted when confirmed or cancelled, ignored after LearningDesk.DraftKept"),
        NotAboutResidents<StartCount>("counts of starts per way in, without ids or times", "kept"),
        NotAboutResidents<StartCountMark>("the day of the last report", "kept"),
        NotAboutResidents<Sequences.Counter>("the last number given to topics", "kept"),
    ];

    private static StoredKind NotAboutResidents<T>(string holds, string retention) =>
        new(typeof(T), "nothing to delete: no resident data", retention) { NoResidentData = holds };
}
