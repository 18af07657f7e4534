using BennBot.Worker.Broadcasts;

namespace BennBot.Worker.Events;

public enum DeskStep { Title, Description, Start, End, Place, Area, Kind, Spoken, Cost, Access, Link, Review, TranslateTitle, TranslateDescription, ScheduleAt, Voice }

/// <summary>Where a staff member is in the event dialogue: which event, which field comes next. One per staff member;
/// only texts from the same chat fill it in. Kept in the user's <see cref="Conversations.DialogueRecord"/>.</summary>
public sealed record DeskSession
{
    public long Id { get; init; }
    public long ChatId { get; init; }
    public long EventId { get; init; }
    public DeskStep Step { get; init; }
    /// <summary>Editing one field of a finished draft: after it, back to the review.</summary>
    public bool Editing { get; init; }
    /// <summary>The language of a translation being entered.</summary>
    public string? Language { get; init; }
    /// <summary>The recipients chosen for the announcement, until it is sent.</summary>
    public Segment Segment { get; init; } = new();
    public DateTime UpdatedAt { get; init; }
}
