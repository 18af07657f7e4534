using BennBot.Worker.Residents;

namespace BennBot.Worker.Conversations;

/// <summary>The result of handling one update: what to say, and the one change to the resident's record.
/// Applied in a single transaction together with marking the update done.</summary>
public sealed record Outcome(IReadOnlyList<Reply> Replies, Resident? Save = null, bool DeleteResident = false)
{
    public IReadOnlyList<Effect> Effects { get; init; } = [];

    /// <summary>Rewrite the database file after this outcome is applied, so that erased data leaves no bytes behind.</summary>
    public bool Compact { get; init; }

    public static readonly Outcome Nothing = new([]);
}
