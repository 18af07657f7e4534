using BennBot.Worker.Residents;

namespace BennBot.Worker.Conversations;

/// <summary>The result of handling one update: what to say, and the one change to the resident's record.
/// Applied in a single transaction together with marking the update done.</summary>
public sealed record Outcome(IReadOnlyList<Reply> Replies, Resident? Save = null, bool DeleteResident = false)
{
    public IReadOnlyList<Effect> Effects { get; init; } = [];

    /// <summary>This outcome erases data: once it is applied, the erased bytes are wiped from the database file
    /// (<see cref="Privacy.ErasureService"/>).</summary>
    public bool Erases { get; init; }

    public static readonly Outcome Nothing = new([]);
}
