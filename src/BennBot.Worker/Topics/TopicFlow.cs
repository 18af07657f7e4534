namespace BennBot.Worker.Topics;

/// <summary>What a resident does in the "share a topic" dialogue.</summary>
public abstract record FlowInput
{
    public sealed record Start : FlowInput;
    public sealed record Restart : FlowInput;
    public sealed record Category(TopicCategory Chosen) : FlowInput;
    public sealed record Text(string Words) : FlowInput;
    public sealed record Voice(string FileId, int Seconds) : FlowInput;
    public sealed record Area(string? Chosen) : FlowInput;
    public sealed record Privacy(bool Contactable) : FlowInput;
    public sealed record Send : FlowInput;
    public sealed record Cancel : FlowInput;
    /// <summary>The resident went on to something else (another command or button).</summary>
    public sealed record Leave : FlowInput;
}

public enum FlowProblem { None, Stale, TextTooLong, VoiceTooLong, NotForTheFlow }

/// <summary>The result of one step: the draft to keep (null: none), whether to submit it, or what was wrong.</summary>
public sealed record FlowStep(TopicDraft? Draft, FlowProblem Problem = FlowProblem.None, bool Submit = false, bool Dropped = false);

/// <summary>The dialogue as a pure function: (draft, input) → next draft. Every step can be skipped or cancelled;
/// a button of an earlier step is stale; a text counts as the topic only while the dialogue waits for it.</summary>
public static class TopicFlow
{
    public const int MaxText = 2000;
    public const int MaxVoiceSeconds = 300;

    public static FlowStep Next(TopicDraft? draft, FlowInput input, long residentId) => (draft, input) switch
    {
        (_, FlowInput.Cancel) => new(null, Dropped: true),
        (_, FlowInput.Restart) => new(Fresh(residentId)),
        ({ } d, FlowInput.Start) => new(d with { Paused = false }), // pick up where it was left
        (null, FlowInput.Start) => new(Fresh(residentId)),
        ({ Paused: false } d, FlowInput.Leave) => new(d with { Paused = true }),
        (_, FlowInput.Leave) => new(draft),
        ({ Step: DraftStep.Category } d, FlowInput.Category c) => new(d with { Category = c.Chosen, Step = DraftStep.Content, Paused = false }),
        ({ Step: DraftStep.Content, Paused: false } d, FlowInput.Text t) => t.Words.Trim() is { Length: > MaxText }
            ? new(d, FlowProblem.TextTooLong)
            : t.Words.Trim() is { Length: 0 } ? new(d, FlowProblem.NotForTheFlow)
            : new(d with { Text = t.Words.Trim(), VoiceFileId = null, VoiceSeconds = 0, Step = DraftStep.Area }),
        ({ Step: DraftStep.Content, Paused: false } d, FlowInput.Voice v) => v.Seconds > MaxVoiceSeconds
            ? new(d, FlowProblem.VoiceTooLong)
            : new(d with { VoiceFileId = v.FileId, VoiceSeconds = v.Seconds, Text = null, Step = DraftStep.Area }),
        (_, FlowInput.Text or FlowInput.Voice) => new(draft, FlowProblem.NotForTheFlow),
        ({ Step: DraftStep.Area } d, FlowInput.Area a) => new(d with { Area = a.Chosen, Step = DraftStep.Privacy, Paused = false }),
        ({ Step: DraftStep.Privacy } d, FlowInput.Privacy p) => new(d with { Contactable = p.Contactable, Step = DraftStep.Confirm, Paused = false }),
        ({ Step: DraftStep.Confirm, HasContent: true } d, FlowInput.Send) => new(d, Submit: true),
        _ => new(draft, FlowProblem.Stale),
    };

    private static TopicDraft Fresh(long residentId) => new() { Id = residentId, Step = DraftStep.Category };
}

/// <summary>Which status changes the team can make: any move forward or back, a closed topic can be reopened,
/// but nothing goes back to "new" (the resident was already told it is being handled).</summary>
public static class TopicWorkflow
{
    public static bool CanMove(TopicStatus from, TopicStatus to) => to != TopicStatus.New && to != from;
}
