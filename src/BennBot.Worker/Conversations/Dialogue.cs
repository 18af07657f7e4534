using BennBot.Worker.Events;
using BennBot.Worker.Team;
using BennBot.Worker.Topics;

namespace BennBot.Worker.Conversations;

/// <summary>What a chat is in the middle of (issue 14): at most one dialogue, and it decides where the chat's next text
/// or voice message goes. Each kind has its typed draft and its expiry; <see cref="Of"/> is the one place that says
/// which one it is, and <see cref="Conversation.Handle"/> the one switch that says what it gets. All of a user's
/// dialogues are stored in one <see cref="DialogueRecord"/> (<see cref="DialogueStore"/>), changed only by the effects
/// <see cref="SaveDialogue"/> and <see cref="EndDialogue"/>.</summary>
public abstract record Dialogue
{
    private Dialogue() { }

    /// <summary>Nothing open: a text is a question for the answers.</summary>
    public sealed record None : Dialogue;

    /// <summary>"Ask the BENN team" was tapped: the next text or voice message goes to the team, for
    /// <see cref="TeamHandler.WaitForQuestion"/>.</summary>
    public sealed record AskingTeam(DateTime Until) : Dialogue;

    /// <summary>A topic being shared, which the resident has not left for something else; a text or voice message is the
    /// topic only at its content step. Kept for <see cref="TopicStore.DraftKept"/> since its last step.</summary>
    public sealed record Topic(TopicDraft Draft) : Dialogue;

    /// <summary>Staff: the event desk waits for a field of an event, in the chat where it asked. Kept for
    /// <see cref="EventDesk.SessionIdle"/> since the last step.</summary>
    public sealed record Desk(DeskSession Session) : Dialogue;

    public static readonly Dialogue Nothing = new None();

    /// <summary>The chat's dialogue, from what is stored: the event desk (staff, this chat, a field asked), then a topic
    /// the resident has not left, then a question for the team (only while a staff chat takes questions). Expired or
    /// paused ones are no dialogue: their texts are questions again. At most one of these is open in practice (starting
    /// one leaves the others, see <see cref="Leave"/>); the order only matters for a staff member who opened a topic in
    /// the middle of the event desk.</summary>
    public static Dialogue Of(DialogueRecord? stored, long chatId, bool staff, bool teamReachable, DateTime now) => stored switch
    {
        { Desk: { Step: not DeskStep.Review } s } when staff && s.ChatId == chatId && now - s.UpdatedAt < EventDesk.SessionIdle => new Desk(s),
        { Topic: { Paused: false } d } when now - d.UpdatedAt < TopicStore.DraftKept => new Topic(d),
        { AskingTeamUntil: { } until } when teamReachable && until > now => new AskingTeam(until),
        _ => Nothing,
    };

    /// <summary>The resident went on to a command or a button: a wait for a question ends (even an expired one), unless
    /// the outcome starts a new one; a topic they have not left is paused and kept, and they are told so once with one
    /// tap back to it (issue 13). The desk stays open: staff go back to it with its buttons.</summary>
    public static Outcome Leave(Turn turn, DialogueRecord? stored, DateTime now, Outcome outcome) =>
        KeepTopic(turn, stored?.Topic is { } d && now - d.UpdatedAt < TopicStore.DraftKept ? d : null, StopWaiting(turn, stored, outcome));

    // The wait ends through an effect of its own, added to what the handler returned: the handler's outcome itself
    // (its Save above all) is never rewritten.
    private static Outcome StopWaiting(Turn turn, DialogueRecord? stored, Outcome outcome)
    {
        if (stored?.AskingTeamUntil is null || outcome.DeleteResident) return outcome;
        if (outcome.Effects.Any(e => e is SaveDialogue { Dialogue: AskingTeam } or EndDialogue { Kind: DialogueKind.AskingTeam or DialogueKind.All } or ForgetResident)) return outcome;
        return outcome with { Effects = [.. outcome.Effects, new EndDialogue(turn.In.UserId, DialogueKind.AskingTeam)] };
    }

    private static Outcome KeepTopic(Turn turn, TopicDraft? draft, Outcome outcome) =>
        !outcome.DeleteResident && draft is { Paused: false } d && !outcome.Effects.Any(e => e is SaveDialogue { Dialogue: Topic }
            or EndDialogue { Kind: DialogueKind.Topic or DialogueKind.All } or SubmitTopic or ForgetResident)
            ? outcome with
            {
                Replies = [.. outcome.Replies, turn.Say("topic.kept", new Keyboard([[turn.ButtonFor("topic.continue", new ButtonAction.NewTopic())]]))],
                Effects = [.. outcome.Effects, new SaveDialogue(turn.In.UserId, new Topic(TopicFlow.Next(d, new FlowInput.Leave(), turn.In.UserId).Draft!))],
            }
            : outcome;
}
