using BennBot.Content;
using BennBot.Worker.Conversations;
using BennBot.Worker.Storage;

namespace BennBot.Worker.Voice;

/// <summary>What residents hear (issue 15, item 1): under an answer that has a current recording in their language, a
/// "🔊 Listen" button; a tap sends the recording by its file id. No recording, or an outdated one: no button.</summary>
public sealed class Listening(Database? db)
{
    /// <summary>Adds the Listen row above the 👍/👎 row of each answer in the outcome. The answer's entry is read back
    /// from that row's own button, because the answer itself is built by the FAQ feature, which this one leaves alone.</summary>
    public Outcome WithListen(Turn turn, Outcome outcome)
    {
        if (db is null) return outcome;
        var replies = outcome.Replies.Select(reply => reply is SendText { Keyboard: { } keys } text && ListenRow(turn, keys) is { } rows
            ? text with { Keyboard = new Keyboard(rows) } : reply).ToList();
        return outcome with { Replies = replies };
    }

    public Outcome Listen(Turn turn, string entryId)
    {
        var entry = turn.Content.Entry(entryId)!;
        var recording = db?.Read(d => VoiceStore.Find(d, entryId, turn.Language.Code));
        if (RecordingDesk.StateOf(recording, entry, turn.Language) != RecordingState.Recorded) return new([turn.Say("voice.listen.gone", turn.MenuOnly())]);
        return new([new SendVoice(recording!.FileId, turn.Text(Html.Bold(entry.Text(turn.Language).Title)).Html)]);
    }

    private List<IReadOnlyList<Button>>? ListenRow(Turn turn, Keyboard keys)
    {
        var at = keys.Rows.ToList().FindIndex(row => row.Any(b => ButtonAction.Decode(b.Data, turn.Content) is ButtonAction.Feedback));
        if (at < 0 || ButtonAction.Decode(keys.Rows[at][0].Data, turn.Content) is not ButtonAction.Feedback { EntryId: var entryId }) return null;
        var entry = turn.Content.Entry(entryId)!;
        var recording = db!.Read(d => VoiceStore.Find(d, entryId, turn.Language.Code));
        if (RecordingDesk.StateOf(recording, entry, turn.Language) != RecordingState.Recorded) return null;
        var rows = keys.Rows.ToList();
        rows.Insert(at, [turn.ButtonFor("voice.listen", new ButtonAction.Listen(entryId))]);
        return rows;
    }
}
