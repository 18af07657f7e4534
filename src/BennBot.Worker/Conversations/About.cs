namespace BennBot.Worker.Conversations;

/// <summary>Recording: staff's card for one entry's answer in one language (issue 15); a voice reply to it records that answer.
/// Example: the preview of an example being made from a question (issue 16); a staff reply corrects its text.</summary>
public enum AboutKind { Question, Topic, Recording, Example }

/// <summary>The question or topic a message to staff shows. The bot remembers the id Telegram gave each such message
/// (<see cref="SentCards"/>), and a staff reply to that message answers exactly this item: never one named by text
/// inside the message, which may be a resident's words (issue 19).</summary>
public sealed record About(AboutKind Kind, long Id)
{
    public string Tag => Kind switch { AboutKind.Topic => "#T", AboutKind.Recording => "#R", _ => "#Q" } + Id;
}
