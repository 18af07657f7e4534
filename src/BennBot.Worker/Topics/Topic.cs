namespace BennBot.Worker.Topics;

/// <summary>What a topic is about: the everyday categories residents pick from.</summary>
// The numbers of these three travel in buttons already in chats ("Nc:", "Kc:", "Ks:", "Kf:"): a new value takes the
// next free number, never one in use (issue 14). Stored rows name the value (LiteDB writes enums as names).
public enum TopicCategory { Housing = 0, School = 1, Work = 2, Health = 3, Language = 4, Discrimination = 5, Safety = 6, Leisure = 7, Participation = 8, Other = 9 }

/// <summary>The four fields of action of BENN Weißensee's plan (../shared/product.md); set by the team, with a
/// first guess from the category where the plan names it.</summary>
public enum FieldOfAction { Unassigned = 0, Encounter = 1, Empowerment = 2, Dialogue = 3, Networks = 4 }

public enum TopicStatus { New = 0, InReview = 1, Planned = 2, Done = 3, NotPursued = 4 }

/// <summary>An empowerment topic: a concern, wish or idea a resident brought in. Anonymous by default: the link to
/// the submitter (<see cref="SubmitterId"/>) exists only so the resident hears what became of it, is never shown to
/// staff, and is erased when the resident deletes their data or a while after the topic is closed.</summary>
public sealed record Topic
{
    public const string Collection = "topics";

    public long Id { get; init; }
    public TopicCategory Category { get; init; }
    public FieldOfAction Field { get; init; }
    /// <summary>The resident's words (escaped whenever shown); null for a voice topic.</summary>
    public string? Text { get; init; }
    /// <summary>Telegram's file id of a voice message, and its length in seconds.</summary>
    public string? VoiceFileId { get; init; }
    public int VoiceSeconds { get; init; }
    /// <summary>A planning area id (<see cref="Events.Areas"/>), or null when not given.</summary>
    public string? Area { get; init; }
    /// <summary>The language the resident used the bot in.</summary>
    public string Language { get; init; } = "de";
    public DateTime SubmittedAt { get; init; }
    public TopicStatus Status { get; init; }
    public DateTime StatusChangedAt { get; init; }
    /// <summary>0 once the link is erased.</summary>
    public long SubmitterId { get; init; }
    /// <summary>The resident agreed that the team may contact them about this topic (through the bot).</summary>
    public bool Contactable { get; init; }
    /// <summary>Submitters of topics merged into this one: they hear of its status too.</summary>
    public List<long> Followers { get; init; } = [];
    /// <summary>Set when this topic was merged into another; it then counts there.</summary>
    public long? MergedInto { get; init; }
    /// <summary>Hidden by the team (abusive content): not listed, not published, not exported.</summary>
    public bool Hidden { get; init; }
    /// <summary>The team's response as written, and the language it was written in.</summary>
    public string? Response { get; init; }
    public string? ResponseLanguage { get; init; }
    /// <summary>The team's anonymised wording, shown to residents for support ("me too") once published.</summary>
    public string? PublicWording { get; init; }
    /// <summary>The language staff wrote <see cref="PublicWording"/> in (the staff language when it was published);
    /// residents reading another language see it marked. Null for topics published before it was kept.</summary>
    public string? PublicWordingLanguage { get; init; }
    public int Supporters { get; init; }
}

/// <summary>One resident's "me too" for one published topic: only there so that nobody counts twice.</summary>
public sealed record Support
{
    public const string Collection = "topic_supports";

    /// <summary>"{topic}:{resident}".</summary>
    public string Id { get; init; } = "";
    public long TopicId { get; init; }
    public long ResidentId { get; init; }

    public static string IdOf(long topicId, long residentId) => $"{topicId}:{residentId}";
}
