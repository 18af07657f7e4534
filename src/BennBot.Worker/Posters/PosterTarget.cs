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
    /// <summary>All languages: a bit mask over <see cref="Language.ButtonBit"/>, as in the button data (issue 14).</summary>
    public static readonly int All = Languages.All.Aggregate(0, (m, l) => m | (1 << l.ButtonBit));

    public static bool Has(int chosen, Language l) => (chosen & (1 << l.ButtonBit)) != 0;

    public static int Toggled(int chosen, Language l) => chosen ^ (1 << l.ButtonBit);

    /// <summary>The codes of the chosen languages, in the order of <see cref="Languages.All"/>.</summary>
    public static IReadOnlyList<string> Codes(int chosen) => Languages.All.Where(l => Has(chosen, l)).Select(l => l.Code).ToList();

    /// <summary>Whether every bit set names a language (a forged or stale button may not).</summary>
    public static bool IsKnown(int chosen) => Languages.All.Aggregate(chosen, (rest, l) => rest & ~(1 << l.ButtonBit)) == 0;
}
