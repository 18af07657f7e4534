using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Events;
using BennBot.Worker.Residents;
using BennBot.Worker.Storage;
using BennBot.Worker.Team;

namespace BennBot.Worker.Topics;

/// <summary>The review team's side of topics, in the staff chat (and for allow-listed staff in their own chat):
/// every new topic arrives there without personal data; buttons set status, category, field of action, hide it;
/// replying to a topic writes the team's response to the resident; /topics, /topic N, /merge, /publish, /stats,
/// /export. Every action checks the staff list; residents hear of status changes and responses in their language.</summary>
public sealed partial class TopicDesk(StaffSettings staff, Language staffLanguage, ContentSet content, Database db, TimeProvider time)
{
    public const int PageSize = 10;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A new topic for the staff chat: category, area, language, date and the text (escaped) or the voice
    /// message itself — never a name, username or Telegram id.</summary>
    public Reply Announce(Topic t, long chatId) => t.VoiceFileId is { } voice
        ? new SendVoice(voice, Card(t), Keys(t), To: chatId, About: new About(AboutKind.Topic, t.Id))
        : new SendText(Card(t), Keys(t), To: chatId, About: new About(AboutKind.Topic, t.Id));

    /// <summary>One line for a digest (plain text): the card's head (number, category, area, language, date), never the
    /// resident's words; null when the topic is gone.</summary>
    public string? Headline(long id) => Find(id) is { } t ? Head(t).Split('\n')[0] : null;

    public Outcome? Command(Turn turn, Incoming.Command command)
    {
        if (!staff.IsStaff(turn.In.UserId)) return null;
        var args = command.Arguments;
        return command.Name switch
        {
            "topics" => List(args),
            "topic" => long.TryParse(args.TrimStart('#', 'T', 't'), out var id) && Find(id) is { } t ? new([Announce(t, turn.In.ChatId)]) : Say("staff.topic.notfound", ("id", args)),
            "merge" => Merge(args),
            "publish" => Publish(args),
            "stats" => Stats(),
            "export" => Export(args),
            _ => null,
        };
    }

    public Outcome? Button(Turn turn, AnswerButton ack, ButtonAction.Review r)
    {
        if (!staff.IsStaff(turn.In.UserId)) return null;
        if (Find(r.TopicId) is not { } t) return new([ack with { Notice = T("staff.topic.notfound", ("id", r.TopicId)) }]);
        return (r.Op, r.Value) switch
        {
            (ReviewOp.Status, { } v) when Enum.IsDefined((TopicStatus)v) && TopicWorkflow.CanMove(t.Status, (TopicStatus)v) =>
                Changed(ack, t, x => x with { Status = (TopicStatus)v }, notify: true),
            (ReviewOp.Status, _) => new([ack with { Notice = T("staff.topic.updated", ("id", t.Id)) + " " + Summary(t) }]),
            (ReviewOp.Category, null) => Choices<TopicCategory>(t, ReviewOp.Category, "cat"),
            (ReviewOp.Category, { } v) when Enum.IsDefined((TopicCategory)v) => Changed(ack, t, x => x with { Category = (TopicCategory)v }),
            (ReviewOp.Field, null) => Choices<FieldOfAction>(t, ReviewOp.Field, "field"),
            (ReviewOp.Field, { } v) when Enum.IsDefined((FieldOfAction)v) => Changed(ack, t, x => x with { Field = (FieldOfAction)v }),
            (ReviewOp.Hide, null) => Changed(ack, t, x => x with { Hidden = true }),
            (ReviewOp.Show, null) => Changed(ack, t, x => x with { Hidden = false }),
            // A tap on a topic in a list or digest: its card, to reply to.
            (ReviewOp.Open, null) => new([ack, Announce(t, turn.In.ChatId)]),
            // Contact goes through the bot: a reply to the topic card reaches the resident; the id is never shown.
            (ReviewOp.Contact, null) => new([ack with { Notice = T(t.Contactable && t.SubmitterId != 0 ? "staff.topic.contact" : "staff.topic.unlinked") }]),
            _ => new([ack with { Notice = T("desk.stale") }]),
        };
    }

    /// <summary>A staff member replied to the bot's card of topic <paramref name="id"/> in the staff chat (the bot's own
    /// record of which message that was decides, never text inside it): that is the team's response. It is kept with the
    /// topic and goes to the resident (and whoever follows it), shown as written and marked with its language.</summary>
    public Outcome? Respond(Turn turn, string words, long id)
    {
        if (!staff.IsStaff(turn.In.UserId)) return null;
        if (Find(id) is not { } t) return Say("staff.topic.notfound", ("id", id));
        var response = words.Trim();
        var notices = Notices(t, (l, _) => $"{Html.Bold(content.T(l, "topic.notice.response", ("id", t.Id), ("language", content.T(staffLanguage, "language.name"))))}\n\n{Html.Escape(response)}");
        return new([.. notices, new SendText(Html.Escape(T(notices.Count > 0 ? "staff.topic.sent" : "staff.topic.kept")))])
        {
            Effects = [new RespondToTopic(t.Id, response, staffLanguage.Code)],
        };
    }

    private Outcome Changed(AnswerButton ack, Topic t, Func<Topic, Topic> change, bool notify = false)
    {
        var changed = change(t);
        var notices = notify
            ? Notices(changed, (l, _) => Html.Escape(content.T(l, "topic.notice.status", ("id", t.Id), ("category", content.T(l, TopicsHandler.Key("cat", changed.Category))),
                ("status", content.T(l, TopicsHandler.Key("status", changed.Status))))))
            : [];
        return new([ack with { Notice = T("staff.topic.updated", ("id", t.Id)) + " " + Summary(changed) }, .. notices]) { Effects = [new ChangeTopic(t.Id, change)] };
    }

    /// <summary>One message to each resident who follows the topic (its submitter, and those of merged duplicates), in their language.</summary>
    private List<Reply> Notices(Topic t, Func<Language, Resident, string> text)
    {
        var ids = t.Followers.Prepend(t.SubmitterId).Where(id => id > 0).Distinct();
        var residents = db.Read(d => ids.Select(id => ResidentStore.Find(d, id)).OfType<Resident>().Where(r => !r.BlockedBot).ToList());
        return residents.Select(r =>
        {
            var l = Languages.Find(r.Language) ?? staffLanguage;
            return (Reply)new SendText(Bidi.Direct(l, text(l, r)), To: r.Id);
        }).ToList();
    }

    private Outcome Choices<TEnum>(Topic t, ReviewOp op, string prefix) where TEnum : struct, Enum
    {
        var rows = Keyboard.Grid(Enum.GetValues<TEnum>().Select(v => new Button(T(TopicsHandler.Key(prefix, v)), new ButtonAction.Review(op, t.Id, Convert.ToInt32(v)).Encode())));
        return new([new SendText(Html.Escape(T(op == ReviewOp.Category ? "staff.topic.choosecategory" : "staff.topic.choosefield", ("id", t.Id))), new Keyboard(rows))]);
    }

    private Topic? Find(long id) => db.Read(d => TopicStore.Find(d, id));

    private string T(string key, params (string, object)[] args) => content.T(staffLanguage, key, args);

    private Outcome Say(string key, params (string, object)[] args) => new([new SendText(Html.Escape(T(key, args)))]);
}
