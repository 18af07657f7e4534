using BennBot.Content;
using BennBot.Worker.Residents;

namespace BennBot.Worker.Posters;

/// <summary>What a poster's code opens, as the deep link's target (no language, no area: those are chosen later).
/// In a button it is the payload's own short form ("h" for the start), read back by <see cref="StartPayload.Parse"/>,
/// so a forged button names only entries that exist.</summary>
public sealed record PosterTarget(StartPayload Payload)
{
    public static readonly PosterTarget Home = new(new StartPayload(null, null, StartTarget.Home));
    public static readonly PosterTarget Topic = new(new StartPayload(null, null, StartTarget.Topic));
    public static readonly PosterTarget Subscribe = new(new StartPayload(null, null, StartTarget.Subscribe));

    public static PosterTarget Entry(string id) => new(new StartPayload(null, null, StartTarget.Entry, EntryId: id));

    public static PosterTarget Event(long id) => new(new StartPayload(null, null, StartTarget.Event, EventId: id));

    public long? EventId => Payload.Target == StartTarget.Event ? Payload.EventId : null;

    public string Code => Payload.Target == StartTarget.Home ? "h" : Payload.Format();

    public static PosterTarget? Decode(string code, ContentSet content) =>
        code == "h" ? Home
        : StartPayload.Parse(code, content) is { Language: null, Area: null, Target: not StartTarget.Home } p ? new(p) : null;
}

public static class PosterChoice
{
    /// <summary>All eight languages, one bit each in the order of <see cref="Languages.All"/>.</summary>
    public const int All = 0xFF;
}
