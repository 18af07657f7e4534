using BennBot.Worker.Events;
using BennBot.Worker.Storage;
using BennBot.Worker.Topics;

namespace BennBot.Worker.Conversations;

/// <summary>Reads what is stored about a chat's dialogue, once per update: the staff member's event desk and the
/// resident's topic draft (the wait for a question to the team is on the resident record, which the caller has).
/// <see cref="Dialogue.Of"/> decides from these which dialogue is open.</summary>
public static class DialogueStore
{
    /// <param name="staff">Only staff have an event desk: residents' updates do not look for one.</param>
    public static (DeskSession? Desk, TopicDraft? Draft) Read(Database db, long userId, bool staff) =>
        db.Read(d => (staff ? DeskStore.Find(d, userId) : null, TopicStore.Draft(d, userId)));
}
