using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Voice;

/// <summary>What residents hear (issue 15, item 1): under an answer that has a current recording in their language, a
/// "🔊 Listen" button; a tap sends the recording by its file id. No recording, or an outdated one: no button.</summary>
public sealed class Listening(Database db)
{
    /// <summary>The "🔊 Listen" button for this answer in the resident's language, or null when there is no current
    /// recording. The FAQ feature puts it above 👍/👎 wherever it shows an answer.</summary>
    public Button? ButtonFor(Turn turn, Entry entry)
    {
        var recording = db.Read(d => VoiceStore.Find(d, entry.Id, turn.Language.Code));
        return RecordingDesk.StateOf(recording, entry, turn.Language) == RecordingState.Recorded
            ? turn.ButtonFor("voice.listen", new ButtonAction.Listen(entry.Id)) : null;
    }

    public Outcome Listen(Turn turn, string entryId)
    {
        var entry = turn.Content.Entry(entryId)!;
        var recording = db.Read(d => VoiceStore.Find(d, entryId, turn.Language.Code));
        if (RecordingDesk.StateOf(recording, entry, turn.Language) != RecordingState.Recorded) return new([turn.Say("voice.listen.gone", turn.MenuOnly())]);
        return new([new SendVoice(recording!.FileId, turn.Text(Html.Bold(entry.Text(turn.Language).Title)).Html)]);
    }
}
