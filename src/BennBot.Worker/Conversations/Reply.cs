namespace BennBot.Worker.Conversations;

/// <summary>What a feature wants said. The Telegram sender (or the terminal) turns it into I/O.</summary>
public abstract record Reply;

/// <summary>A message in HTML parse mode; every dynamic part is already escaped. <c>To</c>: another chat than
/// the one the update came from (the staff chat, or a resident receiving the team's answer). <c>About</c>: the question
/// or topic the message shows to staff; a staff reply to it answers that item.</summary>
public sealed record SendText(string Html, Keyboard? Keyboard = null, long? To = null, About? About = null) : Reply;

/// <summary>A file (an event's .ics) with a short caption in HTML.</summary>
public sealed record SendFile(string Name, byte[] Content, string CaptionHtml, Keyboard? Keyboard = null) : Reply;

/// <summary>A voice message Telegram already has (sent on by its file id: no origin, no name), with a caption.</summary>
public sealed record SendVoice(string FileId, string CaptionHtml, Keyboard? Keyboard = null, long? To = null, About? About = null) : Reply;

/// <summary>An image (a chart) with a caption.</summary>
public sealed record SendPhoto(byte[] Png, string CaptionHtml, long? To = null) : Reply;

/// <summary>Answers a button press (stops the spinner in the app), optionally with a short notice.</summary>
public sealed record AnswerButton(string QueryId, string? Notice = null) : Reply;

public sealed record Keyboard(IReadOnlyList<IReadOnlyList<Button>> Rows)
{
    public IEnumerable<Button> Buttons => Rows.SelectMany(r => r);

    /// <summary>Buttons laid out <paramref name="perRow"/> to a row.</summary>
    public static List<IReadOnlyList<Button>> Grid(IEnumerable<Button> buttons, int perRow = 2) =>
        buttons.Chunk(perRow).Select(row => (IReadOnlyList<Button>)row).ToList();
}

public sealed record Button(string Label, string Data);
