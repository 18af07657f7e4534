using BennBot.Worker.Events;

namespace BennBot.Worker.Residents;

/// <summary>What BennBot keeps about a resident: the minimum needed to answer in their language.
/// No name, no username, no phone number, no message text.</summary>
public sealed record Resident
{
    public const string Collection = "residents";

    /// <summary>Telegram user id; in a private chat it is also the chat id.</summary>
    public long Id { get; init; }
    public string Language { get; init; } = "de";
    /// <summary>False while the language is only Telegram's guess; the picker is offered until the resident chooses.</summary>
    public bool LanguageChosen { get; init; }
    public DateTime FirstSeen { get; init; }
    /// <summary>The day of the last message (a day, not a time): profiles inactive for long are erased.</summary>
    public DateTime LastSeen { get; init; }
    /// <summary>The resident blocked the bot (Telegram's my_chat_member update); nothing is sent until they return.</summary>
    public bool BlockedBot { get; init; }
    /// <summary>Wants event announcements. Nobody gets broadcasts without having subscribed.</summary>
    public bool Subscribed { get; init; }
    /// <summary>Planning areas the resident cares about; empty means all.</summary>
    public List<string> InterestAreas { get; init; } = [];
    /// <summary>Kinds of event the resident cares about; empty means all.</summary>
    public List<EventKind> InterestKinds { get; init; } = [];

    // Value equality for the lists too (a record compares them by reference).
    public bool Equals(Resident? other) => other is not null && Id == other.Id && Language == other.Language
        && LanguageChosen == other.LanguageChosen && FirstSeen == other.FirstSeen && LastSeen == other.LastSeen && BlockedBot == other.BlockedBot
        && Subscribed == other.Subscribed
        && InterestAreas.SequenceEqual(other.InterestAreas) && InterestKinds.SequenceEqual(other.InterestKinds);

    public override int GetHashCode() => HashCode.Combine(Id, Language, Subscribed);
}
