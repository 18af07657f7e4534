using BennBot.Worker.Learning;

namespace BennBot.Worker.Conversations;

/// <summary>The one staff check in front of the team's buttons (issue 14), as <see cref="Conversation.StaffCommand"/> is
/// for their commands: a resident's forged or forwarded staff button is answered here and reaches no desk. Each desk
/// still checks the staff list itself, as a second line.</summary>
public sealed partial class Conversation
{
    /// <summary>Null for staff, and for buttons that are not the team's. The answers are the ones each desk gave before
    /// this check existed: the event desk, broadcast control, topic review and question buttons say the button has
    /// expired; the team menu, posters, learning and the voice desk say kindly that this is the team's.</summary>
    private static Outcome? NotForResidents(Turn turn, ButtonAction? action) => turn.Staff ? null : action switch
    {
        ButtonAction.Desk or ButtonAction.Control or ButtonAction.Review or ButtonAction.OpenQuestion => new([turn.Say("button.expired", turn.MainMenu())]),
        ButtonAction.StaffMenu or ButtonAction.PosterStep or ButtonAction.VoiceDesk or LearnButton => new([turn.Say("staff.only", turn.MainMenu())]),
        _ => null,
    };
}
