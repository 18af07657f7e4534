using BennBot.Worker.Conversations;
using LiteDB;

namespace BennBot.Worker.Learning;

/// <summary>A resident's question that the team confirmed as an example of an entry (issue 16): content, like the
/// seeds' examples. Only the scrubbed wording the team confirmed is kept, with no link to the resident, the chat or the
/// date, so /mydata and /delete need not cover it.</summary>
public sealed record LearnedExample
{
    public const string Collection = "learned_examples";

    public long Id { get; init; }
    /// <summary>An entry id, or <see cref="Content.QuestionIndex.LegalTarget"/> / <see cref="Content.QuestionIndex.OtherTarget"/>.</summary>
    public string Target { get; init; } = "";
    public string Language { get; init; } = "de";
    public string Text { get; init; } = "";
}

/// <summary>An example being prepared from question <see cref="Id"/>: the scrubbed text staff see in the preview and
/// may correct, until one of them confirms or cancels it. Expires after <see cref="LearningDesk.DraftKept"/>.</summary>
public sealed record LearnDraft
{
    public const string Collection = "learn_drafts";

    public long Id { get; init; }
    public string Target { get; init; } = "";
    public string Language { get; init; } = "de";
    public string Text { get; init; } = "";
    public DateTime CreatedAt { get; init; }
}

/// <summary>Examples and their drafts, applied by <see cref="LearningStore"/>.</summary>
public abstract record LearningEffect : Effect
{
    public sealed override void Apply(LiteDatabase db, DateTime now) => LearningStore.Apply(db, this);
}

public sealed record SaveLearnDraft(LearnDraft Draft) : LearningEffect;

public sealed record DropLearnDraft(long QuestionId) : LearningEffect;

/// <summary>Keep the confirmed example (and drop its draft, so the same confirm button cannot save it twice).</summary>
public sealed record LearnExample(long QuestionId, string Target, string Language, string Text) : LearningEffect;

public sealed record ForgetExample(long ExampleId) : LearningEffect;
